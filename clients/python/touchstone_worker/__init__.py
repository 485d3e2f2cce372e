"""Touchstone worker protocol client: test a face system written in Python with Touchstone.

Implement a ``System`` and call ``run``::

    import touchstone_worker as tw

    class MySystem(tw.System):
        def descriptor(self):
            return {"id": "my-fr", "vendor": "Me", "name": "My FR", "version": "1.0",
                    "capabilities": ["verification"], "score_range": {"min": 0, "max": 1}}

        def create_template(self, images, role):
            ...  # return bytes, or raise tw.Failure("FACE_DETECTION_ERROR", "no face")

        def compare(self, enrolment, probe):
            ...  # return a float

    if __name__ == "__main__":
        tw.run(MySystem())

then point the harness at a config naming the command: ``touchstone run --system process:my.json``.
Standard library only; Python 3.9 or later. The protocol is documented in docs/worker-protocol.md.
"""

from .server import PROTOCOL_VERSION, raw_protocol_stream, run, serve
from .system import Failure, Gallery, Image, System

__all__ = ["Failure", "Gallery", "Image", "PROTOCOL_VERSION", "System", "raw_protocol_stream", "run", "serve"]
