package org.touchstone.reports.verification;

/**
 * Where comparison outcomes are streamed, one at a time: a builder of a {@link ScoreDistribution} or one
 * pass of a {@link StreamingScoreDistribution}. Readers of score files write to sinks, so that the same
 * reading code feeds every pass and every group.
 */
public interface ScoreSink {

    /**
     * Adds the score of a genuine (mated) comparison.
     *
     * @param score finite similarity
     * @throws IllegalArgumentException when the score is NaN or infinite
     */
    void addGenuine(double score);

    /**
     * Adds the score of an impostor (non-mated) comparison.
     *
     * @param score finite similarity
     * @throws IllegalArgumentException when the score is NaN or infinite
     */
    void addImpostor(double score);

    /**
     * Adds genuine comparisons that produced no score.
     *
     * @param count how many, {@code >= 0}
     */
    void addFailedGenuine(long count);

    /**
     * Adds impostor comparisons that produced no score.
     *
     * @param count how many, {@code >= 0}
     */
    void addFailedImpostor(long count);

    /**
     * Checks a score and folds -0.0 into 0.0 (they compare equal but sort apart).
     *
     * @param score a similarity
     * @return the score, +0.0 for either zero
     * @throws IllegalArgumentException when the score is NaN or infinite
     */
    static double finite(double score) {
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, was " + score);
        }
        return score + 0.0;
    }

    /**
     * Checks a count of failed comparisons.
     *
     * @param count a count
     * @return the count
     * @throws IllegalArgumentException when it is negative
     */
    static long nonNegative(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        return count;
    }
}
