package org.touchstone.runformat.columns;

/**
 * How the run directory's CSV files write the values that are not of a column's own vocabulary: every
 * file is UTF-8, RFC 4180 quoted, {@code \n} line ends, one header row; numbers in Java's shortest
 * round-trip form ({@code Double.toString}); an absent value is an empty cell.
 */
public final class Cells {
    /** An absent value. */
    public static final String EMPTY = "";
    /** A true boolean cell, such as {@code mated}. */
    public static final String TRUE = "true";
    /** A false boolean cell. */
    public static final String FALSE = "false";

    private Cells() {
    }

    /**
     * A boolean cell.
     *
     * @param value the value
     * @return {@code true} or {@code false}
     */
    public static String bool(boolean value) {
        return value ? TRUE : FALSE;
    }
}
