package org.touchstone.reports.attributes;

import java.util.Objects;

/**
 * What every attribute's outcomes share, categorical or numeric: the images with a known truth, those whose
 * analysis failed, the estimates ordered by confidence, and the failure policy that says what "decided at
 * threshold c" means for a failed analysis.
 */
public abstract sealed class AttributeOutcomes permits CategoricalAttribute, NumericAttribute {
    private final long images;
    private final long failed;
    private final AnalysisFailurePolicy policy;
    /** The estimates by confidence, each with the value its subclass adds up. */
    final ConfidenceOrder estimates;

    AttributeOutcomes(long images, long failed, ConfidenceOrder estimates, AnalysisFailurePolicy policy) {
        this.images = images;
        this.failed = failed;
        this.estimates = estimates;
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Images with a known truth: the coverage denominator.
     *
     * @return images
     */
    public long images() {
        return images;
    }

    /**
     * Images whose analysis failed.
     *
     * @return failed images, included in {@link #images()}
     */
    public long failedImages() {
        return failed;
    }

    /**
     * Images with an estimate, whatever its confidence.
     *
     * @return estimates
     */
    public long estimates() {
        return estimates.size();
    }

    /**
     * What a failed analysis counts as.
     *
     * @return the policy
     */
    public AnalysisFailurePolicy policy() {
        return policy;
    }

    /** Images decided at a threshold: estimates at or above it, and every failed analysis under the error policy. */
    long decided(double threshold) {
        return estimates.countAtOrAbove(threshold) + (policy == AnalysisFailurePolicy.ERROR ? failed : 0);
    }

    static void requireThreshold(double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must not be NaN");
        }
    }
}
