package org.touchstone.runformat.columns;

import java.util.Map;

/** The columns of {@value #FILE}: one row per gallery the protocol builds (identification), in sweep order. */
public enum GalleriesCsv implements Column {
    /** E.g. {@code G0000100}: the number of distractor subjects, zero-padded. */
    GALLERY_ID("gallery_id"),
    /** Subjects enrolled whose probes are searched as mated searches. */
    MATED_SUBJECTS("mated_subjects"),
    /** Further subjects enrolled who are never searched for. */
    DISTRACTOR_SUBJECTS("distractor_subjects"),
    /** Templates handed to {@code finalizeEnrolment} (enrolment templates that failed are not). */
    ENROLLED_TEMPLATES("enrolled_templates"),
    /** A {@link Status}: that of the {@code finalizeEnrolment} call. */
    STATUS("status"),
    /** Empty when ok; the failure code. */
    FAILURE_CODE("failure_code"),
    /** Empty when ok; the explanation. */
    MESSAGE("message"),
    /** Wall time of {@code finalizeEnrolment} (the sum over shards). */
    LATENCY_NS("latency_ns");

    /** The file's name in the run directory. */
    public static final String FILE = "galleries.csv";

    private final String header;

    GalleriesCsv(String header) {
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
        /** The gallery was built. */
        OK("ok"),
        /** Building it failed; its searches are {@code gallery_failed}. */
        FAILED("failed");

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
