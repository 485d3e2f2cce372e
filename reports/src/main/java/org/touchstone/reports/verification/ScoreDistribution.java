package org.touchstone.reports.verification;

/**
 * Genuine (mated) and impostor (non-mated) comparison outcomes, answering the counts every verification
 * metric needs under the {@code non-match} failure policy. The metric code sees scores only through this
 * interface, so that an implementation holding every score can be replaced by a streaming one (an exact
 * impostor tail plus a fine histogram) without touching the metrics.
 *
 * <p>Definitions, for a threshold T (a comparison matches when its score is {@code >= T}):
 * <ul>
 *   <li>{@link #falseMatches(double) falseMatches(T)} = #{impostor scores v >= T}. Failed impostor
 *       comparisons are never false matches.</li>
 *   <li>{@link #falseNonMatches(double) falseNonMatches(T)} = #{genuine scores u &lt; T} + failed genuine
 *       comparisons: a failed mated pair is a false non-match at every threshold.</li>
 *   <li>FMR(T) = falseMatches(T) / {@link #impostorComparisons()} and FNMR(T) = falseNonMatches(T) /
 *       {@link #genuineComparisons()}; both denominators include the failed comparisons.</li>
 * </ul>
 */
public interface ScoreDistribution {

    /**
     * Number of genuine comparisons Ng, scored or failed: the FNMR denominator.
     *
     * @return Ng
     */
    long genuineComparisons();

    /**
     * Number of impostor comparisons Ni, scored or failed: the FMR denominator.
     *
     * @return Ni
     */
    long impostorComparisons();

    /**
     * Number of genuine comparisons without a score (comparison failed, or a template failed).
     *
     * @return failed genuine comparisons, included in {@link #genuineComparisons()}
     */
    long failedGenuineComparisons();

    /**
     * Number of impostor comparisons without a score.
     *
     * @return failed impostor comparisons, included in {@link #impostorComparisons()}
     */
    long failedImpostorComparisons();

    /**
     * False matches at a threshold: impostor scores at or above it.
     *
     * @param threshold T, not NaN
     * @return #{v >= T}
     */
    long falseMatches(double threshold);

    /**
     * False non-matches at a threshold: genuine scores below it plus every failed genuine comparison.
     *
     * @param threshold T, not NaN
     * @return #{u &lt; T} + failed genuine comparisons
     */
    long falseNonMatches(double threshold);

    /**
     * Walks the candidate thresholds in ascending order. Between two consecutive candidates neither count
     * changes except as reported at the next candidate, so the sweep describes the whole error trade-off.
     * An implementation holding every score offers every distinct score, then {@code Math.nextUp} of the
     * highest impostor score when no score lies above it (the lowest threshold with no false match); a
     * streaming implementation may offer a coarser set below its exact tail and must say so.
     *
     * @return a fresh cursor positioned before the first candidate
     */
    ThresholdSweep sweep();

    /**
     * Summary of the genuine scores that exist (failed comparisons have none).
     *
     * @return count, extremes, mean and variance of the genuine scores
     */
    ScoreSummary genuineScores();

    /**
     * Summary of the impostor scores that exist.
     *
     * @return count, extremes, mean and variance of the impostor scores
     */
    ScoreSummary impostorScores();
}
