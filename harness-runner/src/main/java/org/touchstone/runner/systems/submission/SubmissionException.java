package org.touchstone.runner.systems.submission;

/** A submission that is refused: tampered, wrongly signed, not decryptable, or not checked yet. */
public final class SubmissionException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the archive and, where it applies, the file in it */
    public SubmissionException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong
     * @param cause   what revealed it
     */
    public SubmissionException(String message, Throwable cause) {
        super(message, cause);
    }
}
