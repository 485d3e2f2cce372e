package org.touchstone.runner.systems.wire;

/**
 * The paths and conventions of the HTTP API, version 1 ({@code docs/http-api.yaml}), shared by the
 * client adapter and {@code touchstone serve}. Bodies are JSON; images and templates are base64 strings.
 * A system's own failure is a 200 reply carrying {@code "failure"}; HTTP error statuses are reserved for
 * what went wrong around the system, with an {@code "error": {"code", "message"}} body.
 */
public final class HttpApi {
    /** The version prefix of every path. */
    public static final String PREFIX = "/v1";
    /** GET: the descriptor and runtime properties. */
    public static final String SYSTEM = PREFIX + "/system";
    /** POST: create a template. */
    public static final String TEMPLATES = PREFIX + "/templates";
    /** POST: compare a probe with enrolment templates. */
    public static final String COMPARE = PREFIX + "/compare";
    /** POST: start a gallery; under it, {@code /{id}/entries}, {@code /finalize}, {@code /search}, ... */
    public static final String GALLERIES = PREFIX + "/galleries";
    /** POST: analyse one image. */
    public static final String ANALYZE = PREFIX + "/analyze";

    /** Content type of every body. */
    public static final String JSON = "application/json";

    private HttpApi() {
    }
}
