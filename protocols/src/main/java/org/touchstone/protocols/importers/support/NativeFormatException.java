package org.touchstone.protocols.importers.support;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A dataset's own file that cannot be read as its format says: names the file, the physical line (1-based;
 * 0 when the problem is the file as a whole) and what was expected there.
 */
public final class NativeFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    /**
     * @param file    the file refused
     * @param line    the physical line, 1-based, or 0 for the whole file
     * @param message what was found and what was expected
     */
    public NativeFormatException(Path file, long line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    /** @return the file refused */
    public Path file() {
        return file;
    }

    /** @return the physical line, 1-based, or 0 for the whole file */
    public long line() {
        return line;
    }
}
