package org.touchstone.runner.validate;

import java.util.function.Supplier;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Result;
import org.touchstone.runner.systems.SystemFault;

/**
 * A call into the system under validation, classified as the runner's guards classify calls: the
 * system's answer, its failure, or a fault (it threw, returned null, answered with a code only the
 * harness may use, or the boundary failed).
 */
final class Guarded {
    private Guarded() {
    }

    /**
     * What one call produced.
     *
     * @param value     the value on success
     * @param failure   the failure otherwise
     * @param latencyNs wall time
     * @param <T>       the value type
     */
    record Outcome<T>(T value, Failure failure, long latencyNs) {
        boolean ok() {
            return failure == null;
        }

        /** @return true when the call failed in a way only a broken system fails */
        boolean fault() {
            return failure != null && failure.code().isHarnessAssigned();
        }

        /** @return the value, or the failure's code, for comparing two outcomes */
        Object answer() {
            return ok() ? value : failure.code();
        }
    }

    static <T> Outcome<T> call(String operation, Supplier<Result<T>> call) {
        long start = System.nanoTime();
        Result<T> result;
        try {
            result = call.get();
        } catch (SystemFault e) {
            return new Outcome<>(null, e.failure(), System.nanoTime() - start);
        } catch (OutOfMemoryError e) {
            return new Outcome<>(null, new Failure(FailureCode.MEMORY_ERROR, operation + ": " + e),
                    System.nanoTime() - start);
        } catch (RuntimeException | Error e) {
            return new Outcome<>(null, SystemFault.thrown(operation, e).failure(), System.nanoTime() - start);
        }
        long latency = System.nanoTime() - start;
        if (result == null) {
            return new Outcome<>(null, new Failure(FailureCode.INVALID_OUTPUT, operation + " returned null"), latency);
        }
        if (!result.isSuccess()) {
            Failure f = result.failure().orElseThrow();
            return new Outcome<>(null, f.code().isHarnessAssigned() ? new Failure(FailureCode.INVALID_OUTPUT,
                    "the system returned the harness-only code " + f.code() + ": " + f.message()) : f, latency);
        }
        return new Outcome<>(result.value(), null, latency);
    }
}
