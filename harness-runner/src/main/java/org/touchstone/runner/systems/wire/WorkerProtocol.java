package org.touchstone.runner.systems.wire;

/**
 * The names of the worker protocol, version {@value #VERSION} (see {@code docs/worker-protocol.md}).
 * Requests carry {@code "op"} and {@code "id"}; replies echo the id and carry exactly one of
 * {@code "result"} (the call succeeded), {@code "failure"} (the system's {@code Result.failure}) or
 * {@code "error"} (the system misbehaved: it threw).
 */
public final class WorkerProtocol {
    /** The protocol version this harness speaks. */
    public static final int VERSION = 1;

    /** Handshake: the worker answers with the protocol version it chose and its descriptor. */
    public static final String HELLO = "hello";
    /** Opens the system with a configuration folder, a working folder and a thread hint. */
    public static final String OPEN = "open";
    /** One template from one or more images. */
    public static final String CREATE_TEMPLATE = "create_template";
    /** One comparison (blobs: enrolment, probe). */
    public static final String COMPARE = "compare";
    /** One probe against many enrolment templates (blobs: probe, enrolments...). */
    public static final String COMPARE_MANY = "compare_many";
    /** Starts building a gallery. */
    public static final String ENROL_BEGIN = "enrol_begin";
    /** Adds a batch of entries to a gallery being built. */
    public static final String ENROL_ADD = "enrol_add";
    /** Finalises a gallery. */
    public static final String ENROL_FINALIZE = "enrol_finalize";
    /** Searches a gallery. */
    public static final String SEARCH = "search";
    /** Inserts an entry into a finalised gallery. */
    public static final String GALLERY_INSERT = "gallery_insert";
    /** Removes an entry from a finalised gallery. */
    public static final String GALLERY_REMOVE = "gallery_remove";
    /** Releases a gallery. */
    public static final String GALLERY_CLOSE = "gallery_close";
    /** Analyses the faces in one image. */
    public static final String ANALYZE = "analyze";
    /** Closes the system; the worker exits after replying. */
    public static final String CLOSE = "close";

    private WorkerProtocol() {
    }
}
