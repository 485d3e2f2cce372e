package org.touchstone.runformat.columns;

import java.util.Map;

/**
 * The columns of {@value #FILE}: the estimates for the first face of each {@code ok} analysis, one row
 * per estimated attribute.
 */
public enum EstimatesCsv implements Column {
    /** The image. */
    SAMPLE_ID("sample_id"),
    /** An attribute name ({@code sex}, {@code age}, ...). */
    ATTRIBUTE("attribute"),
    /** The estimated label of a categorical attribute, empty for numeric ones. */
    LABEL("label"),
    /** The estimated value of a numeric attribute, empty for categorical ones. */
    VALUE("value"),
    /** In [0, 1]. */
    CONFIDENCE("confidence");

    /** The file's name in the run directory. */
    public static final String FILE = "estimates.csv";

    private final String header;

    EstimatesCsv(String header) {
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
