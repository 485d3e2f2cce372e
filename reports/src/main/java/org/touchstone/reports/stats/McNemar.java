package org.touchstone.reports.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;

/**
 * McNemar's test for two systems on the same trials. Only the discordant trials matter: b where the first
 * system erred and the second did not, c the other way round.
 *
 * <ul>
 *   <li>{@link #chiSquare(long, long)}: (|b - c| - 1)^2 / (b + c) with continuity correction, chi-square
 *       with 1 degree of freedom.</li>
 *   <li>{@link #exact(long, long)}: the two-sided exact binomial test of b successes in b + c trials at
 *       1/2 (Commons Statistics' {@link BinomialTest}), right when b + c is small.</li>
 * </ul>
 */
public final class McNemar {
    /** Name of the corrected chi-square form. */
    public static final String CHI_SQUARE = "mcnemar-chi-square";
    /** Name of the exact binomial form. */
    public static final String EXACT = "mcnemar-exact";

    private static final ChiSquaredDistribution ONE_DEGREE = ChiSquaredDistribution.of(1);

    private McNemar() {
    }

    /**
     * The continuity-corrected chi-square form.
     *
     * @param firstOnly  b: trials the first system got wrong and the second right
     * @param secondOnly c: trials the second got wrong and the first right
     * @return the statistic and p-value; statistic 0, p = 1 when there is no discordant trial
     */
    public static TestResult chiSquare(long firstOnly, long secondOnly) {
        requireCounts(firstOnly, secondOnly);
        long discordant = firstOnly + secondOnly;
        if (discordant == 0) {
            return new TestResult(CHI_SQUARE, 0, 1);
        }
        double corrected = Math.max(0, Math.abs(firstOnly - secondOnly) - 1.0);
        double statistic = corrected * corrected / discordant;
        return new TestResult(CHI_SQUARE, statistic, ONE_DEGREE.survivalProbability(statistic));
    }

    /**
     * The exact form.
     *
     * @param firstOnly  b, at most {@code Integer.MAX_VALUE} together with c
     * @param secondOnly c
     * @return statistic b and the two-sided exact p-value; p = 1 when there is no discordant trial
     */
    public static TestResult exact(long firstOnly, long secondOnly) {
        requireCounts(firstOnly, secondOnly);
        long discordant = firstOnly + secondOnly;
        if (discordant == 0) {
            return new TestResult(EXACT, 0, 1);
        }
        double p = BinomialTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED)
                .test(Math.toIntExact(discordant), Math.toIntExact(firstOnly), 0.5).getPValue();
        return new TestResult(EXACT, firstOnly, Math.min(1, p));
    }

    private static void requireCounts(long b, long c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts must not be negative, were " + b + " and " + c);
        }
    }
}
