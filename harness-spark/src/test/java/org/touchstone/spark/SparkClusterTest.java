package org.touchstone.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.Capability;
import org.touchstone.api.FaceSystemProvider;
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
import org.touchstone.runner.boundaries.TestWorkers;
import org.touchstone.runner.systems.CallLimits;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.SystemRegistry;
import org.touchstone.runner.systems.inprocess.TimeLimitedProvider;
import org.touchstone.runner.systems.resolve.SystemResolver;
import org.touchstone.runner.systems.serve.HttpApiServer;
import org.touchstone.runner.systems.serve.JavaWorkerMain;
import org.touchstone.runner.systems.serve.ServeSettings;
import org.touchstone.runner.systems.serve.ServedSystem;

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

    @Override
    void theRunnersAccumulatorsAreNotTurnedIntoTextAfterEveryTask(Path tmp) {
    }

    @Test
    void aProcessSystemRunsOnTheExecutorsAndItsWorkersEndWithTheRun(@TempDir Path tmp) throws Exception {
        String system = "process:" + TestWorkers.javaWorkerConfig(tmp.resolve("system"), "lbp", 1, Map.of());
        // The same system named the same way on both backends: remote systems get larger batched calls than
        // in-process ones, and the call counts are compared too.
        RunOutcome embedded = runNamed(system, Backends.EMBEDDED, Progress.silent(), tmp.resolve("embedded"));
        // The executors opened the system in the template stage; their workers serve it still.
        List<ProcessHandle> during = new ArrayList<>();
        Progress watcher = (name, total) -> {
            if (name.equals("comparisons")) {
                during.addAll(workersOfExecutors());
            }
            return Progress.silent().stage(name, total);
        };
        RunOutcome spark = runNamed(system, SparkBackend.NAME, watcher, tmp.resolve("spark"));

        assertSameRun(embedded, spark, List.of("templates.csv", "comparisons.csv"));
        assertThat(during).as("worker processes the executors started").isNotEmpty();
        // The application's end stops its executors, whose shutdown closes the systems they opened: no worker
        // outlives the run. (Bounded: the executors exit a moment after the driver stops them.)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (during.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(during).as("workers alive 30 s after the run").noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aSystemBehindAUrlIsCalledFromTheExecutors(@TempDir Path tmp) throws Exception {
        FaceSystemProvider lbp = new SystemRegistry(getClass().getClassLoader()).require("lbp");
        try (OpenedSystem opened = OpenedSystem.open(new TimeLimitedProvider(lbp, CallLimits.defaults()),
                Optional.empty(), Capability.VERIFICATION, "serve", 2);
             ServedSystem served = ServedSystem.of(opened);
             HttpApiServer server = HttpApiServer.start(served, ServeSettings.loopback())) {
            RunOutcome embedded = runNamed(server.uri().toString(), Backends.EMBEDDED, Progress.silent(),
                    tmp.resolve("embedded"));
            RunOutcome spark = runNamed(server.uri().toString(), SparkBackend.NAME, Progress.silent(),
                    tmp.resolve("spark"));
            assertSameRun(embedded, spark, List.of("templates.csv", "comparisons.csv"));
        }
    }

    /** A verification run of a system named as on the command line, resolved on the backend and here. */
    private RunOutcome runNamed(String system, String backend, Progress progress, Path runDir) throws Exception {
        ExecutionSettings execution = new ExecutionSettings(backend,
                backend.equals(SparkBackend.NAME) ? Map.of("master", master()) : Map.of(),
                Optional.of(new ExecutionSettings.SystemName(system, Optional.empty(), Map.of())), Integer.MAX_VALUE);
        FaceSystemProvider provider = new SystemResolver(new SystemRegistry(getClass().getClassLoader()))
                .resolve(system, Map.of());
        return new ProtocolRunner(progress).run(new RunRequest("equality", ProtocolRepository.builtIn()
                .resolve("verification@1.0.0"), manifest, DATASET_NAME, provider, Optional.empty(), runDir, 2,
                execution));
    }

    /** @return the Java worker processes descended from a Spark executor (not from this JVM, the driver) */
    private static List<ProcessHandle> workersOfExecutors() {
        return ProcessHandle.allProcesses()
                .filter(p -> commandLine(p).contains(JavaWorkerMain.class.getName()))
                .filter(SparkClusterTest::startedByAnExecutor)
                .toList();
    }

    /** Up the process tree: a sealed worker's parent is its sandbox (bwrap), whose parent is the executor. */
    private static boolean startedByAnExecutor(ProcessHandle process) {
        for (Optional<ProcessHandle> p = process.parent(); p.isPresent(); p = p.get().parent()) {
            if (commandLine(p.get()).contains("CoarseGrainedExecutorBackend")) {
                return true;
            }
        }
        return false;
    }

    /** A process's whole command line: ProcessHandle.Info gives none for command lines as long as these. */
    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return process.info().commandLine().orElse("");
        }
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
        RunOutcome spark;
        try {
            spark = new ProtocolRunner(killer).run(new RunRequest("equality", ProtocolRepository.builtIn()
                    .resolve("verification@1.0.0"), dataset, datasetName, new SystemRegistry(getClass().getClassLoader())
                    .require("lbp"), Optional.empty(), tmp.resolve("spark"), 2, execution));
        } finally {
            // At once, not after the class: the tests after this one wait for all the cluster's cores.
            restartWorkers();
        }

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
