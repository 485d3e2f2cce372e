package org.touchstone.reports.input;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses one block of a Bob score file (whole lines, see {@link ScoreFileText}) on its own, so that blocks
 * can be parsed in parallel: subject ids are numbered within the block ({@link IdDictionary}) and mapped to
 * the file's numbers when the blocks are joined in order. Hand-written on bytes rather than
 * {@code String.split("\\s+")} a line (the regular expression and two strings a line were a third of
 * {@code analyze}'s time); it reads exactly what the line-by-line reader read:
 * <ul>
 *   <li>a line is stripped of {@link Character#isWhitespace whitespace} at both ends, then skipped when
 *       empty or starting with {@code #};</li>
 *   <li>fields are separated by runs of {@code [ \t\n\x0B\f\r]} (the regular expression {@code \s});</li>
 *   <li>the score is a finite decimal number as {@link CsvTable#parseFiniteDecimal} accepts it, converted by
 *       FastDoubleParser, which rounds exactly as {@link Double#parseDouble} does.</li>
 * </ul>
 * A line with a non-ASCII byte takes the same rules on its decoded text (after checking it is UTF-8).
 */
final class BobScoreParser {
    private final int fields;
    private final int probeField;

    /**
     * What one block held.
     *
     * @param names      the block's subject ids, by block-local number
     * @param enrolment  per comparison, the block-local number of its enrolment subject
     * @param probe      per comparison, that of its probe subject
     * @param score      per comparison, its score
     * @param count      comparisons in the block
     * @param lines      lines the block holds (the line numbers of later blocks follow on)
     * @param errorLine  block-relative 1-based line of the first bad line, or 0
     * @param errorField the 1-based field it concerns, or 0
     * @param errorName  the name of that field, or null
     * @param error      what is wrong with it, or null
     */
    record Block(String[] names, int[] enrolment, int[] probe, double[] score, int count, int lines,
                 int errorLine, int errorField, String errorName, String error) {
    }

    /**
     * @param fields     4 or 5
     * @param probeField 0-based field of the probe (real) subject id
     */
    BobScoreParser(int fields, int probeField) {
        this.fields = fields;
        this.probeField = probeField;
    }

    /**
     * Parses a block, stopping at its first bad line.
     *
     * @param bytes  the block
     * @param length its length
     * @return the comparisons, or the first error
     */
    Block parse(byte[] bytes, int length) {
        IdDictionary ids = new IdDictionary();
        int capacity = Math.max(16, length / 24);
        int[] enrolment = new int[capacity];
        int[] probe = new int[capacity];
        double[] score = new double[capacity];
        int count = 0;
        int lines = 0;
        int[] starts = new int[fields + 1];
        int[] ends = new int[fields + 1];
        CharsetDecoder decoder = null;
        int p = 0;
        while (p < length) {
            lines++;
            int lineStart = p;
            int e = p;
            boolean ascii = true;
            boolean nul = false;
            while (e < length) {
                byte b = bytes[e];
                if (b == '\n' || b == '\r') {
                    break;
                }
                if (b < 0) {
                    ascii = false;
                } else if (b == 0) {
                    nul = true;
                }
                e++;
            }
            p = e < length ? (bytes[e] == '\r' && e + 1 < length && bytes[e + 1] == '\n' ? e + 2 : e + 1) : e;
            if (e - lineStart > ScoreFileText.MAX_LINE_BYTES) {
                return failure(lines, 0, null, "line longer than " + ScoreFileText.MAX_LINE_BYTES + " bytes: expected"
                        + " one comparison a line (is this a score file?)");
            }
            if (nul) {
                return failure(lines, 0, null, "NUL byte: not UTF-8 text (UTF-16 or binary?); save the score file"
                        + " as UTF-8");
            }
            int found;
            byte[] source = bytes;
            if (ascii) {
                int s = lineStart;
                while (s < e && isStripped(bytes[s])) {
                    s++;
                }
                while (e > s && isStripped(bytes[e - 1])) {
                    e--;
                }
                if (s == e || bytes[s] == '#') {
                    continue;
                }
                found = split(bytes, s, e, starts, ends);
            } else {
                if (decoder == null) {
                    decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT);
                }
                String line;
                try {
                    line = decoder.decode(ByteBuffer.wrap(bytes, lineStart, e - lineStart)).toString();
                } catch (CharacterCodingException invalid) {
                    return failure(lines, 0, null, "not UTF-8 text (invalid byte sequence); save the score file as"
                            + " UTF-8");
                }
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                source = trimmed.getBytes(StandardCharsets.UTF_8);
                found = split(source, 0, source.length, starts, ends);
            }
            if (found != fields) {
                return failure(lines, 0, null, "expected " + fields + " fields (" + (fields == 4
                        ? "claimed_id real_id test_label score" : "claimed_id model_label real_id test_label score")
                        + "), found " + found);
            }
            double value = parseFiniteDecimal(source, starts[fields - 1], ends[fields - 1]);
            if (Double.isNaN(value)) {
                return failure(lines, fields, "score", "expected a finite decimal number, found \""
                        + new String(source, starts[fields - 1], ends[fields - 1] - starts[fields - 1],
                        StandardCharsets.UTF_8) + "\"");
            }
            if (count == enrolment.length) {
                enrolment = Arrays.copyOf(enrolment, count * 2);
                probe = Arrays.copyOf(probe, count * 2);
                score = Arrays.copyOf(score, count * 2);
            }
            enrolment[count] = ids.indexOf(source, starts[0], ends[0] - starts[0]);
            probe[count] = ids.indexOf(source, starts[probeField], ends[probeField] - starts[probeField]);
            score[count++] = value;
        }
        return new Block(ids.names(), enrolment, probe, score, count, lines, 0, 0, null, null);
    }

    private Block failure(int line, int field, String name, String problem) {
        return new Block(new String[0], new int[0], new int[0], new double[0], 0, line, line, field, name, problem);
    }

    /** What {@link String#strip()} removes, in ASCII: {@link Character#isWhitespace(char)}. */
    private static boolean isStripped(byte b) {
        return b == ' ' || b >= 0x09 && b <= 0x0D || b >= 0x1C && b <= 0x1F;
    }

    /** The separators of {@code \s}: space, tab, LF, VT, FF, CR. */
    private static boolean isSeparator(byte b) {
        return b == ' ' || b >= 0x09 && b <= 0x0D;
    }

    /**
     * Splits a stripped line into fields (it neither starts nor ends with a separator), recording the first
     * {@code starts.length} of them.
     *
     * @return the number of fields
     */
    private static int split(byte[] bytes, int start, int end, int[] starts, int[] ends) {
        int found = 0;
        int i = start;
        while (i < end) {
            int fieldStart = i;
            while (i < end && !isSeparator(bytes[i])) {
                i++;
            }
            if (found < starts.length) {
                starts[found] = fieldStart;
                ends[found] = i;
            }
            found++;
            while (i < end && isSeparator(bytes[i])) {
                i++;
            }
        }
        return found;
    }

    /**
     * {@link CsvTable#parseFiniteDecimal(String)} on bytes.
     *
     * @return the finite number, or NaN when the text is anything else
     */
    static double parseFiniteDecimal(byte[] bytes, int start, int end) {
        if (start == end) {
            return Double.NaN;
        }
        for (int i = start; i < end; i++) {
            byte c = bytes[i];
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return Double.NaN;
            }
        }
        try {
            double value = JavaDoubleParser.parseDouble(bytes, start, end - start);
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
