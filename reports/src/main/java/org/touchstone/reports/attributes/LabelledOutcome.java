package org.touchstone.reports.attributes;

import java.util.Objects;

/**
 * One image's outcome for a categorical attribute whose true label is known.
 *
 * @param truth      the true label
 * @param estimate   the estimated label, or null when there is none (the analysis failed, or the system
 *                   gave no estimate of this attribute for the face)
 * @param confidence the estimate's confidence in [0, 1], NaN when there is no estimate
 * @param failed     whether the analysis of the image failed (no face, or the call failed)
 */
public record LabelledOutcome(String truth, String estimate, double confidence, boolean failed) {
    /**
     * @param truth      not null
     * @param estimate   null exactly when confidence is NaN; null when failed
     * @param confidence in [0, 1], or NaN
     * @param failed     the failure flag
     */
    public LabelledOutcome {
        Objects.requireNonNull(truth, "truth");
        Estimates.check(estimate == null, confidence, failed);
    }

    /**
     * An image with an estimate.
     *
     * @param truth      the true label
     * @param estimate   the estimated label
     * @param confidence in [0, 1]
     * @return the outcome
     */
    public static LabelledOutcome estimated(String truth, String estimate, double confidence) {
        return new LabelledOutcome(truth, Objects.requireNonNull(estimate, "estimate"), confidence, false);
    }

    /**
     * An image analysed without an estimate of this attribute.
     *
     * @param truth the true label
     * @return the outcome
     */
    public static LabelledOutcome notEstimated(String truth) {
        return new LabelledOutcome(truth, null, Double.NaN, false);
    }

    /**
     * An image whose analysis failed.
     *
     * @param truth the true label
     * @return the outcome
     */
    public static LabelledOutcome failedAnalysis(String truth) {
        return new LabelledOutcome(truth, null, Double.NaN, true);
    }

    /**
     * Whether there is an estimate and it is right.
     *
     * @return estimate equals truth
     */
    public boolean correct() {
        return truth.equals(estimate);
    }
}
