package org.touchstone.runner.systems;

import java.util.Objects;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;

/**
 * A call failed because the system misbehaved, as established by the harness itself rather than
 * reported by the system: it did not answer in time ({@link FailureCode#TIMEOUT}), its process or
 * connection died ({@link FailureCode#SYSTEM_CRASHED}), it answered with something that breaks the
 * contract ({@link FailureCode#INVALID_OUTPUT}), or it threw ({@link FailureCode#UNCAUGHT_EXCEPTION}).
 *
 * <p>Only the harness's own adapters (subprocess, HTTP, in-process deadlines) throw this; the guards
 * that call systems record its failure as it is. It is unchecked because it crosses SPI methods that
 * declare no exceptions. A failure value that a system <em>returns</em> with one of these codes is a
 * different thing: the guards record that as {@code INVALID_OUTPUT}, because only the harness may
 * assign them.
 */
public final class SystemFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    /**
     * @param code    a harness-assigned code
     * @param message what happened, for people
     * @throws IllegalArgumentException if the code is one a system may return
     */
    public SystemFault(FailureCode code, String message) {
        this(code, message, null);
    }

    /**
     * @param code    a harness-assigned code
     * @param message what happened, for people
     * @param cause   the underlying error, may be null
     * @throws IllegalArgumentException if the code is one a system may return
     */
    public SystemFault(FailureCode code, String message, Throwable cause) {
        super(message, cause);
        if (!isSystemFault(Objects.requireNonNull(code, "code"))) {
            throw new IllegalArgumentException(code + " is not a fault of the system's; a SystemFault carries"
                    + " TIMEOUT, SYSTEM_CRASHED, INVALID_OUTPUT or UNCAUGHT_EXCEPTION only");
        }
        this.failure = new Failure(code, message);
    }

    /**
     * @param code a failure code
     * @return true for the harness's codes that charge the system (every harness code but
     *         {@link FailureCode#FAILURE_TO_ACQUIRE}, which charges the dataset)
     */
    public static boolean isSystemFault(FailureCode code) {
        return code.isHarnessAssigned() && code != FailureCode.FAILURE_TO_ACQUIRE;
    }

    /**
     * The code to record for a fault a remote server or worker reports in its {@code error} reply: its own
     * code when that is a system fault, else {@link FailureCode#INVALID_OUTPUT} (a server cannot charge the
     * dataset, nor report a system code as a fault).
     *
     * @param reported the code the reply names
     * @return the code to record
     */
    public static FailureCode reportedFault(FailureCode reported) {
        return isSystemFault(reported) ? reported : FailureCode.INVALID_OUTPUT;
    }

    /**
     * The fault to record when a system's code throws instead of returning a failure.
     *
     * @param operation the SPI method called, e.g. {@code createTemplate}
     * @param thrown    what it threw
     * @return an {@link FailureCode#UNCAUGHT_EXCEPTION} fault naming the exception and where it was thrown
     */
    public static SystemFault thrown(String operation, Throwable thrown) {
        StackTraceElement[] trace = thrown.getStackTrace();
        String where = trace.length > 0 ? " at " + trace[0] : "";
        return new SystemFault(FailureCode.UNCAUGHT_EXCEPTION, operation + " threw " + thrown + where, thrown);
    }

    /** @return the failure to record */
    public Failure failure() {
        return failure;
    }

    /** @return the failure's code */
    public FailureCode code() {
        return failure.code();
    }
}
