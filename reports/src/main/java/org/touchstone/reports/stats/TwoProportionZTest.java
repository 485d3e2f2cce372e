package org.touchstone.reports.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The two-sided two-proportion z test with pooled variance:
 * z = (p1 - p2) / sqrt(pbar (1 - pbar) (1/n1 + 1/n2)), pbar = (x1 + x2) / (n1 + n2), p = 2 (1 - Phi(|z|)).
 * Hand-written because Commons Statistics 1.2 has no proportion test; the normal tail comes from it.
 */
public final class TwoProportionZTest {
    /** The method name. */
    public static final String METHOD = "two-proportion-z";

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private TwoProportionZTest() {
    }

    /**
     * Tests whether two rates differ.
     *
     * @param first  x1 of n1
     * @param second x2 of n2
     * @return z and its two-sided p-value; z = 0, p = 1 when pbar is 0 or 1 (no variation at all); NaN
     *         when either side has no trials
     */
    public static TestResult test(Proportion first, Proportion second) {
        if (!first.isDefined() || !second.isDefined()) {
            return new TestResult(METHOD, Double.NaN, Double.NaN);
        }
        double n1 = first.trials();
        double n2 = second.trials();
        double pooled = (first.events() + second.events()) / (n1 + n2);
        double variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
        if (!(variance > 0)) {
            return new TestResult(METHOD, 0, 1);
        }
        double z = (first.rate() - second.rate()) / Math.sqrt(variance);
        return new TestResult(METHOD, z, Math.min(1, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z))));
    }
}
