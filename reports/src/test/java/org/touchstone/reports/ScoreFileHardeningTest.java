package org.touchstone.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.touchstone.reports.input.ScoreFile;
import org.touchstone.runformat.RunDirectoryException;

/**
 * Score files a careless user or an attacker might hand to {@code analyze}: each is refused with an error
 * naming the file (and the line where there is one), and no report is left behind; a byte order mark is
 * simply skipped.
 */
class ScoreFileHardeningTest {
    private static final List<Double> TARGETS = List.of(0.1, 0.01);
    /** Three genuine and three impostor comparisons between subjects A and B. */
    private static final String BOB4 = "A A a1 0.9\nB B b1 0.8\nA A a2 0.7\nA B b2 0.3\nB A a3 0.2\nA B b3 0.1\n";
    private static final String CSV = "enrolment_subject,probe_subject,score\nA,A,0.9\nB,B,0.8\nA,A,0.7\n"
            + "A,B,0.3\nB,A,0.2\nA,B,0.1\n";

    @TempDir
    Path tmp;

    private ReportSummary analyze(Path scores, ScoreFile.Format format, Path out) throws IOException {
        return ScoreFileReports.generate(new ScoreFileReports.Request(scores, format, null, TARGETS, List.of(),
                Double.NaN), out);
    }

    /** Whether no thread hashing a score file is left within a few seconds. */
    private static boolean hashingStops() throws InterruptedException {
        for (int wait = 0; wait < 100; wait++) {
            if (Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("score-file-sha256"))) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The same six comparisons in a format (Bob 5 has a model label after the claimed id). */
    private static String csvOrBob(ScoreFile.Format format) {
        return switch (format) {
            case TOUCHSTONE -> CSV;
            case BOB4 -> BOB4;
            case BOB5 -> BOB4.replaceAll("(?m)^(\\S+) ", "$1 m ");
        };
    }

    @Test
    void aScoreFileWithOnlyAHeaderIsAnError() throws IOException {
        Path scores = Files.writeString(tmp.resolve("header-only.csv"), "enrolment_subject,probe_subject,score\n");
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> analyze(scores, ScoreFile.Format.TOUCHSTONE, out))
                .isInstanceOf(RunDirectoryException.class)
                .hasMessageContaining("header-only.csv")
                .hasMessageContaining("no comparisons: expected at least one row after the header");
        assertThat(out).doesNotExist();
        // A Bob file of comments and blank lines is the same mistake.
        Path comments = Files.writeString(tmp.resolve("comments.bob4"), "# scores\n\n");
        assertThatThrownBy(() -> analyze(comments, ScoreFile.Format.BOB4, out))
                .isInstanceOf(RunDirectoryException.class)
                .hasMessageContaining("comments.bob4").hasMessageContaining("no comparisons");
    }

    @ParameterizedTest
    @EnumSource(ScoreFile.Format.class)
    void anUnboundedLineStopsWithANamedError(ScoreFile.Format format) throws IOException, InterruptedException {
        // /dev/zero where there is one: an endless line of NUL bytes; otherwise (and as well) 5 MB without a line end.
        Path zero = Path.of("/dev/zero");
        if (Files.isReadable(zero)) {
            assertThatThrownBy(() -> analyze(zero, format, tmp.resolve("zero-out")))
                    .isInstanceOf(RunDirectoryException.class)
                    .hasMessageContaining("/dev/zero line 1").hasMessageContaining("line longer than 65536");
            // The score file is hashed beside the analysis: a failed analysis stops that reading too, which on
            // /dev/zero would otherwise never end.
            assertThat(hashingStops()).as("the score file's hashing thread ends with the failed analysis").isTrue();
        }
        Path endless = tmp.resolve("endless." + format.label());
        try (OutputStream out = Files.newOutputStream(endless)) {
            out.write(csvOrBob(format).getBytes(StandardCharsets.UTF_8));
            byte[] letters = new byte[1 << 20];
            Arrays.fill(letters, (byte) 'x');
            for (int i = 0; i < 5; i++) {
                out.write(letters);
            }
        }
        assertThatThrownBy(() -> analyze(endless, format, tmp.resolve("out")))
                .isInstanceOf(RunDirectoryException.class)
                .hasMessageContaining("endless." + format.label() + " line " + (format == ScoreFile.Format.TOUCHSTONE ? 8 : 7))
                .hasMessageContaining("line longer than 65536");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(ScoreFile.Format.class)
    void utf16IsRefusedAsNotUtf8NamingTheFile(ScoreFile.Format format) throws IOException {
        String text = csvOrBob(format);
        byte[] littleEndianWithMark = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
        byte[] bigEndianWithMark = text.getBytes(StandardCharsets.UTF_16); // Java writes FE FF first
        byte[] withoutMark = text.getBytes(StandardCharsets.UTF_16LE);
        for (byte[] bytes : List.of(littleEndianWithMark, bigEndianWithMark, withoutMark)) {
            Path scores = Files.write(tmp.resolve("utf16." + format.label()), bytes);
            assertThatThrownBy(() -> analyze(scores, format, tmp.resolve("out")))
                    .isInstanceOf(RunDirectoryException.class)
                    .hasMessageContaining("utf16." + format.label())
                    .hasMessageContaining("not UTF-8 text");
            assertThat(tmp.resolve("out")).doesNotExist();
        }
    }

    @Test
    void invalidUtf8InsideTheFileNamesItsLine() throws IOException {
        byte[] bytes = concat(BOB4.getBytes(StandardCharsets.UTF_8), new byte[] {'C', (byte) 0xE9, ' ', 'C', ' ', 'c', ' ',
                '0', '.', '5', '\n'});
        Path scores = Files.write(tmp.resolve("latin1.bob4"), bytes);
        assertThatThrownBy(() -> analyze(scores, ScoreFile.Format.BOB4, tmp.resolve("out")))
                .isInstanceOf(RunDirectoryException.class)
                .hasMessageContaining("latin1.bob4 line 7").hasMessageContaining("not UTF-8 text");
        Path csv = Files.write(tmp.resolve("latin1.csv"), concat(CSV.getBytes(StandardCharsets.UTF_8),
                new byte[] {'C', (byte) 0xE9, ',', 'C', ',', '0', '.', '5', '\n'}));
        assertThatThrownBy(() -> analyze(csv, ScoreFile.Format.TOUCHSTONE, tmp.resolve("out")))
                .isInstanceOf(RunDirectoryException.class)
                .hasMessageContaining("latin1.csv").hasMessageContaining("not UTF-8 text");
    }

    @ParameterizedTest
    @EnumSource(ScoreFile.Format.class)
    void aUtf8ByteOrderMarkIsSkippedNotReadIntoTheFirstColumn(ScoreFile.Format format) throws IOException {
        String text = csvOrBob(format);
        Path plain = Files.writeString(tmp.resolve("plain." + format.label()), text);
        Path marked = Files.write(tmp.resolve("marked." + format.label()),
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8)));
        analyze(plain, format, tmp.resolve("plain"));
        analyze(marked, format, tmp.resolve("marked"));
        JsonNode expected = new ObjectMapper().readTree(tmp.resolve("plain/metrics.json").toFile());
        JsonNode actual = new ObjectMapper().readTree(tmp.resolve("marked/metrics.json").toFile());
        // Subject A (first on the first line) is one subject, not "\uFEFFA" and "A": 3 genuine, 3 impostor, 2 subjects.
        assertThat(actual.get("comparisons")).isEqualTo(expected.get("comparisons"));
        assertThat(actual.get("comparisons").get("genuine_comparisons").asLong()).isEqualTo(3);
        assertThat(actual.get("comparisons").get("impostor_comparisons").asLong()).isEqualTo(3);
        assertThat(actual.get("bootstrap").get("subjects").asInt()).isEqualTo(2);
        assertThat(actual.get("fmr_operating_points")).isEqualTo(expected.get("fmr_operating_points"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
