package org.touchstone.runformat.io;

import java.io.IOException;

/**
 * A path that would take a read, a write or a deletion outside the folder it was given: a {@code ../}, an
 * absolute path, or a symbolic link (to anywhere, for writes; to outside the folder, for reads). The
 * message names the path, the folder and which of these it is. It is bad input, never a bug: the user
 * (or whoever prepared the folder) can fix it.
 */
public class OutsideFolderException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the path, the folder and why it is refused
     */
    public OutsideFolderException(String message) {
        super(message);
    }
}
