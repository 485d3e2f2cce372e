package org.touchstone.reports.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.touchstone.runformat.RunDirectoryException;

/**
 * The block parser ({@link ScoreFile#parse}) against the line-by-line reader it replaced
 * ({@link LineByLineScoreReader}): the same subjects in the same order, the same comparisons with
 * bit-identical scores, and the same error at the same line, on inputs chosen to trip a hand-written
 * tokenizer and number parser, cut into blocks small enough that lines straddle block edges.
 */
class ScoreFileParserEquivalenceTest {
    /** Scores whose text is valid but unusual, and numbers near the edges of double rounding. */
    private static final List<String> SCORES = List.of("0", "-0", "+0.5", ".5", "5.", "-.25", "1e3", "1E+3", "1e-3",
            "2.5E-2", "0.1", "0.30000000000000004", "0.1000000000000000055511151231257827021181583404541015625",
            "9007199254740993", "1e-400", "4.9e-324", "2.4703282292062327e-324", "2.2250738585072011e-308",
            "1.7976931348623157e308", "123456789012345678901234567890.123456789", "00000.000001", "-1e-7",
            "0.62123456789012345678");
    /** Ids, ASCII and not, and separators \s splits on. */
    private static final List<String> IDS = List.of("a", "B", "s0001", "s0002", "é", "名前", "x-1_y.z", "#x", "ä\u00a0b");
    private static final List<String> SEPARATORS = List.of(" ", "\t", "  ", " \t ", "\u000b", "\f");

    @TempDir
    Path tmp;

    private static List<LineByLineScoreReader.Comparison> parsed(Path file, ScoreFile.Format format, int blockBytes,
                                                                  List<String> subjectsOut) throws IOException {
        List<LineByLineScoreReader.Comparison> comparisons = new ArrayList<>();
        // A store of one chunk in memory: longer inputs also go through the temporary file.
        try (ScoreFile.Parsed parsed = ScoreFile.parse(file, format, blockBytes,
                new ScoreRecords(16L * ScoreRecords.CHUNK))) {
            List<String> subjects = parsed.subjects();
            subjectsOut.addAll(subjects);
            parsed.records().replay((e, p, score) -> comparisons.add(new LineByLineScoreReader.Comparison(
                    subjects.get(e), subjects.get(p), !Double.isNaN(score),
                    Double.isNaN(score) ? 0 : Double.doubleToLongBits(score))));
        }
        return comparisons;
    }

    private void assertSameAsLineByLine(String content, ScoreFile.Format format) throws IOException {
        Path file = Files.write(tmp.resolve("scores." + format.label()), content.getBytes(StandardCharsets.UTF_8));
        List<LineByLineScoreReader.Comparison> expected = LineByLineScoreReader.read(file, format);
        LinkedHashSet<String> expectedSubjects = new LinkedHashSet<>();
        for (LineByLineScoreReader.Comparison comparison : expected) {
            expectedSubjects.add(comparison.enrolment());
            expectedSubjects.add(comparison.probe());
        }
        for (int blockBytes : new int[] {256, 4096, ScoreFileText.BLOCK_BYTES}) {
            List<String> subjects = new ArrayList<>();
            assertThat(parsed(file, format, blockBytes, subjects)).as("block size " + blockBytes).isEqualTo(expected);
            assertThat(subjects).as("block size " + blockBytes).containsExactlyElementsOf(expectedSubjects);
        }
    }

    private static String bobLine(Random random, int fields) {
        StringBuilder line = new StringBuilder();
        if (random.nextInt(8) == 0) {
            line.append(random.nextBoolean() ? " \t" : "\u2003");
        }
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                line.append(SEPARATORS.get(random.nextInt(SEPARATORS.size())));
            }
            line.append(f == fields - 1 ? SCORES.get(random.nextInt(SCORES.size())) : IDS.get(random.nextInt(IDS.size())));
        }
        if (random.nextInt(8) == 0) {
            line.append(random.nextBoolean() ? "  " : "\u001c");
        }
        return line.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void bobFilesGiveTheSameComparisonsAsTheLineByLineReader(int fields) throws IOException {
        Random random = new Random(fields);
        StringBuilder content = new StringBuilder();
        List<String> endings = List.of("\n", "\r\n", "\r");
        for (int i = 0; i < 5000; i++) {
            switch (random.nextInt(20)) {
                case 0 -> content.append("# a comment ").append(i);
                case 1 -> content.append(random.nextBoolean() ? "" : " \t ");
                default -> content.append(bobLine(random, fields));
            }
            content.append(endings.get(random.nextInt(endings.size())));
        }
        content.append(bobLine(random, fields)); // no final line end
        assertSameAsLineByLine(content.toString(), fields == 4 ? ScoreFile.Format.BOB4 : ScoreFile.Format.BOB5);
    }

    @Test
    void aTouchstoneCsvGivesTheSameComparisonsAsTheLineByLineReader() throws IOException {
        Random random = new Random(7);
        StringBuilder content = new StringBuilder("enrolment_template,enrolment_subject,probe_subject,score\r\n");
        for (int i = 0; i < 3000; i++) {
            String score = random.nextInt(10) == 0 ? "" : SCORES.get(random.nextInt(SCORES.size()));
            content.append("t").append(i).append(',').append(csv(IDS.get(random.nextInt(IDS.size())))).append(',')
                    .append(csv(IDS.get(random.nextInt(IDS.size())))).append(',').append(score).append("\r\n");
        }
        content.append("\"quoted\nline\",A,\"B,C\",0.5\n");
        assertSameAsLineByLine(content.toString(), ScoreFile.Format.TOUCHSTONE);
    }

    private static String csv(String id) {
        return id.startsWith("#") ? "\"" + id + "\"" : id;
    }

    @ParameterizedTest
    @ValueSource(strings = {"A A p NaN", "A A p Infinity", "A A p 0x1p3", "A A p 1d", "A A p 1e", "A A p .",
            "A A p --1", "A A p 1e99999", "A A p", "A A p 0.5 extra", "A A p 1,5", "A A p ٣"})
    void aBadLineFailsAtTheSameLineWithTheSameMessage(String bad) throws IOException {
        String content = "# header comment\nA A p 0.9\r\n\nA B p 0.1\n" + bad + "\nA C p 0.2\n";
        Path file = Files.write(tmp.resolve("bad.bob4"), content.getBytes(StandardCharsets.UTF_8));
        Throwable expected = catchThrowable(() -> LineByLineScoreReader.read(file, ScoreFile.Format.BOB4));
        Throwable actual = catchThrowable(() -> parsed(file, ScoreFile.Format.BOB4, 64, new ArrayList<>()));
        assertThat(expected).isInstanceOf(RunDirectoryException.class);
        assertThat(actual).isInstanceOf(RunDirectoryException.class).hasMessage(expected.getMessage());
        assertThat(((RunDirectoryException) actual).line()).isEqualTo(5);
    }

    @Test
    void everyScoreTextIsReadAsDoubleParseDoubleReadsIt() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            String text = switch (random.nextInt(4)) {
                case 0 -> Double.toString(Double.longBitsToDouble(random.nextLong()));
                case 1 -> Double.toString(random.nextGaussian());
                case 2 -> String.format(java.util.Locale.ROOT, "%.6f", random.nextGaussian());
                default -> random.nextInt(1000) + "." + Long.toString(Math.abs(random.nextLong())) + "e" + (random.nextInt(40) - 20);
            };
            byte[] bytes = ("  " + text + " ").getBytes(StandardCharsets.US_ASCII);
            double parsed = BobScoreParser.parseFiniteDecimal(bytes, 2, 2 + text.length());
            assertThat(Double.doubleToRawLongBits(parsed)).as(text)
                    .isEqualTo(Double.doubleToRawLongBits(CsvTable.parseFiniteDecimal(text)));
        }
    }
}
