package org.touchstone.runformat.signing;

/** A key, signature or encrypted file that cannot be used, with the file and what was expected. */
public final class OpenPgpException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the file and what was wrong with it
     */
    public OpenPgpException(String message) {
        super(message);
    }

    /**
     * @param message names the file and what was wrong with it
     * @param cause   what Bouncy Castle or the file system reported
     */
    public OpenPgpException(String message, Throwable cause) {
        super(message, cause);
    }
}
