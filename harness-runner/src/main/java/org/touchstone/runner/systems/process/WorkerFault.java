package org.touchstone.runner.systems.process;

import org.touchstone.api.FailureCode;
import org.touchstone.runner.systems.SystemFault;

/**
 * A worker process can no longer be used: it timed out (and was killed), it died, or it wrote
 * something that is not a frame. The pool replaces it; the call is recorded with the fault's code.
 */
final class WorkerFault extends Exception {
    private static final long serialVersionUID = 1L;

    private final FailureCode code;

    WorkerFault(FailureCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    FailureCode code() {
        return code;
    }

    SystemFault toSystemFault() {
        return new SystemFault(code, getMessage(), this);
    }
}
