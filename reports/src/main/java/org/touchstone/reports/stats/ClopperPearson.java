package org.touchstone.reports.stats;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * The Clopper-Pearson ("exact") confidence interval for a binomial proportion: for x events in n
 * trials at level 1 - alpha, lower = BetaInv(alpha/2; x, n - x + 1) (0 when x = 0) and
 * upper = BetaInv(1 - alpha/2; x + 1, n - x) (1 when x = n). It is conservative: its coverage is at
 * least the nominal level for every true rate, which is what a claim such as "FMR below 1e-6" needs.
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
        if (events < 0 || trials < 0 || events > trials) {
            throw new IllegalArgumentException("need 0 <= events <= trials, was " + events + " of " + trials);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), was " + level);
        }
        double alpha = 1 - level;
        double lower = events == 0 ? 0
                : BetaDistribution.of(events, trials - events + 1.0).inverseCumulativeProbability(alpha / 2);
        double upper = events == trials ? 1
                : BetaDistribution.of(events + 1.0, trials - events).inverseCumulativeProbability(1 - alpha / 2);
        return new ConfidenceInterval(lower, upper, level, METHOD);
    }
}
