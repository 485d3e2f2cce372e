package org.touchstone.protocols.importers.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import org.touchstone.protocols.importers.ImportException;

/**
 * Streams a dataset's own text file (the whitespace- or comma-separated lists datasets ship) one line at a
 * time, split into tokens, with the physical line number for error messages. Lines are never collected,
 * so a file of fifteen million pairs costs one line of memory.
 *
 * <p>Unlike {@link TextLines}, which holds a whole file, this streams: IJB-C's pair list has 15.6 million
 * lines. Written by hand rather than with a CSV library because these files are not CSV: fields are separated
 * by runs of spaces or tabs (CelebA pads columns with several spaces), and the hot path (IJB-C's pair list)
 * must not allocate a record object per line beyond its tokens. UTF-8 is decoded strictly (a malformed byte
 * is refused with its line) and a byte order mark at the start is skipped, as some copies of CelebA have one.
 */
public final class TokenLines {
    /** How fields are separated. */
    public enum Separator {
        /** One or more spaces or tabs; leading and trailing ones are ignored. */
        WHITESPACE,
        /** A comma; cells are trimmed of surrounding spaces. */
        COMMA
    }

    /** Receives one non-blank line. */
    @FunctionalInterface
    public interface LineHandler {
        /**
         * @param line   the physical line number, 1-based
         * @param tokens the fields of the line (a reused list: copy what you keep)
         * @throws ImportException to refuse the line
         * @throws IOException     to stop reading
         */
        void accept(int line, List<String> tokens) throws ImportException, IOException;
    }

    private TokenLines() {
    }

    /**
     * Reads every non-blank line of a file.
     *
     * @param file      the file
     * @param separator how its fields are separated
     * @param handler   receives each non-blank line in order
     * @throws ImportException if the file is missing or is not UTF-8 text, or from the handler
     * @throws IOException     from the handler or the file system
     */
    public static void read(Path file, Separator separator, LineHandler handler) throws ImportException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new ImportException(file, 0, "file not found; the dataset's copy must contain it");
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int number = 0;
        List<String> tokens = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder),
                1 << 16)) {
            String text;
            while (true) {
                try {
                    text = reader.readLine();
                } catch (CharacterCodingException e) {
                    throw new ImportException(file, number + 1, "not UTF-8 text");
                }
                if (text == null) {
                    break;
                }
                number++;
                if (number == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
                tokens.clear();
                split(text, separator, tokens);
                if (!tokens.isEmpty()) {
                    handler.accept(number, tokens);
                }
            }
        } catch (NoSuchFileException e) {
            throw new ImportException(file, 0, "file not found; the dataset's copy must contain it");
        }
    }

    /**
     * Splits one line into fields.
     *
     * @param text      the line, without its line end
     * @param separator how fields are separated
     * @param into      receives the fields; nothing for a blank line
     */
    public static void split(String text, Separator separator, List<String> into) {
        if (separator == Separator.COMMA) {
            if (text.isBlank()) {
                return;
            }
            int start = 0;
            while (true) {
                int comma = text.indexOf(',', start);
                into.add((comma < 0 ? text.substring(start) : text.substring(start, comma)).strip());
                if (comma < 0) {
                    return;
                }
                start = comma + 1;
            }
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && isBlank(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isBlank(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                into.add(text.substring(start, i));
            }
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000b';
    }

    /**
     * Parses a whole number field.
     *
     * @param file  the file, for the message
     * @param line  the line, for the message
     * @param field what the field is, e.g. {@code "template id (field 2)"}
     * @param text  the field
     * @return its value
     * @throws ImportException if it is not a whole number in int range
     */
    public static int integer(Path file, int line, String field, String text) throws ImportException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ImportException(file, line, field + ": expected a whole number, found '" + text + "'");
        }
    }

    /**
     * Checks the number of fields on a line.
     *
     * @param file     the file, for the message
     * @param line     the line, for the message
     * @param tokens   the fields
     * @param expected how many there must be
     * @param layout   the line's layout, for the message, e.g. {@code "image_name template_id media_id"}
     * @throws ImportException if the count differs
     */
    public static void expectFields(Path file, int line, List<String> tokens, int expected, String layout)
            throws ImportException {
        if (tokens.size() != expected) {
            throw new ImportException(file, line, "expected " + expected + " fields (" + layout + "), found "
                    + tokens.size() + ": '" + String.join(" ", tokens) + "'");
        }
    }
}
