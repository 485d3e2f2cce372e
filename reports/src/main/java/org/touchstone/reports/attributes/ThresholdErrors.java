package org.touchstone.reports.attributes;

import java.util.Objects;
import org.touchstone.reports.stats.Proportion;

/**
 * The two errors of a decision "is the value at least a?" made from a numeric estimate, as in age
 * verification ("is this person 18 or over?").
 *
 * @param threshold a, the threshold value (an age in years)
 * @param over      over-estimate errors: estimate {@code >= a} among images whose true value is below a
 *                  (for age: minors passed as adults, the error that matters for age checks)
 * @param under     under-estimate errors: estimate below a among images whose true value is {@code >= a}
 */
public record ThresholdErrors(double threshold, Proportion over, Proportion under) {
    /**
     * @param threshold finite
     * @param over      not null
     * @param under     not null
     */
    public ThresholdErrors {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, was " + threshold);
        }
        Objects.requireNonNull(over, "over");
        Objects.requireNonNull(under, "under");
    }
}
