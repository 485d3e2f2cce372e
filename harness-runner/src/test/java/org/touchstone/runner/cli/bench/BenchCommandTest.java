package org.touchstone.runner.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.boundaries.RunFiles;
import org.touchstone.runner.engine.progress.Progress;
import picocli.CommandLine;

/**
 * {@code touchstone bench} end to end on a trivial verifier, with the shortest JMH settings: forked JVMs
 * measure what the system offers, the rest is skipped with the reason, and bench.json, bench.csv, the page
 * and the printed table agree.
 */
class BenchCommandTest {
    @Test
    void aTinyBenchMeasuresInForkedJvmsAndPrintsTheTableItsPageShows(@TempDir Path tmp) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        Path dir = tmp.resolve("bench");
        int code = cli.execute("bench", "--system", "test-subject-oracle", "--out", dir.toString(),
                "--data-dir", tmp.resolve("data").toString(), "--threads", "1", "--forks", "1",
                "--warmup-iterations", "1", "--warmup-time", "0.1", "--iterations", "2", "--iteration-time", "0.1",
                "--fork-heap", "256m", "--gallery-sizes", "1000");
        assertThat(code).as(out + "\n" + err).isZero();

        JsonNode bench = new ObjectMapper().readTree(dir.resolve("bench.json").toFile());
        assertThat(bench.path("format").asText()).isEqualTo("touchstone-bench/1");
        assertThat(bench.path("system").path("id").asText()).isEqualTo("test-subject-oracle");
        assertThat(bench.path("settings").path("forks").asInt()).isEqualTo(1);
        assertThat(bench.path("settings").path("fork_max_heap_bytes").asLong()).isEqualTo(256L << 20);
        assertThat(bench.path("results")).extracting(r -> r.path("operation").asText())
                .containsExactly("create_template", "comparison");
        for (JsonNode r : bench.path("results")) {
            assertThat(r.path("samples").asLong()).isEqualTo(2);
            assertThat(r.path("mean_ns").asDouble()).isPositive()
                    .isBetween(r.path("min_ns").asDouble(), r.path("max_ns").asDouble());
            assertThat(r.path("ops_per_second").asDouble()).isCloseTo(1e9 / r.path("mean_ns").asDouble(),
                    org.assertj.core.data.Percentage.withPercentage(1e-6));
        }
        assertThat(bench.path("skipped")).extracting(s -> s.path("operation").asText() + ": " + s.path("reason").asText())
                .containsExactly("search: system 'test-subject-oracle' offers no capability with this operation",
                        "analysis: system 'test-subject-oracle' offers no capability with this operation");
        assertThat(bench.path("failed")).isEmpty();
        assertThat(Files.readString(dir.resolve("jmh.log"))).contains("# Fork: 1 of 1");

        // The printed table shows each row of bench.csv with the very cells of the page.
        List<CSVRecord> rows = RunFiles.records(dir.resolve("bench.csv"));
        assertThat(rows).hasSize(2);
        String page = Files.readString(dir.resolve("bench.html"));
        for (CSVRecord row : rows) {
            List<String> shown = new ArrayList<>();
            Matcher cell = Pattern.compile("<span title=\"" + Pattern.quote(row.get("mean_ns")) + "\">([^<]+)</span>")
                    .matcher(page);
            assertThat(cell.find()).as("page shows mean_ns %s", row.get("mean_ns")).isTrue();
            shown.add(cell.group(1));
            String line = out.toString().lines().filter(l -> l.startsWith(row.get("operation") + " ")).findFirst()
                    .orElseThrow();
            assertThat(line.split("\\s+")).contains(shown.get(0));
        }
    }

    /**
     * A real face detector finds no face in some images (here: the oracle fails every image numbered -03, a
     * third of this dataset). bench times only the images the system makes a template from, says how many it
     * left out, and still measures; before, setup demanded every template and nothing was measured.
     */
    @Test
    void imagesTheSystemMakesNoTemplateFromAreLeftOutOfTheTimedCallsAndCounted(@TempDir Path tmp) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        Path dir = tmp.resolve("bench");
        String dataset = "synthetic:subjects=10,images=3,seed=11";
        int code = cli.execute("bench", "--system", "test-subject-oracle", "--out", dir.toString(),
                "--dataset", dataset, "--data-dir", tmp.resolve("data").toString(), "--threads", "1",
                "--forks", "0", "--warmup-iterations", "0", "--iterations", "1", "--iteration-time", "0.1",
                "--operations", "create_template,comparison");
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("20 of 30 images make a template; the timed calls use only those"
                + " (first failure: ");
        JsonNode bench = new ObjectMapper().readTree(dir.resolve("bench.json").toFile());
        assertThat(bench.path("settings").path("dataset").asText()).isEqualTo(dataset);
        assertThat(bench.path("results")).extracting(r -> r.path("operation").asText())
                .containsExactly("create_template", "comparison");
        assertThat(bench.path("failed")).isEmpty();
    }
}
