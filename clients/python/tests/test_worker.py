"""Tests of the Python client on its own: framing, the request loop, and the PNG decoder of the
examples. Run with: python3 -m unittest discover -s clients/python/tests"""

import io
import math
import os
import struct
import sys
import unittest
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(HERE, "..", "examples"))

import histogram_system  # noqa: E402
import tinypng  # noqa: E402
import touchstone_worker as tw  # noqa: E402
from touchstone_worker import framing  # noqa: E402


def png(width, height, pixel, colour_type=2):
    """Encodes an 8-bit PNG (filter type 0 on every row) with pixel(x, y) giving the samples."""
    channels = {0: 1, 2: 3, 6: 4}[colour_type]
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        for x in range(width):
            raw.extend(pixel(x, y)[:channels])

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return tinypng.SIGNATURE + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(bytes(raw))) + chunk(b"IEND", b"")


def face(seed):
    return png(32, 32, lambda x, y: ((x * 7 + y * 3 + seed * 11) % 256, (x * y + seed) % 256, (y * 5) % 256))


class FramingTest(unittest.TestCase):
    def test_round_trip_keeps_blobs_and_header(self):
        buffer = io.BytesIO()
        framing.write_frame(buffer, {"op": "compare", "id": 3, "x": float("nan")}, [b"\x00\x01", b"", b"abc"])
        buffer.seek(0)
        header, blobs = framing.read_frame(buffer)
        self.assertEqual(header, {"op": "compare", "id": 3, "x": "NaN"})
        self.assertEqual(blobs, [b"\x00\x01", b"", b"abc"])
        self.assertIsNone(framing.read_frame(buffer))

    def test_garbage_is_not_a_frame(self):
        with self.assertRaises(framing.FramingError):
            framing.read_frame(io.BytesIO(b"hello world, not a frame"))

    def test_truncated_frame_is_detected(self):
        whole = framing.encode_frame({"op": "hello"}, [b"12345"])
        with self.assertRaises(framing.FramingError):
            framing.read_frame(io.BytesIO(whole[:-2]))


class TinyPngTest(unittest.TestCase):
    def test_decodes_rgb_to_bt601_luma(self):
        width, height, luma = tinypng.decode_luma(png(2, 1, lambda x, y: (255, 0, 0) if x == 0 else (0, 0, 255)))
        self.assertEqual((width, height), (2, 1))
        self.assertEqual(list(luma), [(299 * 255 + 500) // 1000, (114 * 255 + 500) // 1000])

    def test_refuses_what_it_cannot_read(self):
        with self.assertRaises(tinypng.PngError):
            tinypng.decode_luma(b"GIF89a....")
        with self.assertRaises(tinypng.PngError):
            tinypng.decode_luma(face(1)[:60])


class RequestLoopTest(unittest.TestCase):
    """Drives serve() with a scripted request stream, as the harness would."""

    def exchange(self, requests):
        stream = io.BytesIO()
        for i, (header, blobs) in enumerate(requests, 1):
            framing.write_frame(stream, dict(header, id=i), blobs)
        stream.seek(0)
        out = io.BytesIO()
        status = tw.serve(histogram_system.HistogramSystem(), stream, out)
        out.seek(0)
        replies = []
        while True:
            frame = framing.read_frame(out)
            if frame is None:
                return status, replies
            replies.append(frame)

    def test_a_session_from_handshake_to_search(self):
        image = {"op": "create_template", "role": "identification_enrolment",
                 "images": [{"id": "a-1", "format": "png"}]}
        status, replies = self.exchange([
            ({"op": "hello", "versions": [1]}, []),
            ({"op": "open", "config_dir": None, "work_dir": "/tmp", "caller_threads": 1}, []),
            (image, [face(1)]),
            (image, [face(2)]),
            ({"op": "create_template", "role": "verification_probe", "images": [{"id": "b", "format": "png"}]},
             [png(8, 8, lambda x, y: (128, 128, 128))]),
            ({"op": "frobnicate"}, []),
            ({"op": "close"}, []),
        ])
        self.assertEqual(status, 0)
        self.assertEqual([r[0]["id"] for r in replies], [1, 2, 3, 4, 5, 6, 7])
        self.assertEqual(replies[0][0]["result"]["protocol"], 1)
        self.assertEqual(replies[0][0]["result"]["descriptor"]["id"], "py-histogram")
        self.assertEqual(len(replies[2][1]), 1)
        self.assertEqual(len(replies[2][1][0]), histogram_system.TEMPLATE.size)
        self.assertEqual(replies[4][0]["failure"]["code"], "FACE_DETECTION_ERROR")
        self.assertEqual(replies[5][0]["failure"]["code"], "NOT_IMPLEMENTED")

        t1, t2 = replies[2][1][0], replies[3][1][0]
        status, replies = self.exchange([
            ({"op": "open", "config_dir": None, "work_dir": "/tmp", "caller_threads": 1}, []),
            ({"op": "compare_many"}, [t1, t1, t2, b"junk"]),
            ({"op": "enrol_begin", "work_dir": None}, []),
            ({"op": "enrol_add", "gallery": "g1", "ids": ["A", "B"]}, [t1, t2]),
            ({"op": "enrol_finalize", "gallery": "g1"}, []),
            ({"op": "search", "gallery": "g1", "max_candidates": 5}, [t2]),
        ])
        results = replies[1][0]["result"]["results"]
        self.assertEqual(results[0]["score"], 1.0)
        self.assertTrue(0 <= results[1]["score"] < 1)
        self.assertEqual(results[2]["failure"]["code"], "TEMPLATE_FORMAT_ERROR")
        self.assertEqual(replies[4][0]["result"]["size"], 2)
        candidates = replies[5][0]["result"]["candidates"]
        self.assertEqual([c["id"] for c in candidates], ["B", "A"])
        self.assertTrue(math.isclose(candidates[0]["score"], 1.0))

    def test_an_exception_in_the_system_is_an_error_reply_not_a_crash(self):
        class Buggy(histogram_system.HistogramSystem):
            def compare(self, enrolment, probe):
                raise KeyError("oops")

        stream = io.BytesIO()
        framing.write_frame(stream, {"op": "open", "id": 1, "config_dir": None, "work_dir": "/tmp",
                                     "caller_threads": 1})
        framing.write_frame(stream, {"op": "compare", "id": 2}, [b"a", b"b"])
        stream.seek(0)
        out = io.BytesIO()
        self.assertEqual(tw.serve(Buggy(), stream, out), 0)
        out.seek(0)
        framing.read_frame(out)
        reply, _ = framing.read_frame(out)
        self.assertEqual(reply["error"]["code"], "UNCAUGHT_EXCEPTION")
        self.assertIn("KeyError", reply["error"]["message"])

    def test_a_malformed_request_ends_the_worker_with_status_2(self):
        status, replies = self.exchange([({"op": "compare"}, [])])
        self.assertEqual(status, 2)
        self.assertEqual(replies, [])


if __name__ == "__main__":
    unittest.main()
