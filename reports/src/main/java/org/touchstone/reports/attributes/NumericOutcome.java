package org.touchstone.reports.attributes;

/**
 * One image's outcome for a numeric attribute (such as age) whose true value is known.
 *
 * @param truth      the true value, finite
 * @param estimate   the estimated value, NaN when there is none (the analysis failed, or the system gave no
 *                   estimate of this attribute for the face)
 * @param confidence the estimate's confidence in [0, 1], NaN when there is no estimate
 * @param failed     whether the analysis of the image failed (no face, or the call failed)
 */
public record NumericOutcome(double truth, double estimate, double confidence, boolean failed) {
    /**
     * @param truth      finite
     * @param estimate   finite, or NaN exactly when confidence is NaN; NaN when failed
     * @param confidence in [0, 1], or NaN
     * @param failed     the failure flag
     */
    public NumericOutcome {
        if (!Double.isFinite(truth)) {
            throw new IllegalArgumentException("true value must be finite, was " + truth);
        }
        if (Double.isInfinite(estimate)) {
            throw new IllegalArgumentException("estimate must be finite or NaN, was " + estimate);
        }
        Estimates.check(Double.isNaN(estimate), confidence, failed);
    }

    /**
     * An image with an estimate.
     *
     * @param truth      the true value
     * @param estimate   the estimated value, finite
     * @param confidence in [0, 1]
     * @return the outcome
     */
    public static NumericOutcome estimated(double truth, double estimate, double confidence) {
        if (Double.isNaN(estimate)) {
            throw new IllegalArgumentException("estimate must be finite, was NaN");
        }
        return new NumericOutcome(truth, estimate, confidence, false);
    }

    /**
     * An image analysed without an estimate of this attribute.
     *
     * @param truth the true value
     * @return the outcome
     */
    public static NumericOutcome notEstimated(double truth) {
        return new NumericOutcome(truth, Double.NaN, Double.NaN, false);
    }

    /**
     * An image whose analysis failed.
     *
     * @param truth the true value
     * @return the outcome
     */
    public static NumericOutcome failedAnalysis(double truth) {
        return new NumericOutcome(truth, Double.NaN, Double.NaN, true);
    }

    /**
     * Whether there is an estimate.
     *
     * @return the estimate is not NaN
     */
    public boolean hasEstimate() {
        return !Double.isNaN(estimate);
    }
}
