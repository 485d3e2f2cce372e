package org.touchstone.reports.stats;

import java.util.Arrays;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Percentile intervals from bootstrap replicates, with Commons Statistics' {@link Quantile} (its default
 * estimation method, Hyndman and Fan's type 8, which is median-unbiased). Replicates that could not be
 * computed (NaN, e.g. a resample without trials) are left out and counted.
 */
public final class BootstrapPercentiles {
    private BootstrapPercentiles() {
    }

    /**
     * The equal-tailed percentile interval.
     *
     * @param replicates replicate values; NaN entries are skipped
     * @param level      two-sided level, for example 0.95
     * @param method     the name to give the interval, e.g. {@code "subject-bootstrap-percentile"}
     * @return the interval clipped to [0, 1], or null when no replicate is defined
     */
    public static ConfidenceInterval interval(double[] replicates, double level, String method) {
        Proportion.requireLevel(level);
        double[] defined = Arrays.stream(replicates).filter(v -> !Double.isNaN(v)).toArray();
        if (defined.length == 0) {
            return null;
        }
        double[] bounds = Quantile.withDefaults().evaluate(defined, (1 - level) / 2, 1 - (1 - level) / 2);
        double lower = Math.max(0, Math.min(1, bounds[0]));
        double upper = Math.max(lower, Math.min(1, bounds[1]));
        return new ConfidenceInterval(lower, upper, level, method);
    }
}
