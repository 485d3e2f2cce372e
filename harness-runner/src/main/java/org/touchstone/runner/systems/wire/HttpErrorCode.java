package org.touchstone.runner.systems.wire;

/**
 * The codes of an HTTP error's {@code "error"} object when the server refused the request itself, before
 * or around the system (named in the FRVT style of the failure codes, which say what the system did).
 * Errors that come from the system (500, 502, 504) carry the harness's failure codes instead.
 */
public enum HttpErrorCode {
    /** 400: the body is not the JSON the path expects. */
    MALFORMED_REQUEST(400),
    /** 401: the bearer token is missing or wrong. */
    UNAUTHORIZED(401),
    /** 404: no such path. */
    NOT_FOUND(404),
    /** 404: no such gallery (never created, closed, or not finalised). */
    UNKNOWN_GALLERY(404),
    /** 405: the path exists but not with this method. */
    METHOD_NOT_ALLOWED(405),
    /** 409: a template reference the service does not hold (never stored, or evicted): send it again. */
    UNKNOWN_TEMPLATE(409),
    /** 413: the body exceeds the service's limit. */
    REQUEST_TOO_LARGE(413),
    /** 503: busy, nothing was done; retry after {@code Retry-After}. */
    BUSY(503);

    private final int status;

    HttpErrorCode(int status) {
        this.status = status;
    }

    /** @return the HTTP status this code is sent with */
    public int status() {
        return status;
    }
}
