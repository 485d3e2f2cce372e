package org.touchstone.runner.systems;

/**
 * A protocol needs a capability the system does not offer, or the system's declared capabilities do
 * not match what it implements. Raised before any work starts.
 */
public final class CapabilityMismatchException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message names the capability needed and the capabilities offered */
    public CapabilityMismatchException(String message) {
        super(message);
    }
}
