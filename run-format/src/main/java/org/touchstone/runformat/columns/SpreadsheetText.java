package org.touchstone.runformat.columns;

import java.util.regex.Pattern;

/**
 * How a CSV cell that a spreadsheet would run as a formula is written so that it reads as text: a cell
 * beginning with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return (the characters
 * OWASP lists for CSV injection) gets one apostrophe in front, which spreadsheets show as text. A cell
 * that is a plain number ({@code -0.25}, {@code +3}) is left alone: a spreadsheet reads it as the number
 * it is. So that the encoding can be undone exactly, a cell that already begins with an apostrophe gets
 * one more. Readers of the run directory drop one leading apostrophe ({@link #decode}); ids, subject ids,
 * group values and failure messages thus come back exactly as the dataset or the system gave them.
 * {@code docs/run-directory.md} states the rule.
 */
public final class SpreadsheetText {
    /** What a spreadsheet reads as a number, never as a formula. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private SpreadsheetText() {
    }

    /**
     * @param cell a cell's text
     * @return the text to write
     */
    public static String encode(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '@' || first == '\t' || first == '\r'
                || ((first == '+' || first == '-') && !NUMBER.matcher(cell).matches());
        return formula || first == '\'' ? "'" + cell : cell;
    }

    /**
     * @param cell a cell's object (a string, a number, ...), as CSV printers take it
     * @return the object to print: strings encoded, anything else as it is
     */
    public static Object encode(Object cell) {
        return cell instanceof String s ? encode(s) : cell;
    }

    /**
     * @param cell a cell as read from a run directory file
     * @return the text that was encoded
     */
    public static String decode(String cell) {
        return cell.startsWith("'") ? cell.substring(1) : cell;
    }
}
