package org.touchstone.runformat.json;

/**
 * JSON that does not have the shape a Touchstone format asks for: a field is missing or of the wrong type,
 * a name is unknown, a value breaks the SPI's rules. The message names the field at fault.
 */
public final class JsonFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the field and what was expected
     */
    public JsonFormatException(String message) {
        super(message);
    }

    /**
     * @param message names the field and what was expected
     * @param cause   the underlying error
     */
    public JsonFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
