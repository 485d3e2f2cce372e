package org.touchstone.runformat.runjson;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** run.json's {@code status}: where the run stands. */
public enum RunStatus {
    /** Started, or interrupted while running; the same command resumes it. */
    RUNNING,
    /** Every stage and the report completed; {@code files} holds every file's hash. */
    COMPLETE,
    /** Stopped by an error, which {@code error} names; the same command resumes it. */
    FAILED;

    /**
     * The status as run.json writes it.
     *
     * @return the lower-case name, e.g. {@code running}
     */
    @JsonValue
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
