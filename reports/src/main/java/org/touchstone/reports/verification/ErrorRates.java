package org.touchstone.reports.verification;

import java.util.Objects;
import org.touchstone.reports.stats.Proportion;

/**
 * FMR and FNMR at one threshold, each with its counts.
 *
 * @param threshold T: a comparison matches when its score is {@code >= T}
 * @param fmr       false matches out of impostor comparisons
 * @param fnmr      false non-matches out of genuine comparisons (failed genuine comparisons included)
 */
public record ErrorRates(double threshold, Proportion fmr, Proportion fnmr) {
    /**
     * @param threshold T, not NaN
     * @param fmr       not null
     * @param fnmr      not null
     */
    public ErrorRates {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must not be NaN");
        }
        Objects.requireNonNull(fmr, "fmr");
        Objects.requireNonNull(fnmr, "fnmr");
    }

    /**
     * Measures both rates at a threshold.
     *
     * @param scores    the comparison outcomes
     * @param threshold T, not NaN
     * @return FMR(T) and FNMR(T) with their counts
     */
    public static ErrorRates at(ScoreDistribution scores, double threshold) {
        return new ErrorRates(threshold,
                new Proportion(scores.falseMatches(threshold), scores.impostorComparisons()),
                new Proportion(scores.falseNonMatches(threshold), scores.genuineComparisons()));
    }

    /**
     * Reads both rates at the current position of a sweep.
     *
     * @param scores the distribution the sweep walks
     * @param sweep  a cursor positioned on a threshold
     * @return the rates at the sweep's threshold
     */
    static ErrorRates at(ScoreDistribution scores, ThresholdSweep sweep) {
        return new ErrorRates(sweep.threshold(),
                new Proportion(sweep.falseMatches(), scores.impostorComparisons()),
                new Proportion(sweep.falseNonMatches(), scores.genuineComparisons()));
    }

    /**
     * The half total error rate (FMR + FNMR) / 2.
     *
     * @return the mean of the two rates; NaN when either is undefined
     */
    public double halfTotalErrorRate() {
        return (fmr.rate() + fnmr.rate()) / 2;
    }
}
