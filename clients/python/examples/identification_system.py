#!/usr/bin/env python3
"""py-histogram-index: a 1:N identification system written against touchstone_worker, to show the
identification half of the Python client: ``finalize_enrolment(entries, work_dir)``, a ``Gallery``
with ``search``, ``size``, ``insert`` and ``remove``, and failures raised where they belong.

Templates are py-histogram's (histogram_system.py: grey-level histograms of a 4x4 grid). The gallery is
an index file written into the folder the harness gives it, ``work_dir``: all templates one after the
other, read back whole when the gallery opens, as a system whose enrolment is costly would keep its
index on disk. Search is exhaustive, by histogram intersection, best first; ties by template id.

Run by the harness as: touchstone run --protocol identification@1.0.0 --system process:CONFIG, with
identification.process.json as the config (docs/python-client.md explains every callback).
"""

import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import histogram_system as hs  # noqa: E402
import touchstone_worker as tw  # noqa: E402

INDEX_FILE = "gallery.index"
# One index record: the id's length (uint16), the id in UTF-8, then the template as histogram_system packs it.
ID_LENGTH = struct.Struct("<H")


def write_index(path, entries):
    """Writes ``(template_id, template bytes)`` pairs to ``path``."""
    with open(path, "wb") as f:
        for template_id, template in entries:
            encoded = template_id.encode("utf-8")
            f.write(ID_LENGTH.pack(len(encoded)))
            f.write(encoded)
            f.write(template)


def read_index(path):
    """The ``{template_id: histogram values}`` of an index file."""
    entries = {}
    with open(path, "rb") as f:
        data = f.read()
    at = 0
    while at < len(data):
        (n,) = ID_LENGTH.unpack_from(data, at)
        at += ID_LENGTH.size
        template_id = data[at:at + n].decode("utf-8")
        at += n
        entries[template_id] = hs.decode(data[at:at + hs.TEMPLATE.size], "enrolment")
        at += hs.TEMPLATE.size
    return entries


class IndexGallery(tw.Gallery):
    """A finalised gallery: the index read back from ``work_dir``."""

    def __init__(self, index_path):
        self.entries = read_index(index_path)

    def search(self, probe, max_candidates):
        # A probe this system cannot read is its failure for this search alone.
        p = hs.decode(probe, "probe")
        scored = sorted(((hs.intersection(p, v), i) for i, v in self.entries.items()), key=lambda s: (-s[0], s[1]))
        return [(i, s) for s, i in scored[:max_candidates]]

    def size(self):
        return len(self.entries)

    def insert(self, template_id, template):
        if template_id in self.entries:
            raise tw.Failure("VENDOR_ERROR", "%s is already enrolled" % template_id)
        self.entries[template_id] = hs.decode(template, "enrolment")

    def remove(self, template_id):
        if self.entries.pop(template_id, None) is None:
            raise tw.Failure("VENDOR_ERROR", "%s is not enrolled" % template_id)

    def close(self):
        self.entries = {}


class IdentificationSystem(tw.System):
    def __init__(self):
        self.templates = hs.HistogramSystem()

    def descriptor(self):
        return {
            "id": "py-histogram-index",
            "vendor": "Touchstone examples",
            "name": "Grey-level histogram index (Python)",
            "version": "1.0.0",
            "description": "Example 1:N system for the Python client: py-histogram's templates in a gallery "
                           "index file, exhaustive search. Weak by design; standard library only.",
            "capabilities": ["identification"],
            "score_range": {"min": 0.0, "max": 1.0},
            "thresholds": [{"name": "default", "capability": "identification", "value": 0.64,
                            "description": "as py-histogram's (illustrative)"}],
            "concurrency": "thread_safe",
        }

    def create_template(self, images, role):
        # role is identification_enrolment or identification_probe; both make the same kind of template.
        return self.templates.create_template(images, role)

    def finalize_enrolment(self, entries, work_dir):
        # entries: a list of (template_id, template bytes), every template of the gallery at once;
        # work_dir: a writable folder the harness made for this gallery alone.
        if not entries:
            raise tw.Failure("NUM_DATA_ERROR", "an empty gallery")
        for template_id, template in entries:
            hs.decode(template, "enrolment %s" % template_id)  # TEMPLATE_FORMAT_ERROR fails the gallery
        path = os.path.join(work_dir, INDEX_FILE)
        write_index(path, entries)
        return IndexGallery(path)


if __name__ == "__main__":
    tw.run(IdentificationSystem())
