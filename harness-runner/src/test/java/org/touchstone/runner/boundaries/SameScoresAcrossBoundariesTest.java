package org.touchstone.runner.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.touchstone.runner.systems.SystemRegistry;
import org.touchstone.runner.systems.http.HttpClientSettings;
import org.touchstone.runner.systems.http.HttpSystemProvider;
import org.touchstone.runner.systems.inprocess.TimeLimitedProvider;
import org.touchstone.runner.systems.process.ProcessSystemProvider;
import org.touchstone.runner.systems.serve.ServedSystem;
import org.touchstone.runner.engine.RunOutcome;

/**
 * The first acceptance test: the same protocol on the same data gives the same scores, bit for
 * bit, whether the LBP reference system runs in the harness's JVM, in worker processes behind the worker
 * protocol, or behind {@code touchstone serve} over HTTP. The raw files agree in every column except the
 * latencies, and {@code metrics.json} agrees in every number but the timings. The worker processes'
 * memory is measured only where there are worker processes.
 */
class SameScoresAcrossBoundariesTest {
    private static final String SPEC = "synthetic:subjects=12,images=2,seed=3";

    @TempDir
    static Path data;
    static DatasetManifest manifest;
    static FaceSystemProvider lbp;

    @BeforeAll
    static void dataset() throws Exception {
        manifest = TestRuns.dataset(SPEC, data.resolve("dataset"));
        lbp = new SystemRegistry(SameScoresAcrossBoundariesTest.class.getClassLoader()).require("lbp");
    }

    private static RunOutcome run(FaceSystemProvider system, Path runDir) throws Exception {
        return TestRuns.verification("same-scores", manifest, system, runDir);
    }

    private static com.fasterxml.jackson.databind.JsonNode childProcesses(Path runDir) throws java.io.IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(runDir.resolve("run.json").toFile())
                .path("resources").path("child_processes");
    }

    @Test
    void lbpScoresAreIdenticalInProcessAsASubprocessAndOverHttp(@TempDir Path tmp) throws Exception {
        Path inJvm = tmp.resolve("in-jvm");
        RunOutcome direct = run(new TimeLimitedProvider(lbp, CallLimits.defaults()), inJvm);
        assertThat(direct.count("pairs")).isEqualTo(276);
        assertThat(direct.count("compared")).isEqualTo(276);

        Path subprocess = tmp.resolve("subprocess");
        run(ProcessSystemProvider.load(TestWorkers.javaWorkerConfig(tmp, "lbp", 2, Map.of()), Map.of()), subprocess);

        Path http = tmp.resolve("http");
        try (OpenedSystem opened = OpenedSystem.open(new TimeLimitedProvider(lbp, CallLimits.defaults()),
                Optional.empty(), Capability.VERIFICATION, "serve", 2);
             ServedSystem served = ServedSystem.of(opened);
             HttpApiServer server = HttpApiServer.start(served, ServeSettings.loopback())) {
            run(HttpSystemProvider.connect(server.uri(), HttpClientSettings.defaults(), CallLimits.defaults()), http);
        }

        for (Path other : List.of(subprocess, http)) {
            for (String file : List.of("comparisons.csv", "templates.csv")) {
                assertThat(RunFiles.withoutTiming(other.resolve(file))).as(other.getFileName() + "/" + file)
                        .isEqualTo(RunFiles.withoutTiming(inJvm.resolve(file)));
            }
            assertThat(RunFiles.metricsWithoutTiming(other.resolve("metrics.json"))).as(other.getFileName() + "/metrics.json")
                    .isEqualTo(RunFiles.metricsWithoutTiming(inJvm.resolve("metrics.json")));
        }
        assertThat(childProcesses(inJvm).path("count").asInt()).isZero();
        assertThat(childProcesses(subprocess).path("count").asInt()).isGreaterThanOrEqualTo(2);
        // A JVM worker holds well over 16 MB resident.
        assertThat(childProcesses(subprocess).path("peak_rss_max_bytes").asLong()).isGreaterThan(16L << 20);
        assertThat(childProcesses(subprocess).path("peak_rss_total_bytes").asLong())
                .isGreaterThan(childProcesses(subprocess).path("peak_rss_max_bytes").asLong() + (16L << 20));
        assertThat(subprocess.resolve("logs/worker-1.stderr")).exists();
        assertThat(subprocess.resolve("logs/worker-2.stderr")).exists();
    }
}
