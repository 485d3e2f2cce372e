package org.touchstone.runformat.columns;

import java.util.Map;

/**
 * The columns of {@value #FILE}: the candidate lists of the {@code ok} searches, one row per candidate,
 * ordered by gallery, probe template, then rank.
 */
public enum CandidatesCsv implements Column {
    /** The search's gallery. */
    GALLERY_ID("gallery_id"),
    /** The search's probe template. */
    PROBE_TEMPLATE("probe_template"),
    /** 1 for the best candidate. */
    RANK("rank"),
    /** An enrolled {@code template_id}. */
    CANDIDATE_TEMPLATE("candidate_template"),
    /** Similarity, descending with rank. */
    SCORE("score");

    /** The file's name in the run directory. */
    public static final String FILE = "candidates.csv";

    private final String header;

    CandidatesCsv(String header) {
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
}
