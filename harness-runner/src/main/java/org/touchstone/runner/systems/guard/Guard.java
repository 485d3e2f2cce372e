package org.touchstone.runner.systems.guard;

import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.FaceSystemException;
import org.touchstone.runner.systems.SystemFault;

/**
 * How the harness calls untrusted code: one call, timed, with every way it can go wrong (a thrown
 * exception or error, a {@code null}, a failure code only the harness may assign, an object of the wrong
 * type) turned into a recorded {@link Failure} instead of stopping the run. A {@link SystemFault} from the
 * harness's own adapters (a timeout, a crashed worker) is recorded with its code as it is.
 */
public final class Guard {
    private Guard() {
    }

    /** A call into a system. */
    @FunctionalInterface
    public interface Call<T> {
        /**
         * @return the system's answer
         * @throws FaceSystemException when the harness could not reach the system's implementation
         */
        T call() throws FaceSystemException;
    }

    /**
     * The outcome of a guarded call.
     *
     * @param value     the system's answer, or null when the call failed
     * @param failure   why it failed, or null
     * @param latencyNs wall time of the call
     * @param <T>       the answer's type
     */
    public record Outcome<T>(T value, Failure failure, long latencyNs) {
        /** @return true when the call returned a non-null answer */
        public boolean ok() {
            return failure == null;
        }
    }

    /**
     * Runs a call, timing it and catching whatever it throws.
     *
     * @param operation the SPI operation, for messages
     * @param call      the call
     * @param <T>       the answer's type
     * @return the answer, or the failure that replaced it
     */
    public static <T> Outcome<T> call(String operation, Call<T> call) {
        long start = System.nanoTime();
        try {
            T value = call.call();
            long latency = System.nanoTime() - start;
            return value == null ? new Outcome<>(null, invalid(operation + " returned null"), latency)
                    : new Outcome<>(value, null, latency);
        } catch (FaceSystemException e) {
            return new Outcome<>(null, new Failure(e.code(), e.getMessage()), System.nanoTime() - start);
        } catch (SystemFault e) {
            // Raised by the harness's own adapters (a timeout, a crashed worker): recorded as it is.
            return new Outcome<>(null, e.failure(), System.nanoTime() - start);
        } catch (OutOfMemoryError e) {
            return new Outcome<>(null, new Failure(FailureCode.MEMORY_ERROR, operation + ": " + e),
                    System.nanoTime() - start);
        } catch (RuntimeException | Error e) {
            return new Outcome<>(null, SystemFault.thrown(operation, e).failure(), System.nanoTime() - start);
        }
    }

    /**
     * @param failure a failure a system returned
     * @return it, unless it claims a code only the harness assigns: then an {@link FailureCode#INVALID_OUTPUT}
     */
    public static Failure checked(Failure failure) {
        if (failure.code().isHarnessAssigned()) {
            return invalid("system returned the harness-only code " + failure.code() + ": " + failure.message());
        }
        return failure;
    }

    /**
     * @param message what broke the contract
     * @return an {@link FailureCode#INVALID_OUTPUT} failure
     */
    public static Failure invalid(String message) {
        return new Failure(FailureCode.INVALID_OUTPUT, message);
    }

    /**
     * Single calls that must fail in a row, each for the system's own state (it crashed, it hangs), before
     * the rest of a failed batch is not retried: one faulty pair or probe fails at most one single call, so
     * two in a row say the system is down, and retrying every remaining item would only wait out its
     * deadline again and again.
     */
    public static final int DEAD_AFTER_CONSECUTIVE_FAILURES = 2;

    /**
     * Whether a single call's failure says the system itself is down (crashed or not answering), rather
     * than that the item it was given is faulty.
     *
     * @param failure a single call's failure
     * @return true for {@link FailureCode#SYSTEM_CRASHED} and {@link FailureCode#TIMEOUT}
     */
    public static boolean meansSystemDown(Failure failure) {
        return failure.code() == FailureCode.SYSTEM_CRASHED || failure.code() == FailureCode.TIMEOUT;
    }

    /**
     * The failure recorded for the items of a failed batch that were not retried because the system is down.
     *
     * @param last the last single call's failure
     * @return the same code, saying why the item was not retried
     */
    public static Failure notRetried(Failure last) {
        return new Failure(last.code(), "not retried alone: the system failed " + DEAD_AFTER_CONSECUTIVE_FAILURES
                + " single calls in a row after its batch failed (last: " + last.message() + ")");
    }

    /**
     * Erased generics let a system smuggle any object into a result: check before trusting it.
     *
     * @param value     what the system returned where a {@code type} belongs
     * @param type      the type the SPI promises
     * @param operation the SPI operation, for the message
     * @return null when {@code value} is a {@code type}, else the {@link FailureCode#INVALID_OUTPUT} to record
     */
    public static Failure wrongType(Object value, Class<?> type, String operation) {
        return type.isInstance(value) ? null : invalid(operation + " returned a " + value.getClass().getName()
                + ", not a " + type.getSimpleName());
    }
}
