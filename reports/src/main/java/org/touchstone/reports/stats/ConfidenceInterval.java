package org.touchstone.reports.stats;

import java.util.Objects;

/**
 * A two-sided confidence interval for a rate, with the name of the method that produced it.
 *
 * @param lower  lower bound, in [0, 1]
 * @param upper  upper bound, in [lower, 1]
 * @param level  confidence level, for example 0.95
 * @param method how it was computed, for example {@code "clopper-pearson"}
 */
public record ConfidenceInterval(double lower, double upper, double level, String method) {
    /**
     * @param lower  lower bound, in [0, 1]
     * @param upper  upper bound, in [lower, 1]
     * @param level  confidence level, in (0, 1)
     * @param method not null
     */
    public ConfidenceInterval {
        Objects.requireNonNull(method, "method");
        if (!(lower >= 0 && lower <= upper && upper <= 1)) {
            throw new IllegalArgumentException("need 0 <= lower <= upper <= 1, was [" + lower + ", " + upper + "]");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), was " + level);
        }
    }
}
