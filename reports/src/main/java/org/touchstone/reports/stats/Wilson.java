package org.touchstone.reports.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Wilson score interval for a binomial proportion: for x events in n trials, p = x / n and
 * z the standard normal quantile at 1 - alpha/2, centre (p + z^2/2n) / (1 + z^2/n) and half-width
 * z sqrt(p(1 - p)/n + z^2/4n^2) / (1 + z^2/n).
 *
 * <p>Unlike the Clopper-Pearson interval it aims at the nominal coverage on average rather than at least
 * everywhere, so it is narrower; reports show both.
 *
 * <p>Written here, from Commons Statistics' {@link NormalDistribution} quantile, although
 * {@code commons-statistics-interval} 1.2 has the same interval ({@code BinomialConfidenceInterval.WILSON_SCORE},
 * tested against this one): it takes {@code int} counts, and a run's impostor comparisons exceed
 * {@link Integer#MAX_VALUE} (1e10 at scale). One formula for every count also keeps an interval from
 * changing its last digits when a run grows past 2^31 trials.
 */
public final class Wilson {
    /** The method name written next to every interval. */
    public static final String METHOD = "wilson";

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Wilson() {
    }

    /**
     * Computes the interval.
     *
     * @param events number of events x, {@code 0 <= x <= n}
     * @param trials number of trials n; when 0 nothing is known and the interval is [0, 1]
     * @param level  confidence level in (0, 1), for example 0.95
     * @return the interval, named {@value #METHOD}, clipped to [0, 1] against rounding
     * @throws IllegalArgumentException when the counts or the level are out of range
     */
    public static ConfidenceInterval interval(long events, long trials, double level) {
        Proportion.requireCounts(events, trials);
        Proportion.requireLevel(level);
        if (trials == 0) {
            return new ConfidenceInterval(0, 1, level, METHOD);
        }
        double z = STANDARD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
        double n = trials;
        double p = events / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double halfWidth = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // At x = 0 the lower bound is 0 in exact arithmetic, and at x = n the upper bound is 1.
        double lower = events == 0 ? 0 : Math.max(0, centre - halfWidth);
        double upper = events == trials ? 1 : Math.min(1, centre + halfWidth);
        return new ConfidenceInterval(lower, upper, level, METHOD);
    }
}
