"""A small PNG decoder on the standard library (zlib): 8-bit grey, grey+alpha, RGB and RGBA images,
not interlaced, which is what most face datasets and Touchstone's synthetic faces use. Enough for
examples; a real system would use its own image library."""

import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}


class PngError(ValueError):
    """The bytes are not a PNG this decoder reads."""


def header(data):
    """Returns ``(width, height, bit_depth, colour_type, interlace)`` from the IHDR chunk, without
    decoding the pixels."""
    if data[:8] != SIGNATURE:
        raise PngError("not a PNG (bad signature)")
    if len(data) < 33 or data[12:16] != b"IHDR":
        raise PngError("PNG without IHDR")
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", data[16:29])
    return width, height, depth, colour, interlace


def decode_luma(data, max_pixels=None):
    """Returns ``(width, height, luma)`` where luma is a bytearray of grey levels (BT.601 weights)."""
    width, height, depth, colour, interlace = header(data)
    if depth != 8 or colour not in _CHANNELS or interlace != 0:
        raise PngError("unsupported PNG: bit depth %d, colour type %d, interlace %d" % (depth, colour, interlace))
    if width == 0 or height == 0:
        raise PngError("empty image")
    if max_pixels is not None and width * height > max_pixels:
        raise PngError("image of %dx%d pixels is larger than %d pixels" % (width, height, max_pixels))
    channels = _CHANNELS[colour]
    idat = []
    pos = 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if len(chunk) != length:
            raise PngError("truncated %r chunk" % kind)
        if kind == b"IDAT":
            idat.append(chunk)
        elif kind == b"IEND":
            break
        pos += 12 + length
    try:
        raw = zlib.decompress(b"".join(idat))
    except zlib.error as e:
        raise PngError("corrupt image data: %s" % e)
    stride = width * channels
    if len(raw) != height * (stride + 1):
        raise PngError("image data has %d bytes, expected %d" % (len(raw), height * (stride + 1)))
    previous = bytearray(stride)
    luma = bytearray(width * height)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        _unfilter(kind, line, previous, channels)
        if channels == 1 or channels == 2:
            luma[y * width:(y + 1) * width] = line[0::channels]
        else:
            r, g, b = line[0::channels], line[1::channels], line[2::channels]
            luma[y * width:(y + 1) * width] = bytes((299 * r[i] + 587 * g[i] + 114 * b[i] + 500) // 1000
                                                    for i in range(width))
        previous = line
    return width, height, luma


def _unfilter(kind, line, previous, bpp):
    n = len(line)
    if kind == 0:
        return
    if kind == 1:
        for i in range(bpp, n):
            line[i] = (line[i] + line[i - bpp]) & 0xFF
    elif kind == 2:
        for i in range(n):
            line[i] = (line[i] + previous[i]) & 0xFF
    elif kind == 3:
        for i in range(n):
            left = line[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
    elif kind == 4:
        for i in range(n):
            a = line[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            predictor = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            line[i] = (line[i] + predictor) & 0xFF
    else:
        raise PngError("unknown filter type %d" % kind)
