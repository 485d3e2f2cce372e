#!/usr/bin/env python3
"""py-histogram: a small but real face system in pure Python, written against touchstone_worker.

Verification and identification by grey-level histograms: each image is decoded (PNG only, see
tinypng.py), cut into a 4x4 grid, and each cell's 16-bin histogram of grey levels is normalised; a
template is the 256 values, averaged over the images of the person; two templates are compared by
histogram intersection, a similarity in [0, 1]. Analysis estimates one vendor attribute, the image's
mean grey level, so that the protocol's analysis path has a deterministic example. No face detection:
an image whose grey levels span fewer than 8 values is taken to show no face.

It is a weak recogniser (far weaker than the LBP reference system) and is here to show the worker
protocol at work, not to be used. Run by the harness as: touchstone run --system process:CONFIG, with a
config naming ``python3 histogram_system.py`` (see histogram.process.json).
"""

import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import tinypng  # noqa: E402
import touchstone_worker as tw  # noqa: E402

GRID = 4
BINS = 16
VALUES = GRID * GRID * BINS
MAGIC = b"PYHG"
FORMAT_VERSION = 1
TEMPLATE = struct.Struct("<4sH%df" % VALUES)
MAX_PIXELS = 1024 * 1024
MIN_CONTRAST = 8


def read_image(image):
    """The grey levels of one image, or a Failure: PARSE_ERROR for bytes that are not a PNG image,
    REFUSE_INPUT for images this system does not take (other formats, PNG variants, too large)."""
    if image.format != "png":
        raise tw.Failure("REFUSE_INPUT", "image %s is %s; this system reads PNG only" % (image.id, image.format))
    if len(image.data) == 0:
        raise tw.Failure("PARSE_ERROR", "image %s is empty" % image.id)
    try:
        return tinypng.decode_luma(image.data, MAX_PIXELS)
    except tinypng.PngError as e:
        code = "REFUSE_INPUT" if "larger than" in str(e) or "unsupported" in str(e) else "PARSE_ERROR"
        raise tw.Failure(code, "image %s: %s" % (image.id, e))


def features(image):
    """The normalised per-cell histograms of one image, or a Failure."""
    width, height, luma = read_image(image)
    if width < GRID or height < GRID:
        raise tw.Failure("REFUSE_INPUT", "image %s of %dx%d is too small" % (image.id, width, height))
    if max(luma) - min(luma) < MIN_CONTRAST:
        raise tw.Failure("FACE_DETECTION_ERROR", "image %s is blank: no face" % image.id)
    counts = [0] * VALUES
    for y in range(height):
        row = y * GRID // height
        base = y * width
        for x in range(width):
            cell = row * GRID + x * GRID // width
            counts[cell * BINS + (luma[base + x] >> 4)] += 1
    values = []
    for cell in range(GRID * GRID):
        total = sum(counts[cell * BINS:(cell + 1) * BINS])
        values.extend(c / total for c in counts[cell * BINS:(cell + 1) * BINS])
    return values


def decode(template, side):
    if len(template) != TEMPLATE.size:
        raise tw.Failure("TEMPLATE_FORMAT_ERROR", "%s template has %d bytes, expected %d"
                         % (side, len(template), TEMPLATE.size))
    magic, version, *values = TEMPLATE.unpack(template)
    if magic != MAGIC or version != FORMAT_VERSION:
        raise tw.Failure("TEMPLATE_FORMAT_ERROR", "%s template is not a py-histogram template" % side)
    return values


def intersection(a, b):
    return sum(min(x, y) for x, y in zip(a, b)) / (GRID * GRID)


class ExhaustiveGallery(tw.Gallery):
    def __init__(self, entries):
        self.entries = dict(entries)

    def search(self, probe, max_candidates):
        p = decode(probe, "probe")
        scored = sorted(((intersection(p, v), i) for i, v in self.entries.items()), key=lambda s: (-s[0], s[1]))
        return [(i, s) for s, i in scored[:max_candidates]]

    def size(self):
        return len(self.entries)

    def insert(self, template_id, template):
        if template_id in self.entries:
            raise tw.Failure("VENDOR_ERROR", "%s is already enrolled" % template_id)
        self.entries[template_id] = decode(template, "enrolment")

    def remove(self, template_id):
        if self.entries.pop(template_id, None) is None:
            raise tw.Failure("VENDOR_ERROR", "%s is not enrolled" % template_id)


class HistogramSystem(tw.System):
    def descriptor(self):
        return {
            "id": "py-histogram",
            "vendor": "Touchstone examples",
            "name": "Grey-level histogram (Python)",
            "version": "1.0.0",
            "description": "Example system for the worker protocol: 4x4 grid of 16-bin grey-level histograms, "
                           "histogram intersection. Weak by design; pure Python, standard library only.",
            "capabilities": ["verification", "identification", "analysis"],
            "score_range": {"min": 0.0, "max": 1.0},
            "thresholds": [
                {"name": "default", "capability": "verification", "value": 0.64,
                 "description": "false match rate about 1e-2 on the demo's synthetic faces (illustrative)"},
                {"name": "default", "capability": "identification", "value": 0.64,
                 "description": "as for verification (illustrative)"},
            ],
            "attributes": [{"name": "x-mean-luma", "kind": "numeric"}],
            "concurrency": "thread_safe",
            "properties": {
                "language": "Python %d.%d" % sys.version_info[:2],
                "template-format": "b'PYHG', uint16 version %d, %d float32 little-endian; %d bytes"
                                   % (FORMAT_VERSION, VALUES, TEMPLATE.size),
                "input": "PNG only, up to %d pixels" % MAX_PIXELS,
            },
        }

    def open(self, config_dir, work_dir, caller_threads):
        return {"python": sys.version.split()[0]}

    def create_template(self, images, role):
        if not images:
            raise tw.Failure("NUM_DATA_ERROR", "no images")
        total = [0.0] * VALUES
        for image in images:
            for i, v in enumerate(features(image)):
                total[i] += v
        return TEMPLATE.pack(MAGIC, FORMAT_VERSION, *(v / len(images) for v in total))

    def compare(self, enrolment, probe):
        return intersection(decode(enrolment, "enrolment"), decode(probe, "probe"))

    def compare_many(self, probe, enrolments):
        try:
            p = decode(probe, "probe")
        except tw.Failure as f:
            return [f] * len(enrolments)
        results = []
        for enrolment in enrolments:
            try:
                results.append(intersection(decode(enrolment, "enrolment"), p))
            except tw.Failure as f:
                results.append(f)
        return results

    def finalize_enrolment(self, entries, work_dir):
        return ExhaustiveGallery((i, decode(t, "enrolment")) for i, t in entries)

    def analyze(self, image):
        width, height, luma = read_image(image)
        if max(luma) - min(luma) < MIN_CONTRAST:
            return []
        return [{"box": {"x": 0, "y": 0, "width": width, "height": height},
                 "detection_confidence": 0.5,
                 "estimates": [{"attribute": "x-mean-luma", "value": sum(luma) / len(luma), "confidence": 1.0}]}]


if __name__ == "__main__":
    tw.run(HistogramSystem())
