package org.touchstone.runformat.columns;

/**
 * The columns of {@value #FILE}: the estimates for the first face of each {@code ok} analysis, one row
 * per estimated attribute.
 */
public enum EstimatesCsv implements Column {
    /** The image. */
    SAMPLE_ID,
    /** An attribute name ({@code sex}, {@code age}, ...). */
    ATTRIBUTE,
    /** The estimated label of a categorical attribute, empty for numeric ones. */
    LABEL,
    /** The estimated value of a numeric attribute, empty for categorical ones. */
    VALUE,
    /** In [0, 1]. */
    CONFIDENCE;

    /** The file's name in the run directory. */
    public static final String FILE = "estimates.csv";

}
