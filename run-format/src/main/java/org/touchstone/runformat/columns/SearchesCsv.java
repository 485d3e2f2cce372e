package org.touchstone.runformat.columns;

import java.util.Map;

/**
 * The columns of {@value #FILE}: one row per search of one probe template against one gallery
 * (identification), ordered by gallery, then probe template.
 */
public enum SearchesCsv implements Column {
    /** The gallery searched. */
    GALLERY_ID("gallery_id"),
    /** {@code template_id} of the probe (role {@code identification_probe}). */
    PROBE_TEMPLATE("probe_template"),
    /** The probe's subject. */
    PROBE_SUBJECT("probe_subject"),
    /** {@code true} when the protocol enrolled the probe's subject in this gallery. */
    MATED("mated"),
    /** A {@link Status}. */
    STATUS("status"),
    /** Empty when ok; the failure code. */
    FAILURE_CODE("failure_code"),
    /** Empty when ok; the explanation. */
    MESSAGE("message"),
    /** Number of candidates returned (0 unless ok). */
    CANDIDATES("candidates"),
    /** Wall time of the search call; empty when not searched. */
    LATENCY_NS("latency_ns");

    /** The file's name in the run directory. */
    public static final String FILE = "searches.csv";

    private final String header;

    SearchesCsv(String header) {
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
        /** Searched; its candidates are in {@code candidates.csv}. */
        OK("ok"),
        /** The system returned a failure. */
        SEARCH_FAILED("search_failed"),
        /** The candidate list broke the contract; its candidates are not recorded. */
        INVALID_OUTPUT("invalid_output"),
        /** The probe template failed: not searched. */
        TEMPLATE_FAILED("template_failed"),
        /** The gallery could not be built: not searched. */
        GALLERY_FAILED("gallery_failed");

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
