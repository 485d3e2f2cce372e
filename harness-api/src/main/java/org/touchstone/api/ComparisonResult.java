package org.touchstone.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of comparing two templates: a similarity score, or a {@link Failure}. A separate type
 * from {@link Result} so that the score stays a primitive on the hottest path of an evaluation.
 */
public final class ComparisonResult {
    private final double score;
    private final Failure failure;

    private ComparisonResult(double score, Failure failure) {
        this.score = score;
        this.failure = failure;
    }

    /**
     * A successful comparison.
     *
     * @param score the similarity, finite and within the system's declared {@link ScoreRange};
     *              higher means more similar
     * @return the result
     */
    public static ComparisonResult score(double score) {
        return new ComparisonResult(score, null);
    }

    /**
     * A failed comparison.
     *
     * @param code    why it failed
     * @param message what happened
     * @return the result
     */
    public static ComparisonResult failure(FailureCode code, String message) {
        return new ComparisonResult(Double.NaN, new Failure(code, message));
    }

    /** @return true when a score was produced */
    public boolean isSuccess() {
        return failure == null;
    }

    /**
     * @return the similarity score
     * @throws IllegalStateException if the comparison failed
     */
    public double similarity() {
        if (failure != null) {
            throw new IllegalStateException("comparison failed: " + failure);
        }
        return score;
    }

    /** @return the failure, or empty on success */
    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComparisonResult r
                && Double.compare(score, r.score) == 0
                && Objects.equals(failure, r.failure);
    }

    @Override
    public int hashCode() {
        return Objects.hash(score, failure);
    }

    @Override
    public String toString() {
        return failure == null ? "Score[" + score + "]" : "Failure[" + failure + "]";
    }
}
