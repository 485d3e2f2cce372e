package org.touchstone.api;

import java.util.Objects;

/**
 * A failed operation: a code the harness counts, and a message for people.
 *
 * @param code    why the operation failed
 * @param message a human-readable explanation, never null (may be empty)
 */
public record Failure(FailureCode code, String message) {
    /**
     * @param code    why the operation failed
     * @param message a human-readable explanation; null is stored as empty
     */
    public Failure {
        Objects.requireNonNull(code, "code");
        message = message == null ? "" : message;
    }

    @Override
    public String toString() {
        return message.isEmpty() ? code.name() : code.name() + ": " + message;
    }
}
