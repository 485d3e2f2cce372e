package org.touchstone.reports.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Two one-sided tests (TOST) for the equivalence of two rates within a margin declared in advance:
 * H0 is |p1 - p2| &gt;= margin, rejected (the rates are declared equivalent) when both
 * z_low = (d + margin) / se and z_high = (margin - d) / se are significant at alpha, i.e. when the
 * 1 - 2 alpha confidence interval of the difference lies inside (-margin, margin).
 *
 * <p>The difference d and its standard error come from the Agresti-Caffo adjusted proportions (one event
 * and one non-event added to each group): plain Wald standard errors are 0 when a rate is 0, which would
 * declare two error-free groups of any size "equivalent". Hand-written because Commons Statistics 1.2 has
 * no proportion test; the normal distribution comes from it.
 */
public final class EquivalenceTest {
    /** The method name. */
    public static final String METHOD = "tost-agresti-caffo";

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private EquivalenceTest() {
    }

    /**
     * The outcome.
     *
     * @param method     {@value #METHOD}
     * @param margin     the equivalence margin
     * @param alpha      the level of each one-sided test
     * @param difference the adjusted difference p1 - p2
     * @param lower      lower end of the 1 - 2 alpha interval of the difference
     * @param upper      upper end
     * @param pValue     max of the two one-sided p-values; NaN when a side has no trials
     * @param equivalent whether p &lt;= alpha, i.e. parity within the margin is shown
     */
    public record Result(String method, double margin, double alpha, double difference, double lower,
                         double upper, double pValue, boolean equivalent) {
    }

    /**
     * Tests equivalence.
     *
     * @param first  x1 of n1
     * @param second x2 of n2
     * @param margin the declared margin, in (0, 1)
     * @param alpha  level of each one-sided test, for example 0.05
     * @return the result; not equivalent, with NaN numbers, when either side has no trials
     */
    public static Result test(Proportion first, Proportion second, double margin, double alpha) {
        if (!(margin > 0 && margin < 1) || !(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("need margin in (0, 1) and alpha in (0, 0.5), was " + margin + ", " + alpha);
        }
        if (!first.isDefined() || !second.isDefined()) {
            return new Result(METHOD, margin, alpha, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
        }
        double p1 = (first.events() + 1.0) / (first.trials() + 2.0);
        double p2 = (second.events() + 1.0) / (second.trials() + 2.0);
        double se = Math.sqrt(p1 * (1 - p1) / (first.trials() + 2.0) + p2 * (1 - p2) / (second.trials() + 2.0));
        double d = p1 - p2;
        double pLow = STANDARD_NORMAL.survivalProbability((d + margin) / se);
        double pHigh = STANDARD_NORMAL.survivalProbability((margin - d) / se);
        double p = Math.max(pLow, pHigh);
        double z = STANDARD_NORMAL.inverseSurvivalProbability(alpha);
        return new Result(METHOD, margin, alpha, d, d - z * se, d + z * se, p, p <= alpha);
    }
}
