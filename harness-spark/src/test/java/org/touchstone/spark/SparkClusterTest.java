package org.touchstone.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.runner.boundaries.RunFiles;
import org.touchstone.runner.boundaries.TestRuns;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.RunOutcome;
import org.touchstone.runner.engine.backend.Backends;
import org.touchstone.runner.engine.prepare.ExecutionSettings;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.systems.SystemRegistry;

/**
 * {@link SparkEqualityTest}'s runs on a Spark standalone cluster whose executors are JVMs of their own (the
 * runner's classes reach them as {@code spark.jars}), and a worker killed with {@code kill -9} while the
 * comparisons run. The cluster is {@code scripts/spark-cluster.sh start}'s: the environment variable
 * {@value #MASTER_VARIABLE} names its master, and {@code SPARK_HOME} its distribution (whose jars the driver
 * does not ship); without them these tests are skipped. CI sets both.
 */
class SparkClusterTest extends SparkEqualityTest {
    /** Environment variable naming the cluster's master, e.g. {@code spark://127.0.0.1:7077}. */
    static final String MASTER_VARIABLE = "TOUCHSTONE_SPARK_MASTER";

    @BeforeAll
    static void clusterRuns() {
        assumeTrue(System.getenv(MASTER_VARIABLE) != null, "no Spark standalone cluster: start one with"
                + " scripts/spark-cluster.sh start and set " + MASTER_VARIABLE + "=spark://127.0.0.1:7077 and"
                + " SPARK_HOME=.touchstone/spark-cluster/dist");
    }

    @Override
    String master() {
        return System.getenv(MASTER_VARIABLE);
    }

    /** The worker killed comes back for whatever runs next. */
    @AfterAll
    static void restartWorkers() throws IOException, InterruptedException {
        if (System.getenv(MASTER_VARIABLE) != null && clusterScript().isPresent()) {
            Process start = new ProcessBuilder(clusterScript().get().toString(), "start").inheritIO().start();
            assertThat(start.waitFor()).isZero();
        }
    }

    /** @return the cluster script of this checkout, when the cluster is the one it starts */
    private static Optional<Path> clusterScript() {
        Path script = Path.of("").toAbsolutePath().getParent().resolve("scripts/spark-cluster.sh");
        return Files.isExecutable(script) ? Optional.of(script) : Optional.empty();
    }

    // What local[2] already shows, left out here to keep the cluster's share of CI short (each run is an
    // application of its own, whose executors start as new JVMs): not tests on the cluster.

    @Override
    void aProceduralDatasetIsRenderedOnTheExecutorsAsItsFilesAreRead(Path tmp) {
    }

    @Override
    void failuresAndRetriedBatchesMergeTheSameWayOnSpark(Path tmp) {
    }

    @Override
    void failedSearchesAndTemplatesMergeTheSameWayAcrossShardsOnSpark(Path tmp) {
    }

    @Test
    void aWorkerKilledDuringTheComparisonsCostsRetriesNotResults(@TempDir Path tmp) throws Exception {
        String sparkHome = System.getenv("SPARK_HOME");
        assumeTrue(sparkHome != null, "SPARK_HOME names the cluster's distribution, beside its run/ folder");
        Path pidFile = Path.of(sparkHome).resolveSibling("run").resolve("worker-1.pid");
        assumeTrue(Files.isRegularFile(pidFile), "no " + pidFile + ": the cluster was not started by"
                + " scripts/spark-cluster.sh");
        long workerPid = Long.parseLong(Files.readString(pidFile).trim());
        String datasetName = "synthetic:subjects=100,images=4,seed=11";
        DatasetManifest dataset = TestRuns.dataset(datasetName, tmp.resolve("data"));

        RunOutcome embedded = run(dataset, datasetName, "verification@1.0.0", "lbp", Backends.EMBEDDED,
                Integer.MAX_VALUE, tmp.resolve("embedded"));
        // The worker dies as the comparison stage starts: its executor (which made half the templates and holds
        // the opened system) goes with it, and Spark runs its tasks again on the other worker's executor.
        Progress killer = (name, total) -> {
            if (name.equals("comparisons")) {
                ProcessHandle.of(workerPid).ifPresent(ProcessHandle::destroyForcibly);
            }
            return Progress.silent().stage(name, total);
        };
        ExecutionSettings execution = new ExecutionSettings(SparkBackend.NAME, Map.of("master", master()),
                Optional.of(new ExecutionSettings.SystemName("lbp", Optional.empty(), Map.of())), Integer.MAX_VALUE);
        RunOutcome spark = new ProtocolRunner(killer).run(new RunRequest("equality", ProtocolRepository.builtIn()
                .resolve("verification@1.0.0"), dataset, datasetName, new SystemRegistry(getClass().getClassLoader())
                .require("lbp"), Optional.empty(), tmp.resolve("spark"), 2, execution));

        assertThat(ProcessHandle.of(workerPid)).as("the killed worker").isEmpty();
        assertThat(spark.count("compared")).isEqualTo(79_800);
        assertThat(spark.summaries()).isEqualTo(embedded.summaries());
        for (String file : List.of("templates.csv", "comparisons.csv")) {
            assertThat(RunFiles.withoutTiming(spark.runDir().resolve(file))).as(file)
                    .isEqualTo(RunFiles.withoutTiming(embedded.runDir().resolve(file)));
        }
        assertThat(RunFiles.metricsWithoutTiming(spark.runDir().resolve("metrics.json")))
                .isEqualTo(RunFiles.metricsWithoutTiming(embedded.runDir().resolve("metrics.json")));
    }
}
