package org.touchstone.reports.stats;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * The Clopper-Pearson ("exact") confidence interval for a binomial proportion: for x events in n
 * trials at level 1 - alpha, lower = BetaInv(alpha/2; x, n - x + 1) (0 when x = 0) and
 * upper = BetaInv(1 - alpha/2; x + 1, n - x) (1 when x = n). It is conservative: its coverage is at
 * least the nominal level for every true rate, which is what a claim such as "FMR below 1e-6" needs.
 *
 * <p>Kept here rather than taken from {@code commons-statistics-interval}
 * ({@code BinomialConfidenceInterval.CLOPPER_PEARSON}, tested against this one) for the reason
 * {@link Wilson} gives: counts beyond {@code int}.
 */
public final class ClopperPearson {
    /** The method name written next to every interval. */
    public static final String METHOD = "clopper-pearson";

    private ClopperPearson() {
    }

    /**
     * Computes the interval.
     *
     * @param events number of events x, {@code 0 <= x <= n}
     * @param trials number of trials n; when 0 nothing is known and the interval is [0, 1]
     * @param level  confidence level in (0, 1), for example 0.95
     * @return the interval, named {@value #METHOD}
     * @throws IllegalArgumentException when the counts or the level are out of range
     */
    public static ConfidenceInterval interval(long events, long trials, double level) {
        Proportion.requireCounts(events, trials);
        Proportion.requireLevel(level);
        double alpha = 1 - level;
        double lower = events == 0 ? 0
                : BetaDistribution.of(events, trials - events + 1.0).inverseCumulativeProbability(alpha / 2);
        double upper = events == trials ? 1
                : BetaDistribution.of(events + 1.0, trials - events).inverseCumulativeProbability(1 - alpha / 2);
        return new ConfidenceInterval(lower, upper, level, METHOD);
    }

    /**
     * The one-sided upper confidence bound: the largest rate still consistent with x events in n trials,
     * BetaInv(level; x + 1, n - x). With no events it has the closed form 1 - (1 - level)^(1/n), about
     * 3/n at 95% (the "rule of 3"): 0 false matches in 3,000,000 impostor comparisons support FMR
     * &lt;= 1e-6 at 95%. This is the bound to quote for a rate observed as 0.
     *
     * @param events number of events x, {@code 0 <= x <= n}
     * @param trials number of trials n; when 0 the bound is 1
     * @param level  one-sided confidence level in (0, 1), for example 0.95
     * @return the upper bound, in [x / n, 1]
     */
    public static double upperBound(long events, long trials, double level) {
        Proportion.requireCounts(events, trials);
        Proportion.requireLevel(level);
        if (events == trials) {
            return 1;
        }
        if (events == 0) {
            // Closed form, exact to the last digit where the Beta quantile would be a root search.
            return -Math.expm1(Math.log1p(-level) / trials);
        }
        return BetaDistribution.of(events + 1.0, trials - events).inverseCumulativeProbability(level);
    }
}
