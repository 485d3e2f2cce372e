package org.touchstone.runner.engine.timing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.runner.boundaries.RunFiles;
import org.touchstone.runner.boundaries.TestRuns;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.systems.SystemRegistry;
import org.touchstone.runner.testsystems.IdentificationOracleProvider;
import org.touchstone.runner.testsystems.SubjectOracleProvider;

/**
 * Every run measures its SPI calls: timing.csv agrees with the raw files call for call (the counts, the
 * failures, the largest latency and the sum of the latencies are those of the rows), run.json records the
 * resources, and the report carries both into metrics.json, the tables and the report card.
 */
class RunTimingTest {
    @TempDir
    static Path data;
    static DatasetManifest manifest;

    @BeforeAll
    static void dataset() throws Exception {
        manifest = TestRuns.dataset("synthetic:subjects=40,images=3,seed=3", data.resolve("dataset"));
    }

    private static Path run(String protocol, FaceSystemProvider system, Path runDir) throws Exception {
        new ProtocolRunner(Progress.silent()).run(new RunRequest("timing-test", ProtocolRepository.builtIn()
                .resolve(protocol), manifest, "synthetic", system, Optional.empty(), runDir, 2));
        return runDir;
    }

    /** timing.csv's rows by record and name, e.g. {@code latency/comparison}. */
    private static Map<String, CSVRecord> timing(Path runDir) throws Exception {
        return RunFiles.records(runDir.resolve(CallTimings.FILE)).stream()
                .collect(Collectors.toMap(r -> r.get("record") + "/" + r.get("name"), Function.identity()));
    }

    /**
     * Checks one operation's row against the raw file's rows that record a call of it.
     *
     * @param row    the operation's timing.csv row
     * @param calls  the raw rows with a latency
     * @param failed how many of them failed
     */
    private static void assertMatches(CSVRecord row, List<CSVRecord> calls, long failed) {
        List<Long> latencies = calls.stream().map(r -> Long.parseLong(r.get("latency_ns"))).sorted().toList();
        assertThat(Long.parseLong(row.get("count"))).isEqualTo(latencies.size());
        assertThat(Long.parseLong(row.get("failures"))).isEqualTo(failed);
        long p50 = Long.parseLong(row.get("p50"));
        long p90 = Long.parseLong(row.get("p90"));
        long p99 = Long.parseLong(row.get("p99"));
        long max = Long.parseLong(row.get("max"));
        assertThat(max).isEqualTo(latencies.get(latencies.size() - 1));
        assertThat(p50).isLessThanOrEqualTo(p90);
        assertThat(p90).isLessThanOrEqualTo(p99);
        assertThat(p99).isLessThanOrEqualTo(max);
        // Three significant digits: within 0.1% (plus a nanosecond) of the exact median.
        long median = latencies.get((latencies.size() + 1) / 2 - 1);
        assertThat((double) p50).isCloseTo(median, org.assertj.core.data.Offset.offset(median * 1e-3 + 1));
        double sum = latencies.stream().mapToLong(Long::longValue).sum();
        assertThat(Double.parseDouble(row.get("mean")) * latencies.size()).isCloseTo(sum,
                org.assertj.core.data.Offset.offset(sum * 1e-12 + 1));
    }

    private static List<CSVRecord> withLatency(Path file) throws Exception {
        return RunFiles.records(file).stream().filter(r -> !r.get("latency_ns").isEmpty()).toList();
    }

    @Test
    void verificationTimesEveryTemplateAndComparisonItWrites(@TempDir Path tmp) throws Exception {
        // The oracle refuses every third image: 40 of 120 templates fail, in both roles.
        Path runDir = run("verification@1.0.0", new SubjectOracleProvider(), tmp.resolve("run"));
        Map<String, CSVRecord> timing = timing(runDir);
        assertThat(timing.keySet()).containsExactlyInAnyOrder("latency/create_template", "latency/compare_many",
                "latency/comparison", "size/template", "stage/templates", "stage/comparisons");

        List<CSVRecord> templates = RunFiles.records(runDir.resolve("templates.csv"));
        assertThat(templates).hasSize(240);
        assertMatches(timing.get("latency/create_template"), templates,
                templates.stream().filter(r -> r.get("status").equals("failed")).count());

        List<CSVRecord> compared = withLatency(org.touchstone.runner.boundaries.RunFiles.comparisonsCsv(runDir));
        assertThat(compared).isNotEmpty();
        assertMatches(timing.get("latency/comparison"), compared,
                compared.stream().filter(r -> r.get("status").equals("comparison_failed")).count());
        // One batched call per probe and block of 64 enrolments: fewer calls than comparisons, at least one
        // per probe compared.
        long probes = compared.stream().map(r -> r.get("probe_template")).distinct().count();
        assertThat(Long.parseLong(timing.get("latency/compare_many").get("count")))
                .isBetween(probes, (long) compared.size() - 1);

        CSVRecord sizes = timing.get("size/template");
        List<Long> sizeBytes = templates.stream().filter(r -> r.get("status").equals("ok"))
                .map(r -> Long.parseLong(r.get("size_bytes"))).toList();
        assertThat(Long.parseLong(sizes.get("count"))).isEqualTo(sizeBytes.size());
        assertThat(Long.parseLong(sizes.get("max"))).isEqualTo(sizeBytes.stream().mapToLong(Long::longValue).max()
                .orElseThrow());

        CSVRecord comparisons = timing.get("stage/comparisons");
        assertThat(comparisons.get("count")).isEqualTo(Integer.toString(compared.size()));
        assertThat(Double.parseDouble(comparisons.get("per_second"))).isCloseTo(
                compared.size() / Double.parseDouble(comparisons.get("seconds")),
                org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertThat(timing.get("stage/templates").get("count")).isEqualTo("240");

        JsonNode run = new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
        JsonNode resources = run.path("resources");
        assertThat(resources.path("worker_threads").asInt()).isEqualTo(2);
        assertThat(resources.path("jvm_peak_threads").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(resources.path("jvm_peak_heap_bytes").asLong()).isPositive()
                .isLessThanOrEqualTo(resources.path("jvm_max_heap_bytes").asLong() * 2);
        assertThat(resources.path("child_processes").path("count").asInt()).isZero();
        // CPU while the stages ran; of it the JIT compilers' (read a moment before the process's, hence the slack).
        assertThat(resources.path("jvm_cpu_seconds").asDouble()).isPositive();
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            assertThat(resources.path("jvm_jit_cpu_seconds").asDouble()).isPositive()
                    .isLessThanOrEqualTo(resources.path("jvm_cpu_seconds").asDouble() + 0.01);
        }
        assertThat(run.path("files").has(CallTimings.FILE)).isTrue();

        // The report carries it: metrics.json's timing block, the tables, the report card.
        JsonNode metrics = new ObjectMapper().readTree(runDir.resolve("metrics.json").toFile()).path("timing");
        JsonNode comparison = metrics.path("latencies").get(2);
        assertThat(comparison.path("operation").asText()).isEqualTo("comparison");
        assertThat(comparison.path("count").asLong()).isEqualTo(compared.size());
        assertThat(comparison.path("p99").asText()).isEqualTo(timing.get("latency/comparison").get("p99"));
        assertThat(metrics.path("template_size").path("max").asLong()).isEqualTo(sizeBytes.get(0));
        assertThat(metrics.path("resources")).isEqualTo(resources);
        assertThat(RunFiles.records(runDir.resolve("tables/timing.csv"))).hasSize(timing.size());
        String card = Files.readString(runDir.resolve("report.html"));
        assertThat(card).contains("<h3>Timing <span class=\"files\">(<a href=\"tables/timing.csv\">tables/timing.csv</a>)</span></h3>")
                .contains("<td data-label=\"Name\">compare_many</td>")
                .contains("<td data-label=\"Resource\">jvm_peak_threads</td>");
    }

    @Test
    void identificationTimesEveryGalleryAndSearch(@TempDir Path tmp) throws Exception {
        // The oracle fails or answers out of contract for some probes, and throws for a whole block.
        Path runDir = run("identification@1.0.0", new IdentificationOracleProvider(), tmp.resolve("run"));
        Map<String, CSVRecord> timing = timing(runDir);
        List<CSVRecord> galleries = RunFiles.records(runDir.resolve("galleries.csv"));
        assertMatches(timing.get("latency/finalize_enrolment"), galleries, 0);
        List<CSVRecord> searches = withLatency(runDir.resolve("searches.csv"));
        long failed = searches.stream().filter(r -> !r.get("status").equals("ok")).count();
        assertThat(failed).isPositive();
        assertMatches(timing.get("latency/search"), searches, failed);
        assertThat(timing.get("stage/searches").get("count")).isEqualTo(Integer.toString(searches.size()));
        assertThat(timing.get("stage/galleries").get("count")).isEqualTo(Integer.toString(galleries.size()));
        assertThat(timing).containsKey("latency/search_many").doesNotContainKey("latency/comparison");
    }

    @Test
    void analysisTimesEveryImage(@TempDir Path tmp) throws Exception {
        Path runDir = run("attributes@1.0.0", new SystemRegistry(getClass().getClassLoader())
                .require("synthetic-attributes"), tmp.resolve("run"));
        Map<String, CSVRecord> timing = timing(runDir);
        assertThat(timing.keySet()).containsExactlyInAnyOrder("latency/analyze", "stage/analyses");
        List<CSVRecord> analyses = RunFiles.records(runDir.resolve("analyses.csv"));
        assertThat(analyses).hasSize(120);
        assertMatches(timing.get("latency/analyze"), analyses,
                analyses.stream().filter(r -> r.get("status").equals("failed")).count());
        assertThat(timing.get("stage/analyses").get("unit")).isEqualTo("images");
    }
}
