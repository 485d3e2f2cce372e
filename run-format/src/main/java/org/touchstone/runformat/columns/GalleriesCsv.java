package org.touchstone.runformat.columns;

/** The columns of {@value #FILE}: one row per gallery the protocol builds (identification), in sweep order. */
public enum GalleriesCsv implements Column {
    /** E.g. {@code G0000100}: the number of distractor subjects, zero-padded. */
    GALLERY_ID,
    /** Subjects enrolled whose probes are searched as mated searches. */
    MATED_SUBJECTS,
    /** Further subjects enrolled who are never searched for. */
    DISTRACTOR_SUBJECTS,
    /** Templates handed to {@code finalizeEnrolment} (enrolment templates that failed are not). */
    ENROLLED_TEMPLATES,
    /** A {@link Status}: that of the {@code finalizeEnrolment} call. */
    STATUS,
    /** Empty when ok; the failure code. */
    FAILURE_CODE,
    /** Empty when ok; the explanation. */
    MESSAGE,
    /** Wall time of {@code finalizeEnrolment} (the sum over shards). */
    LATENCY_NS;

    /** The file's name in the run directory. */
    public static final String FILE = "galleries.csv";

    /** The values of {@link #STATUS}. */
    public enum Status implements CellValue {
        /** The gallery was built. */
        OK,
        /** Building it failed; its searches are {@code gallery_failed}. */
        FAILED
    }
}
