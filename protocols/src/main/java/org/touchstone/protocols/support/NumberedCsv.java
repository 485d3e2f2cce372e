package org.touchstone.protocols.support;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV text (RFC 4180) read into rows of cells, each row with the physical line it starts on, so that
 * problems can be reported as {@code file:line}. Comment lines ({@code #}) are allowed only before the
 * first row; blank lines are ignored anywhere. A byte order mark at the start is ignored.
 *
 * <p>Reading never throws: a syntax error (an unclosed quote) ends the rows and is reported in
 * {@link #problems()}, along with any comment line found after the first row.
 */
public final class NumberedCsv {
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * A comment line before the first row.
     *
     * @param line the physical line number (1-based)
     * @param text the line after its leading {@code #}
     */
    public record Comment(int line, String text) {
    }

    /**
     * One CSV record.
     *
     * @param line  the physical line number (1-based) the record starts on; a quoted cell may span lines
     * @param cells the cells, unquoted
     */
    public record Row(int line, List<String> cells) {
        /** Copies the cells. */
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * Something in the text that is not valid CSV for Touchstone.
     *
     * @param line    the physical line number (1-based)
     * @param message what is wrong
     */
    public record Problem(int line, String message) {
    }

    private final List<Comment> comments;
    private final List<Row> rows;
    private final List<Problem> problems;

    private NumberedCsv(List<Comment> comments, List<Row> rows, List<Problem> problems) {
        this.comments = List.copyOf(comments);
        this.rows = List.copyOf(rows);
        this.problems = List.copyOf(problems);
    }

    /**
     * @param text the whole CSV text
     * @return its comments, rows and problems
     */
    public static NumberedCsv parse(String text) {
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        List<Comment> comments = new ArrayList<>();
        int offset = 0;
        int line = 1;
        while (offset < text.length()) {
            int end = text.indexOf('\n', offset);
            int next = end < 0 ? text.length() : end + 1;
            String content = text.substring(offset, end < 0 ? text.length() : end);
            if (content.startsWith("#")) {
                comments.add(new Comment(line, stripCarriageReturn(content.substring(1))));
            } else if (!content.isBlank()) {
                break;
            }
            offset = next;
            line++;
        }
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        readRows(text.substring(offset), line - 1, rows, problems);
        return new NumberedCsv(comments, rows, problems);
    }

    private static void readRows(String body, int linesBefore, List<Row> rows, List<Problem> problems) {
        // Line (within body) where the row being read begins; an unclosed quote is only detected at the end
        // of the text, so the row's start is the useful place to point at.
        int rowStart = 1;
        try (JsonParser parser = MAPPER.getFactory().createParser(body)) {
            List<String> cells = new ArrayList<>();
            JsonLocation start = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    if (cells.isEmpty()) {
                        start = parser.currentTokenLocation();
                    }
                    cells.add(parser.getText());
                } else if (token == JsonToken.END_ARRAY && start != null) {
                    int line = linesBefore + start.getLineNr();
                    if (body.charAt((int) start.getCharOffset()) == '#') {
                        problems.add(new Problem(line, "comment lines (#) are allowed only before the header"));
                    } else {
                        rows.add(new Row(line, cells));
                    }
                    cells.clear();
                    start = null;
                    rowStart = parser.currentLocation().getLineNr();
                }
            }
        } catch (JsonProcessingException e) {
            int detectedAt = e.getLocation() == null ? rowStart : e.getLocation().getLineNr();
            String where = detectedAt > rowStart ? " (detected at line " + (linesBefore + detectedAt) + ")" : "";
            problems.add(new Problem(linesBefore + rowStart,
                    "CSV syntax error in the row starting here: " + e.getOriginalMessage() + where));
        } catch (IOException e) {
            throw new UncheckedIOException("reading CSV from a string", e);
        }
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** @return the comment lines before the first row, in order */
    public List<Comment> comments() {
        return comments;
    }

    /** @return the rows in order; the first is the header of a CSV file that has one */
    public List<Row> rows() {
        return rows;
    }

    /** @return syntax errors and misplaced comment lines, in order of line */
    public List<Problem> problems() {
        return problems;
    }
}
