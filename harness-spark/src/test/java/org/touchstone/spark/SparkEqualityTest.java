package org.touchstone.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.runner.engine.backend.Backends;
import org.touchstone.runner.boundaries.RunFiles;
import org.touchstone.runner.boundaries.TestRuns;
import org.touchstone.runner.engine.prepare.DatasetResolver;
import org.touchstone.runner.engine.prepare.ExecutionSettings;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.RunOutcome;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.systems.SystemRegistry;

/**
 * The same protocol, system and data on the embedded thread pool and on Spark {@code local[2]}: the work
 * units' merged summaries must be equal, {@code metrics.json} byte for byte but for its timing block, every
 * raw file row for row but for latencies, and timing.csv must count the same calls. The comparison plan is
 * cut into units of 256 pairs (surefire sets {@code touchstone.pairs-per-unit}), so Spark merges many units
 * within partitions and across them.
 *
 * <p>The data: 40 subjects x 3 images, one template per image: 120 templates, 7,140 pairs.
 */
class SparkEqualityTest {
    /** The Spark master the tests run on: {@code local[2]} here, a standalone cluster in a subclass. */
    String master() {
        return "local[2]";
    }

    static final String DATASET_NAME = "synthetic:subjects=40,images=3,seed=5";
    private static final String DATASET = DATASET_NAME;

    @TempDir
    static Path data;
    static DatasetManifest manifest;

    @BeforeAll
    static void dataset() throws Exception {
        manifest = TestRuns.dataset(DATASET, data.resolve("d"));
    }

    RunOutcome run(String protocol, String system, String backend, int shardSize, Path runDir)
            throws Exception {
        return run(manifest, DATASET, protocol, system, backend, shardSize, runDir);
    }

    RunOutcome run(DatasetManifest dataset, String datasetName, String protocol, String system,
                                  String backend, int shardSize, Path runDir) throws Exception {
        ExecutionSettings execution = new ExecutionSettings(backend,
                backend.equals(SparkBackend.NAME) ? Map.of("master", master()) : Map.of(),
                Optional.of(new ExecutionSettings.SystemName(system, Optional.empty(), Map.of())), shardSize);
        return new ProtocolRunner(Progress.silent()).run(new RunRequest("equality", ProtocolRepository.builtIn()
                .resolve(protocol), dataset, datasetName, new SystemRegistry(SparkEqualityTest.class.getClassLoader())
                .require(system), Optional.empty(), runDir, 2, execution));
    }

    void assertSameRun(RunOutcome embedded, RunOutcome spark, List<String> rawFiles) throws IOException {
        assertThat(spark.summaries()).isEqualTo(embedded.summaries());
        assertThat(spark.figures()).containsAllEntriesOf(embedded.figures().entrySet().stream()
                .filter(f -> !f.getKey().contains("second") && !f.getKey().contains("per_s"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        for (String file : rawFiles) {
            assertThat(RunFiles.withoutTiming(spark.runDir().resolve(file))).as(file)
                    .isEqualTo(RunFiles.withoutTiming(embedded.runDir().resolve(file)));
        }
        assertThat(RunFiles.metricsWithoutTiming(spark.runDir().resolve("metrics.json")))
                .isEqualTo(RunFiles.metricsWithoutTiming(embedded.runDir().resolve("metrics.json")));
        // The executors' call timings reach the driver: the same calls, counted as the embedded pool counts them,
        // but for galleries: every partition that searches a shard finalises it again, and those calls count.
        Map<String, String> onSpark = callCounts(spark);
        Map<String, String> embeddedCounts = callCounts(embedded);
        String finalize = "latency finalize_enrolment";
        if (embeddedCounts.containsKey(finalize)) {
            assertThat(Long.parseLong(onSpark.remove(finalize).split(" ")[0]))
                    .isGreaterThanOrEqualTo(Long.parseLong(embeddedCounts.remove(finalize).split(" ")[0]));
        }
        assertThat(onSpark).isNotEmpty().isEqualTo(embeddedCounts);
        assertThat(Files.readString(spark.runDir().resolve("run.json"))).contains("\"backend\" : \"spark\"")
                .contains("\"spark_master\" : \"" + master() + "\"");
        if (!master().startsWith("local")) {
            // Every executor JVM that computed a partition reports its own peaks.
            JsonNode executors = new ObjectMapper().readTree(spark.runDir().resolve("run.json").toFile())
                    .path("resources").path("executors");
            assertThat(executors.size()).isPositive();
            for (JsonNode executor : executors) {
                assertThat(executor.path("peak_heap_bytes").asLong()).isPositive()
                        .isLessThanOrEqualTo(executor.path("max_heap_bytes").asLong());
                assertThat(executor.path("peak_rss_bytes").asLong()).isGreaterThan(executor.path("peak_heap_bytes")
                        .asLong() / 4);
                // Its CPU since it started, of which its JIT compilers' (a fresh executor compiles a lot).
                assertThat(executor.path("jit_cpu_seconds").asDouble()).isPositive()
                        .isLessThan(executor.path("cpu_seconds").asDouble());
            }
        }
    }

    /** @return each SPI operation's calls and failures from timing.csv */
    private static Map<String, String> callCounts(RunOutcome run) throws IOException {
        Map<String, String> counts = new TreeMap<>();
        for (CSVRecord row : RunFiles.records(run.runDir().resolve("timing.csv"))) {
            if (!row.get("record").equals("stage")) {
                counts.put(row.get("record") + " " + row.get("name"), row.get("count") + " " + row.get("failures"));
            }
        }
        return counts;
    }

    @Test
    void verificationWithTheLbpSystemGivesTheSameSummaryAndMetricsOnSpark(@TempDir Path tmp) throws Exception {
        RunOutcome embedded = run("verification@1.0.0", "lbp", Backends.EMBEDDED, Integer.MAX_VALUE,
                tmp.resolve("embedded"));
        RunOutcome spark = run("verification@1.0.0", "lbp", SparkBackend.NAME, Integer.MAX_VALUE, tmp.resolve("spark"));

        assertThat(embedded.count("pairs")).isEqualTo(7140);
        assertThat(spark.count("compared")).isEqualTo(7140);
        assertSameRun(embedded, spark, List.of("templates.csv", "comparisons.csv"));
    }

    @Test
    void theRunnersAccumulatorsAreNotTurnedIntoTextAfterEveryTask(@TempDir Path tmp) throws Exception {
        // Spark gives a named accumulator's update and whole value, as text, to its status listener after
        // every task; the call timings' text is every latency recorded, which cost the driver more CPU than
        // writing the results. Unnamed, they are not reported, and their values still reach timing.csv.
        System.setProperty("spark.extraListeners", ReportedAccumulators.class.getName());
        ReportedAccumulators.drain();
        RunOutcome spark;
        try {
            spark = run("verification@1.0.0", "lbp", SparkBackend.NAME, Integer.MAX_VALUE, tmp.resolve("spark"));
        } finally {
            System.clearProperty("spark.extraListeners");
        }
        assertThat(ReportedAccumulators.drain()).isEmpty();
        assertThat(RunFiles.records(spark.runDir().resolve("timing.csv")))
                .filteredOn(r -> r.get("record").equals("latency") && r.get("name").equals("comparison"))
                .singleElement().satisfies(r -> assertThat(r.get("count")).isEqualTo("7140"));
    }

    @Test
    void attributesAreAnalysedOnTheBackendWithTheSameEstimates(@TempDir Path tmp) throws Exception {
        RunOutcome embedded = run("attributes@1.0.0", "synthetic-attributes", Backends.EMBEDDED, Integer.MAX_VALUE,
                tmp.resolve("embedded"));
        RunOutcome spark = run("attributes@1.0.0", "synthetic-attributes", SparkBackend.NAME, Integer.MAX_VALUE,
                tmp.resolve("spark"));

        assertThat(spark.count("images")).isEqualTo(120);
        assertThat(spark.count("analyses_ok")).isPositive();
        assertSameRun(embedded, spark, List.of("analyses.csv", "estimates.csv"));
    }

    @Test
    void aProceduralDatasetIsRenderedOnTheExecutorsAsItsFilesAreRead(@TempDir Path tmp) throws Exception {
        String name = DatasetResolver.PROCEDURAL_PREFIX + DATASET;
        DatasetManifest procedural = DatasetResolver.resolve(name, tmp.resolve("manifest"), line -> { });
        RunOutcome stored = run("verification@1.0.0", "lbp", Backends.EMBEDDED, Integer.MAX_VALUE, tmp.resolve("stored"));
        RunOutcome rendered = run(procedural, name, "verification@1.0.0", "lbp", SparkBackend.NAME, Integer.MAX_VALUE,
                tmp.resolve("rendered"));

        assertThat(procedural.proceduralSpec()).isPresent();
        assertThat(rendered.count("template_failures")).isZero();
        assertSameRun(stored, rendered, List.of("templates.csv", "comparisons.csv"));
    }

    @Test
    void failuresAndRetriedBatchesMergeTheSameWayOnSpark(@TempDir Path tmp) throws Exception {
        RunOutcome embedded = run("verification@1.0.0", FlakyHashProvider.ID, Backends.EMBEDDED, Integer.MAX_VALUE,
                tmp.resolve("embedded"));
        RunOutcome spark = run("verification@1.0.0", FlakyHashProvider.ID, SparkBackend.NAME, Integer.MAX_VALUE,
                tmp.resolve("spark"));

        // Every fourth subject's third image fails: 10 templates in both roles; every failure kind occurs.
        assertThat(embedded.count("template_failures")).isEqualTo(20);
        assertThat(embedded.summaries().get("comparisons").toString())
                .contains("template_failed FACE_DETECTION_ERROR", "comparison_failed VENDOR_ERROR",
                        "comparison_failed UNCAUGHT_EXCEPTION")
                .doesNotContain("batch retries 0]");
        assertSameRun(embedded, spark, List.of("templates.csv", "comparisons.csv"));
    }

    @Test
    void identificationWithGalleryShardsOnSparkGivesTheUnshardedCandidateLists(@TempDir Path tmp) throws Exception {
        RunOutcome unsharded = run("identification@1.0.0", "lbp", Backends.EMBEDDED, Integer.MAX_VALUE,
                tmp.resolve("unsharded"));
        RunOutcome embedded = run("identification@1.0.0", "lbp", Backends.EMBEDDED, 7, tmp.resolve("embedded"));
        RunOutcome spark = run("identification@1.0.0", "lbp", SparkBackend.NAME, 7, tmp.resolve("spark"));

        List<String> raw = List.of("templates.csv", "galleries.csv", "searches.csv", "candidates.csv");
        assertSameRun(embedded, spark, raw);
        // LBP scores a probe against each template alone, so merging the shards' top lists gives its own list.
        for (String file : List.of("searches.csv", "candidates.csv")) {
            assertThat(RunFiles.withoutTiming(spark.runDir().resolve(file))).as(file)
                    .isEqualTo(RunFiles.withoutTiming(unsharded.runDir().resolve(file)));
        }
        assertThat(RunFiles.metricsWithoutTiming(spark.runDir().resolve("metrics.json")))
                .isEqualTo(RunFiles.metricsWithoutTiming(unsharded.runDir().resolve("metrics.json")));
    }

    @Test
    void failedSearchesAndTemplatesMergeTheSameWayAcrossShardsOnSpark(@TempDir Path tmp) throws Exception {
        RunOutcome embedded = run("identification@1.0.0", FlakyHashProvider.ID, Backends.EMBEDDED, 5,
                tmp.resolve("embedded"));
        RunOutcome spark = run("identification@1.0.0", FlakyHashProvider.ID, SparkBackend.NAME, 5, tmp.resolve("spark"));

        assertThat(embedded.count("searches_failed")).isPositive();
        assertThat(embedded.count("not_searched")).isPositive();
        assertSameRun(embedded, spark, List.of("templates.csv", "galleries.csv", "searches.csv", "candidates.csv"));
    }
}
