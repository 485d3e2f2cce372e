package org.touchstone.runner.systems.wire;

/**
 * The paths and conventions of the HTTP API ({@code docs/http-api.yaml}), shared by the client adapter
 * and {@code touchstone serve}. Bodies are JSON; images and templates are base64 strings. Version 2 adds
 * template references to version 1 (a template is sent once and then named by its SHA-256); every path
 * of version 1 is unchanged, so a service announces {@code "protocol": 1} for version-1 clients and lists
 * every version it speaks in {@code "protocols"}.
 * A system's own failure is a 200 reply carrying {@code "failure"}; HTTP error statuses are reserved for
 * what went wrong around the system, with an {@code "error": {"code", "message"}} body.
 */
public final class HttpApi {
    /** The version every service speaks, announced as {@code "protocol"}. */
    public static final int BASE_VERSION = 1;
    /** The version with template references ({@code "store"}, {@code "probe_ref"}, {@code "enrolment_refs"}). */
    public static final int TEMPLATE_REFS_VERSION = 2;

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
