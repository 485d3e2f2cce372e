package org.touchstone.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.runformat.RunDirectoryException;
import org.touchstone.reports.input.ScoreFile;
import org.touchstone.reports.verification.NamedThreshold;

/**
 * {@code touchstone analyze}'s engine: {@link TinyRun}'s comparisons written as score files must give the
 * same numbers as the run directory, by subject rather than template.
 */
class ScoreFileReportsTest {
    private static final List<Double> TARGETS = List.of(0.25, 0.1, 0.01, 1e-6);
    private static final List<NamedThreshold> THRESHOLDS = List.of(
            new NamedThreshold("default", 0.65, "vendor", "general use"), new NamedThreshold("strict", 0.85, "vendor", ""));
    private static final String GROUPS = "subject_id,sex\nA,female\nB,female\nC,male\nD,male\n";

    @TempDir
    Path tmp;

    /** TinyRun's comparisons by subject: E_x/P_y is subject x against subject y; empty score when failed. */
    private static String touchstoneCsv(boolean withFailures) {
        StringBuilder csv = new StringBuilder("enrolment_subject,probe_subject,enrolment_template,score\n");
        TinyRun.COMPARISONS_CSV.lines().skip(1).forEach(row -> {
            String[] cells = row.split(",", -1);
            if (withFailures || !cells[5].isEmpty()) {
                csv.append(cells[0].substring(2)).append(',').append(cells[1].substring(2)).append(',')
                        .append(cells[0]).append(',').append(cells[5]).append('\n');
            }
        });
        return csv.toString();
    }

    private JsonNode analyze(String name, String content, ScoreFile.Format format) throws IOException {
        Path scores = Files.writeString(tmp.resolve(name), content);
        Path groups = Files.writeString(tmp.resolve("subjects.csv"), GROUPS);
        Path out = tmp.resolve(name + "-report");
        ReportSummary summary = ScoreFileReports.generate(new ScoreFileReports.Request(scores, format, groups, TARGETS,
                THRESHOLDS, Double.NaN), out);
        // metrics.json, then the report card rendered from it.
        assertThat(summary.written().get(summary.written().size() - 2)).isEqualTo(out.resolve("metrics.json").toAbsolutePath());
        assertThat(summary.written().get(summary.written().size() - 1)).isEqualTo(out.resolve("report.html").toAbsolutePath());
        String card = Files.readString(out.resolve("report.html"));
        assertThat(card.indexOf("<section class=\"summary\"")).as("the summary comes first")
                .isGreaterThan(0).isLessThan(card.indexOf("<h2>Figures</h2>"));
        assertThat(card).contains("data-key=\"eer\"").contains(name + ", SHA-256 ");
        assertThat(out.resolve("figures/det.svg")).exists();
        assertThat(out.resolve("tables/operating-points.csv")).exists();
        return new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    }

    @Test
    void aTouchstoneScoreFileGivesTheRunDirectorysNumbers() throws IOException {
        Path runDir = TinyRun.write(tmp.resolve("run"));
        RunReports.generate(runDir);
        JsonNode run = new ObjectMapper().readTree(runDir.resolve("metrics.json").toFile());
        JsonNode scores = analyze("scores.csv", touchstoneCsv(true), ScoreFile.Format.TOUCHSTONE);
        for (String field : List.of("comparisons", "equal_error_rate", "d_prime", "fmr_operating_points",
                "named_thresholds")) {
            assertThat(scores.get(field)).as(field).isEqualTo(run.get(field));
        }
        // Sex is a subject attribute, so the groups and the cross-group matrix agree as well.
        assertThat(scores.get("groups").get(0).get("groups")).isEqualTo(withoutFte(run));
        assertThat(scores.get("cross_group_fmr").get(0)).isEqualTo(run.get("cross_group_fmr").get(0));
        assertThat(scores.get("failure_to_enrol")).isEmpty();
        assertThat(scores.get("system").get("name").asText()).isEqualTo("scores.csv");
    }

    private static JsonNode withoutFte(JsonNode run) {
        JsonNode groups = run.get("groups").get(0).get("groups").deepCopy();
        groups.forEach(group -> ((com.fasterxml.jackson.databind.node.ObjectNode) group).set("failure_to_enrol",
                new ObjectMapper().createArrayNode()));
        return groups;
    }

    @Test
    void bobFourAndFiveColumnFilesGiveTheSameNumbersAsTheCsv() throws IOException {
        StringBuilder bob4 = new StringBuilder("# claimed_id real_id test_label score\n\n");
        StringBuilder bob5 = new StringBuilder();
        touchstoneCsv(false).lines().skip(1).forEach(row -> {
            String[] cells = row.split(",");
            bob4.append(cells[0]).append(' ').append(cells[1]).append("  probe-").append(cells[1]).append('\t')
                    .append(cells[3]).append('\n');
            bob5.append(cells[0]).append(" model-").append(cells[0]).append(' ').append(cells[1]).append(" probe ")
                    .append(cells[3]).append('\n');
        });
        JsonNode csv = analyze("scored.csv", touchstoneCsv(false), ScoreFile.Format.TOUCHSTONE);
        JsonNode four = analyze("scores.bob4", bob4.toString(), ScoreFile.Format.BOB4);
        JsonNode five = analyze("scores.bob5", bob5.toString(), ScoreFile.Format.BOB5);
        for (String field : List.of("comparisons", "equal_error_rate", "fmr_operating_points", "named_thresholds",
                "groups", "differentials", "bootstrap")) {
            assertThat(four.get(field)).as(field).isEqualTo(csv.get(field));
            assertThat(five.get(field)).as(field).isEqualTo(csv.get(field));
        }
        // 3 genuine and 8 impostor scores: the failed pairs are gone.
        assertThat(four.get("comparisons").get("genuine_comparisons").asLong()).isEqualTo(3);
        assertThat(four.get("comparisons").get("impostor_comparisons").asLong()).isEqualTo(8);
    }

    @Test
    void badLinesNameTheFileAndLine() throws IOException {
        Path nan = Files.writeString(tmp.resolve("nan.bob4"), "A A p 0.9\nA B p NaN\n");
        assertThatThrownBy(() -> ScoreFileReports.generate(new ScoreFileReports.Request(nan, ScoreFile.Format.BOB4, null,
                TARGETS, List.of(), Double.NaN), tmp.resolve("out")))
                .isInstanceOf(RunDirectoryException.class)
                .hasMessageContaining("nan.bob4 line 2").hasMessageContaining("finite decimal number, found \"NaN\"");
        Path fields = Files.writeString(tmp.resolve("short.bob5"), "A m A p 0.9\nA m B 0.2\n");
        assertThatThrownBy(() -> ScoreFileReports.generate(new ScoreFileReports.Request(fields, ScoreFile.Format.BOB5,
                null, TARGETS, List.of(), Double.NaN), tmp.resolve("out")))
                .hasMessageContaining("short.bob5 line 2").hasMessageContaining("expected 5 fields");
        Path infinite = Files.writeString(tmp.resolve("inf.csv"), "enrolment_subject,probe_subject,score\nA,B,Infinity\n");
        assertThatThrownBy(() -> ScoreFileReports.generate(new ScoreFileReports.Request(infinite,
                ScoreFile.Format.TOUCHSTONE, null, TARGETS, List.of(), Double.NaN), tmp.resolve("out")))
                .hasMessageContaining("inf.csv line 2").hasMessageContaining("Infinity");
        assertThat(tmp.resolve("out")).doesNotExist();
        assertThatThrownBy(() -> ScoreFile.Format.of("bob6")).hasMessageContaining("bob4");
    }
}
