package org.touchstone.reports.verification;

/** How the threshold of an FMR operating point was chosen. */
public enum ThresholdOrigin {
    /** T is a score some comparison produced. */
    OBSERVED_SCORE,
    /** T is a value no comparison produced, e.g. just above the highest impostor score. */
    BETWEEN_OBSERVED_SCORES,
    /** No threshold could be chosen: there are no impostor comparisons, or no scores at all. */
    NONE
}
