package org.touchstone.reports.verification;

/**
 * Count, extremes, mean and unbiased variance of a set of scores. All of them can be kept exactly while
 * streaming, so a streaming {@link ScoreDistribution} can supply them too.
 *
 * @param count    number of scores
 * @param min      lowest score, NaN when there are none
 * @param max      highest score, NaN when there are none
 * @param mean     arithmetic mean, NaN when there are none
 * @param variance unbiased sample variance (divisor n - 1), NaN with fewer than two scores
 */
public record ScoreSummary(long count, double min, double max, double mean, double variance) {
    /** The summary of no scores. */
    public static final ScoreSummary EMPTY = new ScoreSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /**
     * @param count    {@code >= 0}
     * @param min      lowest score
     * @param max      highest score
     * @param mean     mean
     * @param variance variance
     */
    public ScoreSummary {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
    }
}
