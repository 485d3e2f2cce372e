package org.touchstone.api;

import java.util.Objects;

/** A system could not be opened. Carries the failure code the harness records. */
public class FaceSystemException extends Exception {
    private static final long serialVersionUID = 1L;

    private final FailureCode code;

    /**
     * @param code    why, for example {@link FailureCode#CONFIG_ERROR}
     * @param message what happened, naming the file or setting at fault
     * @param cause   the underlying error, may be null
     */
    public FaceSystemException(FailureCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * @param code    why
     * @param message what happened
     */
    public FaceSystemException(FailureCode code, String message) {
        this(code, message, null);
    }

    /** @return the failure code */
    public FailureCode code() {
        return code;
    }
}
