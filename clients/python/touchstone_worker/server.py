"""The worker side of the Touchstone worker protocol: a loop that reads requests, calls a System,
and writes replies. See ``touchstone_worker.run``."""

import os
import sys
import traceback

from . import framing
from .system import Failure, Image

PROTOCOL_VERSION = 1
PROTOCOL_VIOLATION = 2

_protocol_out = None


def raw_protocol_stream():
    """The binary stream replies are written to.

    A system never needs this: it exists so that the misbehaving example can show what the harness
    does when a worker writes something other than frames to its stdout (it records the call as
    INVALID_OUTPUT and restarts the worker)."""
    return _protocol_out


class _ProtocolViolation(Exception):
    """The harness sent a request that breaks the protocol."""


def _protect_standard_streams():
    """Keeps the protocol's stdin and stdout for the protocol alone.

    Whatever the system (or a library it loads, in any language) prints to file descriptor 1 goes to
    stderr instead, which the harness keeps in the run directory; file descriptor 0 reads nothing."""
    proto_in = os.fdopen(os.dup(0), "rb", buffering=1 << 16)
    proto_out = os.fdopen(os.dup(1), "wb", buffering=1 << 16)
    sys.stdout.flush()
    os.dup2(2, 1)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    sys.stdout = sys.stderr
    return proto_in, proto_out


def run(system, protect_stdout=True):
    """Serves ``system`` (a ``touchstone_worker.System``) on this process's stdin and stdout until
    the harness closes the stream or sends "close", then exits.

    With ``protect_stdout`` (the default) anything printed to stdout goes to stderr instead, so it
    cannot corrupt the protocol. Only the misbehaving example turns this off."""
    global _protocol_out
    if protect_stdout:
        proto_in, proto_out = _protect_standard_streams()
    else:
        proto_in, proto_out = sys.stdin.buffer, sys.stdout.buffer
    _protocol_out = proto_out
    sys.exit(serve(system, proto_in, proto_out))


def serve(system, proto_in, proto_out):
    """Serves requests from ``proto_in`` to ``proto_out``; returns the exit status."""
    worker = _Worker(system)
    try:
        while True:
            try:
                request = framing.read_frame(proto_in)
            except framing.FramingError as e:
                sys.stderr.write("touchstone worker: unreadable request: %s\n" % e)
                return PROTOCOL_VIOLATION
            if request is None:
                return 0
            header, blobs = request
            op = header.get("op", "")
            try:
                reply, reply_blobs = worker.handle(op, header, blobs)
            except _ProtocolViolation as e:
                sys.stderr.write("touchstone worker: malformed %r request: %s\n" % (op, e))
                return PROTOCOL_VIOLATION
            reply["id"] = header.get("id")
            try:
                frame = framing.encode_frame(reply, reply_blobs)
            except (TypeError, ValueError) as e:
                frame = framing.encode_frame({"id": header.get("id"), "error": {
                    "code": "INVALID_OUTPUT", "message": "the system's answer cannot be sent: %s" % e}})
            proto_out.write(frame)
            proto_out.flush()
            if op == "close":
                return 0
    finally:
        worker.close()


def _result(body=None, blobs=()):
    return {"result": body if body is not None else {}}, list(blobs)


def _failure(code, message):
    return {"failure": {"code": code, "message": message}}, []


def _error(code, message):
    return {"error": {"code": code, "message": message}}, []


def _relay(call, on_success):
    """Calls into the system: a Failure is its answer, MemoryError is MEMORY_ERROR, any other
    exception is reported as UNCAUGHT_EXCEPTION with its traceback, and an answer of the wrong shape
    as INVALID_OUTPUT."""
    try:
        value = call()
    except Failure as f:
        return _failure(f.code, f.message)
    except MemoryError as e:
        return _failure("MEMORY_ERROR", "out of memory: %r" % (e,))
    except Exception:
        trace = traceback.format_exc(limit=8)
        sys.stderr.write(trace)
        sys.stderr.flush()
        return _error("UNCAUGHT_EXCEPTION", trace)
    try:
        return on_success(value)
    except (TypeError, ValueError, AttributeError) as e:
        return _error("INVALID_OUTPUT", "the system answered %.200r, which breaks the contract: %s" % (value, e))


def _score(value):
    """A comparison result as the harness reads it. A number is relayed as returned (the harness
    judges NaN or a score out of range); something that is not a number at all is marked invalid."""
    if isinstance(value, Failure):
        return {"failure": {"code": value.code, "message": value.message}}
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return {"failure": {"code": "INVALID_OUTPUT", "message": "compare returned %.100r, not a number" % (value,)}}
    return {"score": float(value)}


class _Worker:
    def __init__(self, system):
        self.system = system
        self.opened = False
        self.galleries = {}
        self.pending = {}
        self.count = 0

    def close(self):
        if self.opened:
            try:
                self.system.close()
            except Exception:
                traceback.print_exc()
            self.opened = False

    def handle(self, op, h, blobs):
        if op not in ("hello", "open", "close") and not self.opened:
            raise _ProtocolViolation("%r before 'open'" % op)
        handler = getattr(self, "_op_" + op, None)
        if handler is None:
            return _failure("NOT_IMPLEMENTED", "this worker does not know the operation %r (protocol version %d)"
                            % (op, PROTOCOL_VERSION))
        try:
            return handler(h, blobs)
        except (KeyError, TypeError, ValueError, IndexError) as e:
            raise _ProtocolViolation("%s: %s" % (type(e).__name__, e))

    def _op_hello(self, h, blobs):
        if PROTOCOL_VERSION not in h["versions"]:
            raise _ProtocolViolation("the harness offers versions %r; this worker speaks %d"
                                     % (h["versions"], PROTOCOL_VERSION))
        return _result({"protocol": PROTOCOL_VERSION, "descriptor": self.system.descriptor()})

    def _op_open(self, h, blobs):
        if self.opened:
            raise _ProtocolViolation("'open' sent twice")

        def opened(properties):
            self.opened = True
            return _result({"runtime_properties": {str(k): str(v) for k, v in (properties or {}).items()}})

        return _relay(lambda: self.system.open(h.get("config_dir"), h["work_dir"], int(h["caller_threads"])), opened)

    def _op_close(self, h, blobs):
        self.close()
        return _result()

    def _op_create_template(self, h, blobs):
        images = [Image(d["id"], d["format"], blob) for d, blob in _zip(h["images"], blobs)]
        return _relay(lambda: self.system.create_template(images, h["role"]),
                      lambda t: _result(blobs=[t]) if isinstance(t, (bytes, bytearray, memoryview)) else _result())

    def _op_compare(self, h, blobs):
        enrolment, probe = blobs
        return _relay(lambda: self.system.compare(enrolment, probe), lambda s: _result(_score(s)))

    def _op_compare_many(self, h, blobs):
        probe, enrolments = blobs[0], blobs[1:]
        return _relay(lambda: self.system.compare_many(probe, enrolments),
                      lambda results: _result({"results": [_score(r) for r in results]}))

    def _op_enrol_begin(self, h, blobs):
        self.count += 1
        gallery = "g%d" % self.count
        work_dir = h.get("work_dir")
        if work_dir:
            os.makedirs(work_dir, exist_ok=True)
        self.pending[gallery] = (work_dir, [])
        return _result({"gallery": gallery})

    def _op_enrol_add(self, h, blobs):
        self.pending[h["gallery"]][1].extend(_zip(h["ids"], blobs))
        return _result()

    def _op_enrol_finalize(self, h, blobs):
        gallery = h["gallery"]
        work_dir, entries = self.pending.pop(gallery)

        def finalized(g):
            self.galleries[gallery] = g
            return _result({"size": int(g.size())})

        return _relay(lambda: self.system.finalize_enrolment(entries, work_dir), finalized)

    def _op_search(self, h, blobs):
        gallery = self.galleries[h["gallery"]]
        return _relay(lambda: gallery.search(blobs[0], int(h["max_candidates"])),
                      lambda found: _result({"candidates": [{"id": str(i), "score": s} for i, s in found]}))

    def _op_gallery_insert(self, h, blobs):
        gallery = self.galleries[h["gallery"]]
        return self._sized(gallery, lambda: gallery.insert(h["template_id"], blobs[0]))

    def _op_gallery_remove(self, h, blobs):
        gallery = self.galleries[h["gallery"]]
        return self._sized(gallery, lambda: gallery.remove(h["template_id"]))

    def _sized(self, gallery, change):
        reply, reply_blobs = _relay(change, lambda _: _result({}))
        try:
            size = int(gallery.size())
        except Exception:
            return _error("UNCAUGHT_EXCEPTION", traceback.format_exc(limit=8))
        if "result" in reply:
            reply["result"]["size"] = size
        else:
            reply["size"] = size
        return reply, reply_blobs

    def _op_gallery_close(self, h, blobs):
        gallery = self.galleries.pop(h["gallery"], None)
        if gallery is not None:
            try:
                gallery.close()
            except Exception:
                traceback.print_exc()
        return _result()

    def _op_analyze(self, h, blobs):
        (d,) = h["images"]
        image = Image(d["id"], d["format"], blobs[0])
        return _relay(lambda: self.system.analyze(image), lambda faces: _result({"faces": list(faces)}))


def _zip(described, blobs):
    if len(described) != len(blobs):
        raise ValueError("%d items described but %d blobs sent" % (len(described), len(blobs)))
    return list(zip(described, blobs))
