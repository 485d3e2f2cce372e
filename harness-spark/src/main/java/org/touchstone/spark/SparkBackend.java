package org.touchstone.spark;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.touchstone.runner.engine.backend.BackendContext;
import org.touchstone.runner.engine.backend.BackendSession;
import org.touchstone.runner.engine.backend.Backends;
import org.touchstone.runner.engine.backend.ExecutionBackend;

/**
 * Runs a run's work units on Apache Spark, through the Java RDD API only: each plan becomes jobs over an
 * RDD of its units, each partition folds its units' results into one ({@code mapPartitions}, with the
 * system opened once per executor JVM from the run's {@link org.touchstone.runner.engine.backend.SystemRecipe}),
 * and the driver merges the partitions' results in partition order, so merges need only be associative.
 * Templates and plans reach executors as broadcasts. Pairs never become rows: a unit is tens of thousands
 * of comparisons and travels as a few primitive arrays.
 *
 * <p>Options: {@code master} ({@code --master}), e.g. {@code local[2]} or {@code spark://host:7077}; without
 * it the master comes from {@code spark-submit} ({@code spark.master}). In local mode the driver binds to
 * loopback and the web UI is off, unless the Spark configuration says otherwise.
 */
public final class SparkBackend implements ExecutionBackend {
    /** The backend's name, {@code --backend spark}. */
    public static final String NAME = "spark";
    private static final Set<String> OPTIONS = Set.of("master");

    /** For {@link java.util.ServiceLoader}. */
    public SparkBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Apache Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ", --master local[N] or a cluster";
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
    }

    @Override
    public BackendSession open(BackendContext context) throws IOException {
        Backends.find(NAME, context.options());
        context.requireRecipe(NAME);
        SparkConf conf = configuration(context.runId(), context.options().get("master"));
        // The recipe first: a run that cannot be opened elsewhere should not start a cluster application.
        long starting = System.nanoTime();
        JavaSparkContext spark = new JavaSparkContext(conf);
        try {
            SparkTaskTimes taskTimes = new SparkTaskTimes(spark.sc().startTime());
            spark.sc().addSparkListener(taskTimes);
            ClusterWatch watch = ClusterWatch.of(spark.sc());
            watch.awaitFirstExecutor();
            taskTimes.started(System.nanoTime() - starting, spark.sc());
            return new SparkBackendSession(spark, context.requireRecipe(NAME), context.timings(), watch, taskTimes);
        } catch (RuntimeException | IOException e) {
            spark.stop();
            throw e;
        }
    }

    /**
     * The Spark configuration of a run: spark-submit's ({@code spark.*} system properties) plus the master
     * given, and in local mode a driver on loopback without web UI.
     *
     * @param runId  the run's id, for the application name
     * @param master the {@code --master} given, or null
     * @return the configuration
     * @throws IllegalArgumentException when no master is known
     */
    static SparkConf configuration(String runId, String master) {
        SparkConf conf = new SparkConf(true).setAppName("touchstone " + runId);
        String sparkHome = System.getenv("SPARK_HOME");
        if (sparkHome != null) {
            defaults(conf, Path.of(sparkHome, "conf", "spark-defaults.conf"));
        }
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            throw new IllegalArgumentException("--backend spark needs --master (e.g. --master local[2]) unless the run"
                    + " is started by spark-submit");
        }
        String url = conf.get("spark.master");
        if (url.startsWith("local") || onLoopback(url)) {
            // One machine: nothing needs to reach the driver from outside, and nobody browses its UI.
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        if (!url.startsWith("local")) {
            // Executors are JVMs of their own: they need what Spark needs opened on JDK 17 as the driver does,
            // and the runner's classes, which a cluster's Spark distribution does not have. spark-submit sets
            // spark.jars itself; a run started by ./touchstone ships its own class path.
            conf.setIfMissing("spark.executor.extraJavaOptions", String.join(" ", RunnerJars.moduleFlags(
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())));
            if (!conf.contains("spark.jars")) {
                conf.set("spark.jars", String.join(",", RunnerJars.forExecutors()));
            }
            // The first job waits (at most 30 s) until every core expected has registered an executor. The wall
            // time hardly changes (executors start together, and tasks would queue on the first one meanwhile),
            // but a stage then runs on the whole cluster, so its throughput measures the cluster rather than how
            // fast executor JVMs start. Expected cores are spark.cores.max on a standalone cluster
            // (scripts/spark-cluster.sh writes it in spark-defaults.conf), spark.executor.instances on YARN and
            // Kubernetes; without them Spark expects none and starts at once.
            conf.setIfMissing("spark.scheduler.minRegisteredResourcesRatio", "1.0");
            conf.setIfMissing("spark.scheduler.maxRegisteredResourcesWaitingTime", "30s");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // A partition's result is a few MB of primitive arrays: send it with the task's status rather than
        // through the block manager (Spark's default above 1 MB), which costs another copy of every result.
        conf.setIfMissing("spark.task.maxDirectResultSize", "64m");
        return conf;
    }

    /**
     * Adds the {@code spark.*} settings of a Spark distribution's {@code conf/spark-defaults.conf} that the
     * configuration does not have yet, as spark-submit does (so that a run started by {@code ./touchstone}
     * with {@code SPARK_HOME} set sees the cluster's defaults too, e.g. scripts/spark-cluster.sh's
     * {@code spark.cores.max}).
     *
     * @param conf     the configuration
     * @param defaults the file; nothing happens when it does not exist
     * @throws IllegalArgumentException naming the file when it cannot be read
     */
    static void defaults(SparkConf conf, Path defaults) {
        if (!Files.isRegularFile(defaults)) {
            return;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(defaults, StandardCharsets.UTF_8)) {
            // spark-submit reads the file the same way (java.util.Properties: "key value" or "key=value").
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + defaults + " (SPARK_HOME's Spark defaults): "
                    + e.getMessage(), e);
        }
        properties.stringPropertyNames().stream().filter(key -> key.startsWith("spark."))
                .forEach(key -> conf.setIfMissing(key, properties.getProperty(key).trim()));
    }

    /** @return whether a cluster's master runs on this machine's loopback interface */
    static boolean onLoopback(String master) {
        return master.startsWith("spark://127.0.0.1:") || master.startsWith("spark://localhost:");
    }
}
