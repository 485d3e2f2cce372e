package org.touchstone.runner.systems;

/** No system with the requested id was found. */
public final class UnknownSystemException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message names the id asked for and the ids available */
    public UnknownSystemException(String message) {
        super(message);
    }
}
