package org.touchstone.runner.systems.wire;

/** A request names a gallery that does not exist (never created, already closed, or lost in a restart). */
public final class UnknownGalleryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param gallery the id asked for */
    public UnknownGalleryException(String gallery) {
        super("no gallery '" + gallery + "'");
    }
}
