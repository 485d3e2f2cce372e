package org.touchstone.reports.attributes;

import java.util.Objects;
import org.touchstone.reports.stats.Proportion;

/**
 * Coverage and mean absolute error of a numeric attribute (such as age) at one confidence threshold.
 *
 * @param threshold         c: an estimate is decided when its confidence is {@code >= c}
 * @param coverage          decided images out of the images with a known true value (under
 *                          {@link AnalysisFailurePolicy#ERROR} failed analyses count as decided)
 * @param estimates         decided estimates with a value, the mean's denominator
 * @param meanAbsoluteError mean of |estimate - truth| over those estimates; NaN when there are none
 */
public record NumericDecisions(double threshold, Proportion coverage, long estimates, double meanAbsoluteError) {
    /**
     * @param threshold         not NaN
     * @param coverage          not null
     * @param estimates         {@code >= 0}
     * @param meanAbsoluteError NaN exactly when there are no estimates
     */
    public NumericDecisions {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must not be NaN");
        }
        Objects.requireNonNull(coverage, "coverage");
    }
}
