package org.touchstone.runner.cli;

/** Something on the command line that cannot be used, said in the message: exit code 2. */
public final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, for people
     * @param cause   what revealed it, or null
     */
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what is wrong, for people */
    public BadInputException(String message) {
        super(message);
    }
}
