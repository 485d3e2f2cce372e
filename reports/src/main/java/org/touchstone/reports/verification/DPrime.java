package org.touchstone.reports.verification;

import java.util.OptionalDouble;

/**
 * The decidability index d' = (mean genuine - mean impostor) / sqrt((var genuine + var impostor) / 2),
 * over the scores that exist (failed comparisons have none), with unbiased sample variances. Signed:
 * positive when genuine scores are higher, as they should be.
 */
public final class DPrime {
    private DPrime() {
    }

    /**
     * Computes d'.
     *
     * @param scores the comparison outcomes
     * @return d', or empty when either side has fewer than two scores or both variances are zero
     */
    public static OptionalDouble of(ScoreDistribution scores) {
        ScoreSummary genuine = scores.genuineScores();
        ScoreSummary impostor = scores.impostorScores();
        if (genuine.count() < 2 || impostor.count() < 2) {
            return OptionalDouble.empty();
        }
        double pooled = Math.sqrt((genuine.variance() + impostor.variance()) / 2);
        if (!(pooled > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((genuine.mean() - impostor.mean()) / pooled);
    }
}
