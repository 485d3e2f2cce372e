package org.touchstone.runner.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.Capability;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.runner.systems.serve.HttpApiServer;
import org.touchstone.runner.systems.serve.ServeSettings;
import org.touchstone.runner.systems.CallLimits;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.http.HttpClientSettings;
import org.touchstone.runner.systems.http.HttpSystemProvider;
import org.touchstone.runner.systems.inprocess.TimeLimitedProvider;
import org.touchstone.runner.systems.process.ProcessSystemProvider;
import org.touchstone.runner.systems.serve.ServedSystem;
import org.touchstone.runner.testsystems.MisbehavingProvider;
import org.touchstone.runner.engine.RunOutcome;

/**
 * Drives a deliberately misbehaving system through all three adapters (in the JVM, as worker processes,
 * over HTTP) and checks that every run completes with exactly the failures the fault table predicts.
 *
 * <p>The data: 20 subjects x 2 images, one image per template, so subject s has templates T(2s-1) and
 * T(2s), and all-vs-all gives 40 x 39 / 2 = 780 pairs (20 mated). Subjects 1 to 9 fail template creation
 * (each in both roles: 9 x 2 x 2 = 36 failed calls of 80), so only the 22 templates of subjects 10 to 20
 * are compared: sum over probes j = 19..40 of (j - 19) = 231 pairs; the other 549 are
 * {@code template_failed}. A probe of subject s >= 10 is compared with the 2(s-10) or 2(s-10)+1 good
 * templates before it, 4s - 39 pairs in all, and its comparisons fail as the fault table says: s = 10:
 * 1, 11: 5, 12: 9, 13: 13, 14: 17, 15: 21, 16: 25 (91 failed); s = 17..20: 29 + 33 + 37 + 41 = 140 scored,
 * of which 4 are mated (0.9) and 136 non-mated (0.1). Mated pairs that fail: 9 (template) + 7
 * (comparison) = 16; non-mated pairs that fail: 780 - 20 - 136 = 624.
 *
 * <p>The Python system's subject 12 answers a batch with one result too many but a single comparison
 * correctly (its {@code compare} takes the first of its batch answer, 0.5). A failed batch is retried one
 * comparison at a time, so there its 9 pairs (1 mated, 8 non-mated) are scored 0.5: 149 scored, 15 mated
 * and 616 non-mated pairs failed.
 */
class FaultInjectionTest {
    private static final String SPEC = "synthetic:subjects=20,images=2,seed=5";
    // Long enough that a fault which ends at once (an Error, an overflowed stack, a refused 16 GB array, which may
    // first cost a full collection) ends within it on a loaded machine; short enough that the hangs stay cheap.
    private static final CallLimits SHORT_DEADLINES = CallLimits.defaults().with(Map.of(
            CallLimits.Operation.TEMPLATE, Duration.ofSeconds(4), CallLimits.Operation.COMPARISON, Duration.ofSeconds(2)));

    @TempDir
    static Path data;
    static DatasetManifest manifest;

    @BeforeAll
    static void dataset() throws Exception {
        manifest = TestRuns.dataset(SPEC, data.resolve("dataset"));
    }

    private static RunOutcome run(FaceSystemProvider system, Path runDir) throws Exception {
        return TestRuns.verification("faults", manifest, system, runDir);
    }

    /** Template-creation calls by failure code ("ok" for success). */
    private static Map<String, Integer> templateCodes(Path runDir) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        for (CSVRecord r : RunFiles.records(runDir.resolve("templates.csv"))) {
            counts.merge(r.get("status").equals("ok") ? "ok" : r.get("failure_code"), 1, Integer::sum);
        }
        return counts;
    }

    /** Comparisons by status, and failed comparisons by failure code. */
    private static Map<String, Integer> comparisonCodes(Path runDir) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        for (CSVRecord r : RunFiles.records(RunFiles.comparisonsCsv(runDir))) {
            String key = switch (r.get("status")) {
                case "ok" -> "ok/" + r.get("mated") + "/" + r.get("score");
                case "comparison_failed" -> r.get("failure_code");
                default -> r.get("status");
            };
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }

    private static void assertCommonNumbers(Path runDir, RunOutcome outcome) throws Exception {
        assertCommonNumbers(runDir, outcome, 140, 16, 624);
    }

    private static void assertCommonNumbers(Path runDir, RunOutcome outcome, int compared, int failedGenuine,
                                            int failedImpostor) throws Exception {
        assertThat(outcome.count("templates")).isEqualTo(80);
        assertThat(outcome.count("template_failures")).isEqualTo(36);
        assertThat(outcome.count("pairs")).isEqualTo(780);
        assertThat(outcome.count("compared")).isEqualTo(compared);
        JsonNode json = new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
        assertThat(json.path("status").asText()).isEqualTo("complete");
        JsonNode comparisons = new ObjectMapper().readTree(runDir.resolve("metrics.json").toFile()).path("comparisons");
        assertThat(comparisons.path("genuine_comparisons").asInt()).isEqualTo(20);
        assertThat(comparisons.path("failed_genuine_comparisons").asInt()).isEqualTo(failedGenuine);
        assertThat(comparisons.path("impostor_comparisons").asInt()).isEqualTo(760);
        assertThat(comparisons.path("failed_impostor_comparisons").asInt()).isEqualTo(failedImpostor);
    }

    @Test
    void inTheJvmEveryFaultIsRecordedWithItsCode(@TempDir Path tmp) throws Exception {
        Path runDir = tmp.resolve("run");
        RunOutcome outcome = run(new TimeLimitedProvider(new MisbehavingProvider(), SHORT_DEADLINES), runDir);

        assertCommonNumbers(runDir, outcome);
        assertThat(templateCodes(runDir)).isEqualTo(Map.of("ok", 44, "UNCAUGHT_EXCEPTION", 12,
                "INVALID_OUTPUT", 12, "TIMEOUT", 4, "MEMORY_ERROR", 4, "FACE_DETECTION_ERROR", 4));
        assertThat(comparisonCodes(runDir)).isEqualTo(Map.of("template_failed", 549, "INVALID_OUTPUT", 15,
                "TIMEOUT", 13, "UNCAUGHT_EXCEPTION", 38, "MATCH_ERROR", 25, "ok/true/0.9", 4, "ok/false/0.1", 136));
    }

    @Test
    void asWorkerProcessesEveryFaultIsRecordedAndTheWorkersRestarted(@TempDir Path tmp) throws Exception {
        Path runDir = tmp.resolve("run");
        Path config = TestWorkers.pythonConfig(tmp, "misbehaving_system.py", 2,
                Map.of("time_limits_seconds", Map.of("template", 1, "comparison", 1)));
        RunOutcome outcome = run(ProcessSystemProvider.load(config, Map.of()), runDir);

        assertCommonNumbers(runDir, outcome, 149, 15, 616);
        assertThat(templateCodes(runDir)).isEqualTo(PYTHON_TEMPLATE_CODES);
        assertThat(comparisonCodes(runDir)).isEqualTo(PYTHON_COMPARISON_CODES);

        String logs = Files.readString(runDir.resolve("logs/worker-1.stderr"))
                + Files.readString(runDir.resolve("logs/worker-2.stderr"));
        assertThat(logs).contains("debug: subject 17 goes to stderr").contains("replaced after TIMEOUT")
                .contains("replaced after SYSTEM_CRASHED").contains("replaced after INVALID_OUTPUT")
                .contains("killed by signal 9").contains("exited with status 3")
                .contains("RuntimeError: simulated bug in template creation");
    }

    /** The Python worker's faults, as recorded through the process adapter and through serve + HTTP. */
    private static final Map<String, Integer> PYTHON_TEMPLATE_CODES = Map.of("ok", 44, "UNCAUGHT_EXCEPTION", 4,
            "INVALID_OUTPUT", 12, "TIMEOUT", 4, "SYSTEM_CRASHED", 8, "MEMORY_ERROR", 4, "FACE_DETECTION_ERROR", 4);
    private static final Map<String, Integer> PYTHON_COMPARISON_CODES = Map.ofEntries(
            Map.entry("template_failed", 549), Map.entry("INVALID_OUTPUT", 6), Map.entry("TIMEOUT", 13),
            Map.entry("SYSTEM_CRASHED", 17), Map.entry("UNCAUGHT_EXCEPTION", 21), Map.entry("MATCH_ERROR", 25),
            Map.entry("ok/true/0.9", 4), Map.entry("ok/false/0.1", 136), Map.entry("ok/true/0.5", 1),
            Map.entry("ok/false/0.5", 8));

    @Test
    void overHttpTheServedSystemsFaultsKeepTheirCodes(@TempDir Path tmp) throws Exception {
        Path runDir = tmp.resolve("run");
        Path config = TestWorkers.pythonConfig(tmp, "misbehaving_system.py", 2,
                Map.of("time_limits_seconds", Map.of("template", 1, "comparison", 1)));
        FaceSystemProvider behindServe = ProcessSystemProvider.load(config, Map.of());
        RunOutcome outcome;
        try (OpenedSystem opened = OpenedSystem.open(behindServe, Optional.empty(), Capability.VERIFICATION, "serve", 2);
             ServedSystem served = ServedSystem.of(opened);
             HttpApiServer server = HttpApiServer.start(served, ServeSettings.loopback().withBounds(4, 1 << 20))) {
            outcome = run(HttpSystemProvider.connect(server.uri(), HttpClientSettings.defaults(),
                    CallLimits.defaults()), runDir);
        }
        assertCommonNumbers(runDir, outcome, 149, 15, 616);
        assertThat(templateCodes(runDir)).isEqualTo(PYTHON_TEMPLATE_CODES);
        assertThat(comparisonCodes(runDir)).isEqualTo(PYTHON_COMPARISON_CODES);
    }
}
