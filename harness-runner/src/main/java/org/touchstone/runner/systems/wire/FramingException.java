package org.touchstone.runner.systems.wire;

import java.io.IOException;

/**
 * The bytes on a worker's stdout are not a well-formed frame: the worker printed something else there,
 * or wrote a frame that breaks the format. The stream cannot be trusted after this, so the worker is
 * restarted.
 */
public final class FramingException extends IOException {
    private static final long serialVersionUID = 1L;

    private final boolean truncated;

    /**
     * @param message   what was wrong, quoting the first bytes found
     * @param truncated true when the stream simply ended inside a frame (the worker died while writing),
     *                  false when the bytes themselves are wrong
     */
    public FramingException(String message, boolean truncated) {
        super(message);
        this.truncated = truncated;
    }

    /** @return true when the stream ended inside a frame rather than holding wrong bytes */
    public boolean truncated() {
        return truncated;
    }
}
