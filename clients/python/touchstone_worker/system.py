"""What a system written in Python implements to be tested by Touchstone."""

import collections

Image = collections.namedtuple("Image", ["id", "format", "data"])
Image.__doc__ = """One image: the dataset's sample id, its format ("png", "jpeg", "bmp", "gif") and its
encoded bytes exactly as stored in the dataset."""


class Failure(Exception):
    """A failure the system reports, with a code from Touchstone's list (modelled on NIST FRVT's):
    UNKNOWN_ERROR, CONFIG_ERROR, REFUSE_INPUT, EXTRACT_ERROR, PARSE_ERROR, TEMPLATE_CREATION_ERROR,
    VERIF_TEMPLATE_ERROR, FACE_DETECTION_ERROR, NUM_DATA_ERROR, TEMPLATE_FORMAT_ERROR, ENROLL_DIR_ERROR,
    INPUT_LOCATION_ERROR, MEMORY_ERROR, MATCH_ERROR, QUALITY_ASSESSMENT_ERROR, NOT_IMPLEMENTED,
    VENDOR_ERROR.

    Raise it from any operation; in ``compare_many`` a Failure may also stand in the result list for
    one comparison. (TIMEOUT, SYSTEM_CRASHED, INVALID_OUTPUT and UNCAUGHT_EXCEPTION are assigned by the
    harness only: a system that reports them is recorded as INVALID_OUTPUT.)"""

    def __init__(self, code, message=""):
        super().__init__("%s: %s" % (code, message) if message else code)
        self.code = code
        self.message = message


class Gallery:
    """A finalised 1:N gallery."""

    def search(self, probe, max_candidates):
        """Returns at most ``max_candidates`` pairs ``(template_id, score)``, by descending score,
        each id once; fewer only when the gallery holds fewer."""
        raise NotImplementedError

    def size(self):
        """The number of templates enrolled."""
        raise NotImplementedError

    def insert(self, template_id, template):
        """Adds a template; optional."""
        raise Failure("NOT_IMPLEMENTED", "this gallery does not support insertion")

    def remove(self, template_id):
        """Removes a template; optional."""
        raise Failure("NOT_IMPLEMENTED", "this gallery does not support removal")

    def close(self):
        """Releases the gallery."""


class System:
    """A face recognition or analysis system. Override ``descriptor`` and the operations of the
    capabilities it declares; the others answer NOT_IMPLEMENTED.

    Each worker process runs one System and calls it from one thread; the harness starts as many
    workers as it wants calls in parallel. Operations must be deterministic: the same input gives the
    same output, byte for byte."""

    def descriptor(self):
        """The descriptor as a dict (see docs/worker-protocol.md), for example::

            {"id": "acme-fr", "vendor": "Acme", "name": "Acme FR", "version": "2.1.0",
             "capabilities": ["verification"], "score_range": {"min": 0, "max": 1},
             "thresholds": [{"name": "default", "capability": "verification", "value": 0.8,
                             "description": "general use"}]}
        """
        raise NotImplementedError

    def open(self, config_dir, work_dir, caller_threads):
        """Loads configuration and models. ``config_dir`` is read-only (or None); ``work_dir`` is
        writable. Returns runtime properties (a dict of strings) or None. Raise Failure("CONFIG_ERROR",
        ...) if the system cannot start."""
        return None

    def create_template(self, images, role):
        """Returns a template (bytes) from one or more ``Image`` of one person. ``role`` is one of
        verification_enrolment, verification_probe, identification_enrolment, identification_probe."""
        raise Failure("NOT_IMPLEMENTED", "no template creation")

    def compare(self, enrolment, probe):
        """Returns the similarity (a finite float inside the declared score range) of two templates."""
        raise Failure("NOT_IMPLEMENTED", "no verification")

    def compare_many(self, probe, enrolments):
        """Compares one probe with many enrolment templates: one float or Failure per enrolment, in
        order. The default calls ``compare`` for each; override it to amortise work."""
        results = []
        for enrolment in enrolments:
            try:
                results.append(self.compare(enrolment, probe))
            except Failure as f:
                results.append(f)
        return results

    def finalize_enrolment(self, entries, work_dir):
        """Builds a ``Gallery`` from a list of ``(template_id, template)``. ``work_dir`` is a writable
        folder for the gallery's files."""
        raise Failure("NOT_IMPLEMENTED", "no identification")

    def analyze(self, image):
        """Returns one dict per face found, largest or most confident first (an empty list when no
        face is found)::

            {"box": {"x": 10, "y": 12, "width": 60, "height": 60} or None,
             "detection_confidence": 0.98,
             "estimates": [{"attribute": "sex", "label": "female", "confidence": 0.9},
                           {"attribute": "age", "value": 31.5, "confidence": 0.6}]}
        """
        raise Failure("NOT_IMPLEMENTED", "no analysis")

    def close(self):
        """Releases models and files."""
