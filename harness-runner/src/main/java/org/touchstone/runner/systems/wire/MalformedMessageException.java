package org.touchstone.runner.systems.wire;

/**
 * A message crossing a process or network boundary does not follow the wire format: a field is
 * missing or of the wrong type, a name is unknown, a value breaks the SPI's rules. The message names
 * the field at fault.
 */
public final class MalformedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message names the field and what was expected */
    public MalformedMessageException(String message) {
        super(message);
    }

    /**
     * @param message names the field and what was expected
     * @param cause   the underlying error
     */
    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
