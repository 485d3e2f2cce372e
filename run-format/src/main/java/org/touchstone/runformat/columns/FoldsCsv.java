package org.touchstone.runformat.columns;

/**
 * The columns of {@value #FILE}: written only by a k-fold verification protocol (one whose pair list gives
 * each pair its fold), one row per pair in pair-list order, naming the pair as {@code comparisons.csv}
 * does and giving its fold.
 */
public enum FoldsCsv implements Column {
    /** {@code template_id} of the pair's enrolment template, as in {@code comparisons.csv}. */
    ENROLMENT_TEMPLATE,
    /** {@code template_id} of the pair's probe template. */
    PROBE_TEMPLATE,
    /** The pair's fold, 1 to the protocol's number of folds. */
    FOLD;

    /** The file's name in the run directory. */
    public static final String FILE = "folds.csv";
}
