package org.touchstone.runner.cli;

/** Exit codes of the {@code touchstone} command. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** The run started but could not complete (I/O failure, system could not open, internal error). */
    public static final int RUN_FAILED = 1;
    /** Bad input: usage, unknown protocol or system, invalid manifest or protocol, capability mismatch. */
    public static final int BAD_INPUT = 2;
    /** {@code validate}: a required conformance check failed (the same status as a failed run). */
    public static final int VALIDATION_FAILED = 1;

    private ExitCodes() {
    }
}
