package org.touchstone.reports;

import java.io.IOException;

/**
 * An output folder a report may not be written into: it holds a run, or files that Touchstone did not
 * write there, which the report would overwrite or delete. Bad input: the user chooses another folder.
 */
public class OutputFolderException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the folder, what it holds and what to do
     */
    public OutputFolderException(String message) {
        super(message);
    }
}
