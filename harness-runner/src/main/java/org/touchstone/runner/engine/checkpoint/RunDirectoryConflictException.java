package org.touchstone.runner.engine.checkpoint;

import java.io.IOException;

/**
 * A run directory cannot be used for this run: it holds something else, or a different run (another
 * protocol, dataset, system or configuration), or it is already complete. Nothing in it was changed.
 */
public final class RunDirectoryConflictException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message names the directory and the reason */
    public RunDirectoryConflictException(String message) {
        super(message);
    }
}
