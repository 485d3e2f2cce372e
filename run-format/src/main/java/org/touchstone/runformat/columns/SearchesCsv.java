package org.touchstone.runformat.columns;

/**
 * The columns of {@value #FILE}: one row per search of one probe template against one gallery
 * (identification), ordered by gallery, then probe template.
 */
public enum SearchesCsv implements Column {
    /** The gallery searched. */
    GALLERY_ID,
    /** {@code template_id} of the probe (role {@code identification_probe}). */
    PROBE_TEMPLATE,
    /** The probe's subject. */
    PROBE_SUBJECT,
    /** {@code true} when the protocol enrolled the probe's subject in this gallery. */
    MATED,
    /** A {@link Status}. */
    STATUS,
    /** Empty when ok; the failure code. */
    FAILURE_CODE,
    /** Empty when ok; the explanation. */
    MESSAGE,
    /** Number of candidates returned (0 unless ok). */
    CANDIDATES,
    /** Wall time of the search call; empty when not searched. */
    LATENCY_NS;

    /** The file's name in the run directory. */
    public static final String FILE = "searches.csv";

    /** The values of {@link #STATUS}. */
    public enum Status implements CellValue {
        /** Searched; its candidates are in {@code candidates.csv}. */
        OK,
        /** The system returned a failure. */
        SEARCH_FAILED,
        /** The candidate list broke the contract; its candidates are not recorded. */
        INVALID_OUTPUT,
        /** The probe template failed: not searched. */
        TEMPLATE_FAILED,
        /** The gallery could not be built: not searched. */
        GALLERY_FAILED
    }
}
