"""Frames of the Touchstone worker protocol, version 1 (see docs/worker-protocol.md).

A frame is::

    4 bytes   magic b"TSWP"
    4 bytes   header length H, unsigned big-endian, 2 <= H <= 16 MiB
    4 bytes   payload length P, unsigned big-endian, P <= 1 GiB
    H bytes   header: a UTF-8 JSON object; "blobs": [n1, n2, ...] gives the blob lengths (sum P)
    P bytes   the blobs (images, templates), concatenated
"""

import json
import math
import struct

MAGIC = b"TSWP"
MAX_HEADER_BYTES = 16 << 20
MAX_PAYLOAD_BYTES = 1 << 30
_PREFIX = struct.Struct(">4sII")


class FramingError(Exception):
    """The bytes read are not a well-formed frame."""


def _json_safe(value):
    """Non-finite floats become the strings the harness reads ("NaN", "Infinity", "-Infinity")."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    return value


def encode_frame(header, blobs=()):
    """Returns one frame as bytes. ``header`` is a dict; ``blobs`` are bytes-like objects. Raises
    ValueError or TypeError when the header cannot be written as JSON."""
    blobs = [bytes(b) for b in blobs]
    header = dict(header)
    if blobs:
        header["blobs"] = [len(b) for b in blobs]
    else:
        header.pop("blobs", None)
    text = json.dumps(_json_safe(header), separators=(",", ":"), allow_nan=False).encode("utf-8")
    payload = sum(len(b) for b in blobs)
    if len(text) > MAX_HEADER_BYTES or payload > MAX_PAYLOAD_BYTES:
        raise ValueError("frame too large: header %d bytes, payload %d bytes" % (len(text), payload))
    return b"".join([_PREFIX.pack(MAGIC, len(text), payload), text] + blobs)


def write_frame(stream, header, blobs=()):
    """Writes one frame and flushes."""
    stream.write(encode_frame(header, blobs))
    stream.flush()


def _read_exactly(stream, n, what):
    chunks = []
    remaining = n
    while remaining > 0:
        chunk = stream.read(remaining)
        if not chunk:
            raise FramingError("stream ended inside a frame's " + what)
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_frame(stream):
    """Reads one frame: returns ``(header, blobs)``, or ``None`` at a clean end of stream."""
    first = stream.read(1)
    if not first:
        return None
    prefix = first + _read_exactly(stream, _PREFIX.size - 1, "prefix")
    magic, header_length, payload_length = _PREFIX.unpack(prefix)
    if magic != MAGIC:
        raise FramingError("expected magic %r, found %r" % (MAGIC, magic))
    if not 2 <= header_length <= MAX_HEADER_BYTES:
        raise FramingError("header length %d out of range" % header_length)
    if payload_length > MAX_PAYLOAD_BYTES:
        raise FramingError("payload length %d out of range" % payload_length)
    try:
        header = json.loads(_read_exactly(stream, header_length, "header").decode("utf-8"))
    except ValueError as e:
        raise FramingError("header is not JSON: %s" % e)
    if not isinstance(header, dict):
        raise FramingError("header is not a JSON object")
    lengths = header.pop("blobs", None) or []
    if not isinstance(lengths, list) or any(not isinstance(n, int) or n < 0 for n in lengths):
        raise FramingError("'blobs' must be a list of lengths")
    if sum(lengths) != payload_length:
        raise FramingError("blobs add up to %d bytes, payload has %d" % (sum(lengths), payload_length))
    blobs = [_read_exactly(stream, n, "payload") for n in lengths]
    return header, blobs
