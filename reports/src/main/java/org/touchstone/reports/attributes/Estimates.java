package org.touchstone.reports.attributes;

/** Checks shared by the outcome records. */
final class Estimates {
    private Estimates() {
    }

    /** An outcome has a confidence exactly when it has an estimate, and a failed analysis has neither. */
    static void check(boolean noEstimate, double confidence, boolean failed) {
        if (noEstimate != Double.isNaN(confidence)) {
            throw new IllegalArgumentException("an estimate needs a confidence and only an estimate has one");
        }
        if (!noEstimate && !(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
        if (failed && !noEstimate) {
            throw new IllegalArgumentException("a failed analysis has no estimate");
        }
    }
}
