package org.touchstone.reports.attributes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What an image whose analysis failed (no face found, or the call failed) counts as.
 */
public enum AnalysisFailurePolicy {
    /**
     * It has no estimate: it lowers coverage at every confidence threshold and never accuracy. The
     * failure-to-acquire rate is reported beside.
     */
    UNDECIDED,
    /**
     * It counts as a decided, wrong answer at every confidence threshold: it raises coverage's numerator
     * and lowers accuracy. It has no confidence, so calibration leaves it out, and no value, so the mean
     * absolute error leaves it out too; the age-threshold error rates count it as an error.
     */
    ERROR;

    /**
     * The policy's name as written in {@code run.json}.
     *
     * @return {@code "undecided"} or {@code "error"}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Every label, for messages.
     *
     * @return the labels in declaration order
     */
    public static List<String> labels() {
        return Arrays.stream(values()).map(AnalysisFailurePolicy::label).toList();
    }

    /**
     * The policy with a label.
     *
     * @param label {@code "undecided"} or {@code "error"}
     * @return the policy
     * @throws IllegalArgumentException for any other label
     */
    public static AnalysisFailurePolicy fromLabel(String label) {
        for (AnalysisFailurePolicy policy : values()) {
            if (policy.label().equals(label)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown failure policy " + label + "; expected one of " + labels());
    }
}
