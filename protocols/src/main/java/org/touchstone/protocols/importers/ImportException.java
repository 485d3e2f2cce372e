package org.touchstone.protocols.importers;

import java.nio.file.Path;

/**
 * A dataset that cannot be imported: a file it needs is absent or cannot be parsed. The message names the
 * file, the line (when there is one) and what was expected.
 */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;

    /**
     * @param file    the file at fault (or the folder, when a file is absent)
     * @param line    the 1-based line, or 0 when the problem is not on one line
     * @param message what is wrong and what was expected
     */
    public ImportException(Path file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    /** @return the file at fault */
    public Path file() {
        return file;
    }

    /** @return the line, or 0 */
    public int line() {
        return line;
    }
}
