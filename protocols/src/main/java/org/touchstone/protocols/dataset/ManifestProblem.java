package org.touchstone.protocols.dataset;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a dataset manifest or a file it lists.
 *
 * @param file    the manifest
 * @param line    the physical line of the manifest (1-based), or 0 when the problem concerns the whole file
 * @param column  the column concerned, such as {@code "sha256"}, or {@code null} when none applies
 * @param message what is wrong and what was expected
 */
public record ManifestProblem(Path file, int line, String column, String message) {
    /** Checks the arguments. */
    public ManifestProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    /** @return {@code file:line: column: message}, leaving out the line when 0 and the column when null */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (column != null ? column + ": " : "") + message;
    }
}
