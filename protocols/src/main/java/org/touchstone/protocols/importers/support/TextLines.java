package org.touchstone.protocols.importers.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.touchstone.protocols.importers.ImportException;

/**
 * A protocol text file as numbered, non-blank lines: a UTF-8 byte order mark and {@code \r} line ends are
 * accepted (copies edited on Windows), and fields are split on any run of whitespace, since the official
 * files' TABs are often turned into spaces by copies. Written by hand because these files are not CSV.
 *
 * @param file  the file read
 * @param lines its non-blank lines, in order
 */
public record TextLines(Path file, List<Line> lines) {
    /**
     * One non-blank line.
     *
     * @param number its 1-based physical line number
     * @param text   its text, without the line end, trimmed
     */
    public record Line(int number, String text) {
        /** @return the fields, split on whitespace */
        public String[] fields() {
            return text.split("\\s+");
        }
    }

    /** Copies the lines. */
    public TextLines {
        lines = List.copyOf(lines);
    }

    /**
     * @param file a text file
     * @return its non-blank lines
     * @throws ImportException if the file does not exist
     * @throws IOException     if it cannot be read
     */
    public static TextLines read(Path file) throws ImportException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new ImportException(file, 0, "file not found");
        }
        // The protocol files are ASCII; a stray byte becomes U+FFFD, and the name holding it then fails where
        // it is looked up, with its line, rather than here without one.
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String t = raw[i].strip();
            if (!t.isEmpty()) {
                lines.add(new Line(i + 1, t));
            }
        }
        return new TextLines(file, lines);
    }

    /**
     * @param line    a line of this file
     * @param message what is wrong and what was expected
     * @return an exception naming the file and line
     */
    public ImportException problem(Line line, String message) {
        return new ImportException(file, line.number(), message + "; the line reads '" + line.text() + "'");
    }

    /**
     * @param field  a field of a line of this file
     * @param line   the line
     * @param what   what the field is, for the message
     * @return the field as a whole number >= 0
     * @throws ImportException if it is not one
     */
    public int number(String field, Line line, String what) throws ImportException {
        if (!field.matches("[0-9]{1,9}")) {
            throw problem(line, "expected " + what + " (a whole number), found '" + field + "'");
        }
        return Integer.parseInt(field);
    }
}
