package org.touchstone.runformat.columns;

/**
 * The columns of {@value #FILE}: the candidate lists of the {@code ok} searches, one row per candidate,
 * ordered by gallery, probe template, then rank.
 */
public enum CandidatesCsv implements Column {
    /** The search's gallery. */
    GALLERY_ID,
    /** The search's probe template. */
    PROBE_TEMPLATE,
    /** 1 for the best candidate. */
    RANK,
    /** An enrolled {@code template_id}. */
    CANDIDATE_TEMPLATE,
    /** Similarity, descending with rank. */
    SCORE;

    /** The file's name in the run directory. */
    public static final String FILE = "candidates.csv";

}
