package org.touchstone.runformat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A run directory file whose content breaks the run-directory contract ({@code docs/run-directory.md}):
 * a missing column or field, a value of the wrong form, a reference to an unknown template. The message
 * names the file, the line and column where known, and what was expected, for example
 * {@code /runs/r1/comparisons.csv line 5, column 6 (score): expected a finite decimal number, found "NaN"}.
 *
 * <p>It is an {@link IOException} because it is a problem with the input files, not with the program.
 */
public class RunDirectoryException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The offending file (not serialised: Path is not Serializable). */
    private final transient Path file;
    /** 1-based line, or 0. */
    private final long line;
    /** 1-based column, or 0. */
    private final long column;
    /** Column or field name, or null. */
    private final String location;
    /** What is wrong and what was expected. */
    private final String problem;

    /**
     * @param file     the offending file
     * @param line     1-based line, or 0 when the problem concerns the whole file
     * @param column   1-based column (a field number in CSV, a character in JSON), or 0 when unknown
     * @param location what the column or field is called (a CSV header name, a JSON path), or null
     * @param problem  what is wrong and what was expected
     */
    public RunDirectoryException(Path file, long line, long column, String location, String problem) {
        super(format(file, line, column, location, problem));
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.column = column;
        this.location = location;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /**
     * The offending file.
     *
     * @return its path
     */
    public Path file() {
        return file;
    }

    /**
     * The 1-based line of the problem.
     *
     * @return the line, or 0 when the problem concerns the whole file
     */
    public long line() {
        return line;
    }

    /**
     * The 1-based column of the problem: the field number in a CSV file, the character in a JSON file.
     *
     * @return the column, or 0 when unknown
     */
    public long column() {
        return column;
    }

    /**
     * The name of the column or field at fault.
     *
     * @return a CSV header name or a JSON path such as {@code evaluation.fmr_targets[2]}, or null
     */
    public String location() {
        return location;
    }

    /**
     * What is wrong, without the file and position.
     *
     * @return the problem and what was expected
     */
    public String problem() {
        return problem;
    }

    private static String format(Path file, long line, long column, String location, String problem) {
        StringBuilder message = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            message.append(" line ").append(line);
            if (column > 0) {
                message.append(", column ").append(column);
            }
        }
        if (location != null) {
            message.append(" (").append(location).append(')');
        }
        return message.append(": ").append(problem).toString();
    }
}
