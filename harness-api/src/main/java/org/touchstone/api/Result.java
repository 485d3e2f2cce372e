package org.touchstone.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of an operation: a value, or a {@link Failure}. Failures are values the harness records,
 * not exceptions.
 *
 * @param <T> the type of the value on success
 */
public final class Result<T> {
    private final T value;
    private final Failure failure;

    private Result(T value, Failure failure) {
        this.value = value;
        this.failure = failure;
    }

    /**
     * A successful result.
     *
     * @param value the value, not null
     * @param <T>   the value type
     * @return a success holding {@code value}
     */
    public static <T> Result<T> success(T value) {
        return new Result<>(Objects.requireNonNull(value, "value"), null);
    }

    /**
     * A failed result.
     *
     * @param code    why it failed
     * @param message what happened, for people
     * @param <T>     the value type the operation would have returned
     * @return a failure
     */
    public static <T> Result<T> failure(FailureCode code, String message) {
        return new Result<>(null, new Failure(code, message));
    }

    /**
     * A failed result.
     *
     * @param failure the failure
     * @param <T>     the value type the operation would have returned
     * @return a failure
     */
    public static <T> Result<T> failure(Failure failure) {
        return new Result<>(null, Objects.requireNonNull(failure, "failure"));
    }

    /** @return true when this result holds a value */
    public boolean isSuccess() {
        return failure == null;
    }

    /**
     * @return the value
     * @throws IllegalStateException if this result is a failure
     */
    public T value() {
        if (failure != null) {
            throw new IllegalStateException("result is a failure: " + failure);
        }
        return value;
    }

    /** @return the failure, or empty on success */
    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Result<?> r && Objects.equals(value, r.value) && Objects.equals(failure, r.failure);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, failure);
    }

    @Override
    public String toString() {
        return failure == null ? "Success[" + value + "]" : "Failure[" + failure + "]";
    }
}
