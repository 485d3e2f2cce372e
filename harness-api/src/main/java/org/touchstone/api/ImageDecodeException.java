package org.touchstone.api;

/**
 * An image's bytes could not be decoded into a {@link Raster}. Checked, so that a system maps it to a
 * failure (usually {@link FailureCode#PARSE_ERROR}) rather than letting it escape.
 */
public class ImageDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what could not be decoded and why
     * @param cause   the underlying error, may be null
     */
    public ImageDecodeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @return a {@link FailureCode#PARSE_ERROR} failure carrying this exception's message */
    public Failure toFailure() {
        return new Failure(FailureCode.PARSE_ERROR, getMessage());
    }
}
