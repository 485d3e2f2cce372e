package org.touchstone.runformat.columns;

/**
 * The columns of {@value #FILE}: one row per comparison the protocol defines (verification), grouped by
 * probe template in template order, enrolment templates in template order within a probe.
 */
public enum ComparisonsCsv implements Column {
    /** {@code template_id} of the template used in role {@code verification_enrolment}. */
    ENROLMENT_TEMPLATE,
    /** {@code template_id} of the template used in role {@code verification_probe}. */
    PROBE_TEMPLATE,
    /** {@code true} when both templates show the same subject, else {@code false}. */
    MATED,
    /** A {@link Status}. */
    STATUS,
    /** Empty when ok; the comparison's failure code, or the failed template's code. */
    FAILURE_CODE,
    /** The similarity when ok, else empty. */
    SCORE,
    /** Wall time of the comparison in nanoseconds (its batched call's, divided evenly); empty when not compared. */
    LATENCY_NS;

    /** The file's name in the run directory. */
    public static final String FILE = "comparisons.csv";

    /** The values of {@link #STATUS}. */
    public enum Status implements CellValue {
        /** Compared; {@code score} holds the similarity. */
        OK,
        /** The comparison returned a failure. */
        COMPARISON_FAILED,
        /** Not compared because either template failed. */
        TEMPLATE_FAILED
    }
}
