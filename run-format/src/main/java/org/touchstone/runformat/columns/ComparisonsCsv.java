package org.touchstone.runformat.columns;

import java.util.Map;

/**
 * The columns of {@value #FILE}: one row per comparison the protocol defines (verification), grouped by
 * probe template in template order, enrolment templates in template order within a probe.
 */
public enum ComparisonsCsv implements Column {
    /** {@code template_id} of the template used in role {@code verification_enrolment}. */
    ENROLMENT_TEMPLATE("enrolment_template"),
    /** {@code template_id} of the template used in role {@code verification_probe}. */
    PROBE_TEMPLATE("probe_template"),
    /** {@code true} when both templates show the same subject, else {@code false}. */
    MATED("mated"),
    /** A {@link Status}. */
    STATUS("status"),
    /** Empty when ok; the comparison's failure code, or the failed template's code. */
    FAILURE_CODE("failure_code"),
    /** The similarity when ok, else empty. */
    SCORE("score"),
    /** Wall time of the comparison in nanoseconds (its batched call's, divided evenly); empty when not compared. */
    LATENCY_NS("latency_ns");

    /** The file's name in the run directory. */
    public static final String FILE = "comparisons.csv";

    private final String header;

    ComparisonsCsv(String header) {
        this.header = header;
    }

    @Override
    public String header() {
        return header;
    }

    /**
     * The header row.
     *
     * @return the column names
     */
    public static String[] headerRow() {
        return Column.headerRow(values(), Map.of());
    }

    /** The values of {@link #STATUS}. */
    public enum Status implements CellValue {
        /** Compared; {@code score} holds the similarity. */
        OK("ok"),
        /** The comparison returned a failure. */
        COMPARISON_FAILED("comparison_failed"),
        /** Not compared because either template failed. */
        TEMPLATE_FAILED("template_failed");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        @Override
        public String text() {
            return text;
        }
    }
}
