package org.touchstone.protocols;

import java.util.Objects;

/**
 * One thing wrong with a protocol file or a pair list it uses.
 *
 * @param source  the file or resource name
 * @param line    the line (1-based), or 0 when the problem concerns the whole source
 * @param column  the column (1-based), or 0 when not known
 * @param field   the field concerned, as a path such as {@code verification.fmr_targets[2]} or a CSV column
 *                name, or {@code null} when none applies
 * @param message what is wrong and what was expected
 */
public record ProtocolProblem(String source, int line, int column, String field, String message) {
    /** Checks the arguments. */
    public ProtocolProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
        }
    }

    /** @return {@code source:line:column: field: message}, leaving out what is 0 or null */
    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line : "") + (line > 0 && column > 0 ? ":" + column : "") + ": "
                + (field != null && !field.isEmpty() ? field + ": " : "") + message;
    }
}
