package org.touchstone.api;

/**
 * The range of the similarity scores a system produces. In Touchstone a score is always a similarity:
 * higher means more similar, and a comparison matches at threshold T when its score is at least T. A
 * system whose native scores are distances converts them (for example by negating) before returning.
 *
 * @param min the lowest score the system can return (may be {@link Double#NEGATIVE_INFINITY} if unbounded)
 * @param max the highest score the system can return (may be {@link Double#POSITIVE_INFINITY} if unbounded)
 */
public record ScoreRange(double min, double max) {
    /**
     * @param min lowest score
     * @param max highest score, greater than {@code min}
     */
    public ScoreRange {
        if (Double.isNaN(min) || Double.isNaN(max) || !(min < max)) {
            throw new IllegalArgumentException("score range needs min < max, was [" + min + ", " + max + "]");
        }
    }

    /**
     * @param score a score
     * @return true when it is finite and inside the range
     */
    public boolean contains(double score) {
        return Double.isFinite(score) && score >= min && score <= max;
    }
}
