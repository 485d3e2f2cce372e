#!/usr/bin/env python3
"""py-misbehaving: a system that misbehaves on purpose, for Touchstone's fault-injection tests.

It reads the subject number from the image id (synthetic ids look like S00003-01) and, depending on
it, does one of the things a real system might do wrong. Template creation, by subject:

   1 raises an exception                    -> UNCAUGHT_EXCEPTION
   2 returns None instead of a template     -> INVALID_OUTPUT
   3 hangs                                  -> TIMEOUT (the worker is killed and restarted)
   4 exits (os._exit(3))                    -> SYSTEM_CRASHED (restarted)
   5 kills itself with SIGKILL              -> SYSTEM_CRASHED (restarted)
   6 exhausts its memory                    -> MEMORY_ERROR
   7 writes garbage to the protocol stream  -> INVALID_OUTPUT (restarted)
   8 reports a harness-only failure code    -> INVALID_OUTPUT
   9 finds no face                          -> FACE_DETECTION_ERROR
  17 prints to stdout (harmless: it lands in the worker's stderr log), then works

Comparisons, by the subject of the probe template:

  10 returns NaN                            -> INVALID_OUTPUT
  11 returns 2.0, outside [0, 1]            -> INVALID_OUTPUT
  12 returns one result too many            -> INVALID_OUTPUT for the batch, which is retried one pair
                                               at a time: compare() then answers 0.5 for each
  13 hangs                                  -> TIMEOUT (restarted)
  14 exits                                  -> SYSTEM_CRASHED (restarted)
  15 raises an exception                    -> UNCAUGHT_EXCEPTION
  16 fails to compare                       -> MATCH_ERROR

Otherwise a template is the subject number, and two templates score 0.9 when they show the same
subject, else 0.1.
"""

import os
import signal
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import touchstone_worker as tw  # noqa: E402


def subject_of(image_id):
    return int(image_id.split("-")[0].lstrip("S"))


class MisbehavingSystem(tw.System):
    def descriptor(self):
        return {"id": "py-misbehaving", "vendor": "Touchstone tests", "name": "Misbehaving (Python)",
                "version": "1", "capabilities": ["verification"], "score_range": {"min": 0, "max": 1},
                "description": "Fails in every way a worker can, keyed on the subject number."}

    def create_template(self, images, role):
        subject = subject_of(images[0].id)
        if subject == 1:
            raise RuntimeError("simulated bug in template creation")
        if subject == 2:
            return None
        if subject == 3:
            time.sleep(3600)
        if subject == 4:
            os._exit(3)
        if subject == 5:
            os.kill(os.getpid(), signal.SIGKILL)
        if subject == 6:
            bytearray(1 << 62)
        if subject == 7:
            stream = tw.raw_protocol_stream()
            stream.write(b"debug: creating a template\n")
            stream.flush()
        if subject == 8:
            raise tw.Failure("TIMEOUT", "a system may not report TIMEOUT itself")
        if subject == 9:
            raise tw.Failure("FACE_DETECTION_ERROR", "no face in " + images[0].id)
        if subject == 17:
            print("debug: subject 17 goes to stderr, not into the protocol")
        return str(subject).encode("ascii")

    def compare_many(self, probe, enrolments):
        subject = int(probe)
        if subject == 10:
            return [float("nan")] * len(enrolments)
        if subject == 11:
            return [2.0] * len(enrolments)
        if subject == 12:
            return [0.5] * (len(enrolments) + 1)
        if subject == 13:
            time.sleep(3600)
        if subject == 14:
            os._exit(4)
        if subject == 15:
            raise ValueError("simulated bug in comparison")
        if subject == 16:
            raise tw.Failure("MATCH_ERROR", "cannot compare")
        return [0.9 if e == probe else 0.1 for e in enrolments]

    def compare(self, enrolment, probe):
        return self.compare_many(probe, [enrolment])[0]


if __name__ == "__main__":
    tw.run(MisbehavingSystem())
