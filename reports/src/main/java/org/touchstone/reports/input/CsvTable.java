package org.touchstone.reports.input;

import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.touchstone.runformat.RunDirectoryException;
import org.touchstone.runformat.columns.CellValue;
import org.touchstone.runformat.columns.Column;
import org.touchstone.runformat.columns.SpreadsheetText;
import org.touchstone.runformat.columns.TemplatesCsv;

/**
 * A run-directory CSV file (RFC 4180, one header row) read row by row, with the line of each row so that
 * every error can name the file, the line and the column.
 */
final class CsvTable implements Closeable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .setAllowMissingColumnNames(false)
            .get();

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private CSVRecord record;
    /** Whether cells were written as {@link SpreadsheetText} (run-directory files, not other tools' files). */
    private boolean spreadsheetText;
    private long lastLine;
    private long line;

    private CsvTable(Path file, CSVParser parser) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
        this.header = parser.getHeaderNames();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), i);
        }
        this.lastLine = parser.getCurrentLineNumber();
    }

    /**
     * Opens a file and checks its header.
     *
     * @param file     the CSV file
     * @param required columns that must be present, in any order
     * @return the table, positioned before the first row
     * @throws RunDirectoryException when the header is malformed or lacks a required column
     * @throws IOException           when the file cannot be read
     */
    static CsvTable open(Path file, List<String> required) throws IOException {
        return open(file, Files.newBufferedReader(file, StandardCharsets.UTF_8), required);
    }

    /**
     * Opens a file written by any tool (a score file, or the groups file beside it): as
     * {@link #open(Path, List)}, but a UTF-8 byte order mark is skipped, text that is not UTF-8 is refused as
     * such (naming the file), and no line may be longer than {@link ScoreFileText#MAX_LINE_BYTES} characters.
     *
     * @param file     the CSV file
     * @param required columns that must be present, in any order
     * @return the table, positioned before the first row
     * @throws RunDirectoryException when the text or header is malformed or lacks a required column
     * @throws IOException           when the file cannot be read
     */
    static CsvTable openScoreFile(Path file, List<String> required) throws IOException {
        java.io.InputStream in = ScoreFileText.openUtf8(file);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return open(file, new BoundedLineReader(file, new java.io.BufferedReader(reader, 1 << 16)), required);
    }

    private static CsvTable open(Path file, Reader reader, List<String> required) throws IOException {
        CSVParser parser;
        try {
            parser = CSVParser.parse(reader, FORMAT);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            reader.close();
            RunDirectoryException cause = readingError(file, 1, e);
            throw cause != null ? cause : new RunDirectoryException(file, 1, 0, null, "malformed header: " + e.getMessage());
        } catch (IOException e) {
            reader.close();
            RunDirectoryException cause = readingError(file, 1, e);
            throw cause != null ? cause : e;
        }
        CsvTable table = new CsvTable(file, parser);
        if (table.header.isEmpty()) {
            table.close();
            throw new RunDirectoryException(file, 1, 0, null, "empty file: expected a header row with columns " + required);
        }
        for (String column : required) {
            if (!table.columns.containsKey(column)) {
                table.close();
                throw new RunDirectoryException(file, 1, 0, column, "missing column \"" + column
                        + "\"; the header has " + table.header);
            }
        }
        return table;
    }

    /**
     * Opens a run-directory file and checks its header.
     *
     * @param file     the CSV file
     * @param required the columns that must be present (families are not checked here: their members depend on
     *                 run.json)
     * @return the table, positioned before the first row
     * @throws RunDirectoryException when the header is malformed or lacks a required column
     * @throws IOException           when the file cannot be read
     */
    static CsvTable open(Path file, Column... required) throws IOException {
        CsvTable table = open(file, Arrays.stream(required).filter(c -> !c.isFamily()).map(Column::header).toList());
        table.spreadsheetText = true;
        return table;
    }

    /**
     * The index of a column, for {@link #get(int)}.
     *
     * @param column a column of the header
     * @return its 0-based index
     */
    int column(Column column) {
        return column(column.header());
    }

    /**
     * Moves to the next row.
     *
     * @return false at the end of the file
     * @throws RunDirectoryException when the row is malformed or has the wrong number of fields
     */
    boolean next() throws RunDirectoryException {
        try {
            if (!records.hasNext()) {
                return false;
            }
            line = lastLine + 1;
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            RunDirectoryException cause = readingError(file, lastLine + 1, e);
            throw cause != null ? cause : new RunDirectoryException(file, lastLine + 1, 0, null,
                    "malformed CSV: " + e.getMessage());
        }
        lastLine = parser.getCurrentLineNumber();
        if (record.size() != header.size()) {
            throw new RunDirectoryException(file, line, 0, null,
                    "expected " + header.size() + " fields as in the header, found " + record.size());
        }
        return true;
    }

    /**
     * The header's column names, in file order.
     *
     * @return the names
     */
    List<String> header() {
        return header;
    }

    /**
     * The index of a column, for {@link #get(int)}.
     *
     * @param name a column of the header
     * @return its 0-based index
     */
    int column(String name) {
        Integer index = columns.get(name);
        if (index == null) {
            throw new IllegalArgumentException("no column " + name + " in " + file);
        }
        return index;
    }

    /**
     * A field of the current row.
     *
     * @param column 0-based column index
     * @return the field, never null
     */
    String get(int column) {
        String cell = record.get(column);
        return spreadsheetText ? SpreadsheetText.decode(cell) : cell;
    }

    /**
     * The first line of the current row.
     *
     * @return the 1-based line
     */
    long line() {
        return line;
    }

    /**
     * An error about one field of the current row.
     *
     * @param column  0-based column index
     * @param problem what is wrong and what was expected
     * @return the exception, naming file, line, field number and column name
     */
    RunDirectoryException error(int column, String problem) {
        return new RunDirectoryException(file, line, column + 1L, header.get(column), problem);
    }

    /**
     * An error about the current row as a whole.
     *
     * @param problem what is wrong and what was expected
     * @return the exception, naming file and line
     */
    RunDirectoryException error(String problem) {
        return new RunDirectoryException(file, line, 0, null, problem);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /**
     * Parses a score: a decimal number as {@code Double.toString} writes it, finite.
     *
     * @param column 0-based column index of the score
     * @return the score
     * @throws RunDirectoryException when the field is not a finite decimal number
     */
    double finiteDecimal(int column) throws RunDirectoryException {
        double value = parseFiniteDecimal(get(column));
        if (Double.isNaN(value)) {
            throw error(column, "expected a finite decimal number, found \"" + get(column) + "\"");
        }
        return value;
    }

    /**
     * Parses a decimal number as {@code Double.toString} writes it.
     *
     * @param text the text
     * @return the finite number, or NaN when the text is anything else
     */
    static double parseFiniteDecimal(String text) {
        // Double.parseDouble also accepts "NaN", "Infinity", hex, a trailing "d" and surrounding spaces.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return Double.NaN;
            }
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * A field that must not be empty.
     *
     * @param column 0-based column index
     * @return the field
     * @throws RunDirectoryException when it is empty
     */
    String nonEmpty(int column) throws RunDirectoryException {
        String value = get(column);
        if (value.isEmpty()) {
            throw error(column, "expected a non-empty value");
        }
        return value;
    }

    /**
     * A boolean field, written {@code true} or {@code false}.
     *
     * @param column 0-based column index
     * @return its value
     * @throws RunDirectoryException when it is anything else
     */
    boolean bool(int column) throws RunDirectoryException {
        return switch (get(column)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(column, "expected \"true\" or \"false\", found \"" + get(column) + "\"");
        };
    }

    /**
     * A count: a whole number from 0 to {@code Integer.MAX_VALUE}, in plain decimal digits.
     *
     * @param column 0-based column index
     * @return its value
     * @throws RunDirectoryException when it is not such a number
     */
    int count(int column) throws RunDirectoryException {
        String text = get(column);
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw error(column, "expected a whole number >= 0, found \"" + text + "\"");
        }
        long value = Long.parseLong(text);
        if (value > Integer.MAX_VALUE) {
            throw error(column, "expected a whole number up to " + Integer.MAX_VALUE + ", found " + text);
        }
        return (int) value;
    }

    /**
     * A large count: a whole number from 0 to {@code Long.MAX_VALUE}, in plain decimal digits.
     *
     * @param column 0-based column index
     * @return its value
     * @throws RunDirectoryException when it is not such a number
     */
    long longCount(int column) throws RunDirectoryException {
        String text = get(column);
        if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw error(column, "expected a whole number >= 0, found \"" + text + "\"");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error(column, "expected a whole number up to " + Long.MAX_VALUE + ", found " + text);
        }
    }

    /**
     * A {@code status} field that is {@code ok} or {@code failed}, checked against its {@code failure_code}.
     *
     * @param status 0-based column of the status
     * @param code   0-based column of the failure code
     * @return whether the row failed
     * @throws RunDirectoryException when the status is anything else or the code contradicts it
     */
    boolean okOrFailed(int status, int code) throws RunDirectoryException {
        // templates.csv and galleries.csv share this vocabulary.
        boolean failed = CellValue.parse(TemplatesCsv.Status.class, get(status)).orElseThrow(() -> error(status,
                "expected \"ok\" or \"failed\", found \"" + get(status) + "\"")) == TemplatesCsv.Status.FAILED;
        requireCodeExactlyWhenFailed(code, failed, TemplatesCsv.Status.FAILED.text());
        return failed;
    }

    /**
     * Checks that a failure code is given exactly when the row failed.
     *
     * @param code   0-based column of the failure code
     * @param failed whether the row's status is a failure
     * @param status the status, for the message
     * @throws RunDirectoryException when the code contradicts the status
     */
    void requireCodeExactlyWhenFailed(int code, boolean failed, String status) throws RunDirectoryException {
        if (failed == get(code).isEmpty()) {
            throw error(code, failed ? "status " + status + " needs a failure code"
                    : "expected no failure code for status ok, found \"" + get(code) + "\"");
        }
    }
    /**
     * The named error behind a failure to read: a line too long, or text that is not UTF-8 (whose bare
     * message, "Input length = 1", names nothing).
     *
     * @return the error, or null when the failure is something else
     */
    private static RunDirectoryException readingError(Path file, long line, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RunDirectoryException named) {
                return named;
            }
            if (cause instanceof CharacterCodingException) {
                return new RunDirectoryException(file, line, 0, null, "not UTF-8 text (invalid byte sequence); save"
                        + " the file as UTF-8");
            }
        }
        return null;
    }

    /** Refuses a line longer than {@link ScoreFileText#MAX_LINE_BYTES} characters, naming it. */
    private static final class BoundedLineReader extends FilterReader {
        private final Path file;
        private long line = 1;
        private int lineLength;

        BoundedLineReader(Path file, Reader in) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            for (int i = offset; i < offset + read; i++) {
                count(buffer[i]);
            }
            return read;
        }

        private void count(char c) throws RunDirectoryException {
            if (c == '\n') {
                line++;
                lineLength = 0;
            } else if (++lineLength > ScoreFileText.MAX_LINE_BYTES) {
                throw new RunDirectoryException(file, line, 0, null, "line longer than " + ScoreFileText.MAX_LINE_BYTES
                        + " characters: expected one comparison a line (is this a score file?)");
            }
        }
    }
}
