package org.touchstone.runner.cli.validate;

import java.util.function.Supplier;
import org.touchstone.api.Failure;
import org.touchstone.api.Result;
import org.touchstone.runner.systems.guard.Guard;

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

        /** @return the answer for a reader: the value, or the failure with its message */
        String describe() {
            return ok() ? String.valueOf(value) : String.valueOf(failure);
        }
    }

    /** One call through the runner's own {@link Guard}, so that validation classifies exactly as runs do. */
    static <T> Outcome<T> call(String operation, Supplier<Result<T>> call) {
        Guard.Outcome<Result<T>> outcome = Guard.call(operation, call::get);
        if (!outcome.ok()) {
            return new Outcome<>(null, outcome.failure(), outcome.latencyNs());
        }
        Result<T> result = outcome.value();
        if (!result.isSuccess()) {
            return new Outcome<>(null, Guard.checked(result.failure().orElseThrow()), outcome.latencyNs());
        }
        return new Outcome<>(result.value(), null, outcome.latencyNs());
    }
}
