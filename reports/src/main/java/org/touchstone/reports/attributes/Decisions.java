package org.touchstone.reports.attributes;

import java.util.Objects;
import org.touchstone.reports.stats.Proportion;

/**
 * Coverage and accuracy of a categorical attribute at one confidence threshold.
 *
 * @param threshold c: an estimate is decided when its confidence is {@code >= c}
 * @param coverage  decided images out of the images with a known true label
 * @param accuracy  correct decided images out of the decided ones
 */
public record Decisions(double threshold, Proportion coverage, Proportion accuracy) {
    /**
     * @param threshold not NaN
     * @param coverage  not null
     * @param accuracy  not null, its trials the coverage's events
     */
    public Decisions {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must not be NaN");
        }
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(accuracy, "accuracy");
        if (accuracy.trials() != coverage.events()) {
            throw new IllegalArgumentException("accuracy is measured over the decided images");
        }
    }

    /**
     * The error rate among decided images, 1 - accuracy.
     *
     * @return wrong decided images out of the decided ones
     */
    public Proportion error() {
        return new Proportion(accuracy.trials() - accuracy.events(), accuracy.trials());
    }
}
