package org.touchstone.spark;

import java.io.IOException;
import org.apache.spark.SparkContext;

/**
 * Keeps a run from waiting forever on a cluster that cannot run it. Spark itself would wait for executors
 * indefinitely, logging "Initial job has not accepted any resources" every 15 s; here a run fails, saying
 * what to do, when no executor has started within the wait, or when every executor has been lost (the
 * workers stopped or killed) and none came back within it. Executors lost while others live are Spark's
 * business: it runs their tasks again elsewhere. In local mode the driver is the executor: nothing to watch.
 *
 * <p>The wait is {@value #DEFAULT_WAIT_SECONDS} s, or the system property {@value #WAIT_PROPERTY}.
 */
final class ClusterWatch {
    /** System property: seconds to wait for an executor. */
    static final String WAIT_PROPERTY = "touchstone.spark.executor-wait-seconds";
    /** Seconds to wait for an executor unless the property says otherwise. */
    static final int DEFAULT_WAIT_SECONDS = 60;

    private final SparkContext spark;
    private final boolean local;
    private final long waitNanos;
    private long lostSince = -1;

    /**
     * The cluster cannot run the run: an I/O failure as far as the command line is concerned (one
     * {@code error:} line, exit code 1), since nothing in the command itself is wrong.
     */
    static final class ClusterUnavailableException extends IOException {
        private static final long serialVersionUID = 1L;

        ClusterUnavailableException(String message) {
            super(message);
        }
    }

    private ClusterWatch(SparkContext spark, boolean local, long waitSeconds) {
        this.spark = spark;
        this.local = local;
        this.waitNanos = waitSeconds * 1_000_000_000L;
    }

    /**
     * @param spark the run's application
     * @return its watch, with the wait of {@value #WAIT_PROPERTY}
     */
    static ClusterWatch of(SparkContext spark) {
        return new ClusterWatch(spark, spark.master().startsWith("local"),
                Long.getLong(WAIT_PROPERTY, DEFAULT_WAIT_SECONDS));
    }

    /** @return executors registered with the driver now (the driver's own block manager left out) */
    int executors() {
        return local ? 0 : Math.max(0, spark.getExecutorMemoryStatus().size() - 1);
    }

    /**
     * Returns once an executor has registered.
     *
     * @throws ClusterUnavailableException when none did within the wait, or the cluster ended the application
     */
    void awaitFirstExecutor() throws ClusterUnavailableException {
        if (local) {
            return;
        }
        long deadline = System.nanoTime() + waitNanos;
        while (executors() == 0) {
            ended();
            if (System.nanoTime() > deadline) {
                throw new ClusterUnavailableException("no executor of " + spark.master() + " started within "
                        + waitNanos / 1_000_000_000L + " s: the cluster has no free cores, or no worker has the memory"
                        + " asked for (spark.executor.memory, " + spark.getConf().get("spark.executor.memory", "1g")
                        + "). Another application may hold them: see the master's status page (or"
                        + " scripts/spark-cluster.sh status), stop it or start more workers, or ask for less, e.g."
                        + " TOUCHSTONE_JAVA_OPTS='-Dspark.executor.memory=512m'. -D" + WAIT_PROPERTY
                        + "=N waits longer.");
            }
            pause();
        }
    }

    /**
     * Called while a job runs.
     *
     * @param stage the stage, for the message
     * @throws ClusterUnavailableException when the application ended, or has had no executor for the whole wait
     */
    void check(String stage) throws ClusterUnavailableException {
        if (local) {
            return;
        }
        ended();
        if (executors() > 0) {
            lostSince = -1;
        } else if (lostSince < 0) {
            lostSince = System.nanoTime();
        } else if (System.nanoTime() - lostSince > waitNanos) {
            throw new ClusterUnavailableException("every executor of " + spark.master() + " was lost during " + stage
                    + " and none came back within " + waitNanos / 1_000_000_000L + " s: the cluster's workers are"
                    + " gone (stopped, killed or unreachable). Start them again and run the same command: the run"
                    + " resumes from its checkpoints.");
        }
    }

    private void ended() throws ClusterUnavailableException {
        if (spark.isStopped()) {
            throw new ClusterUnavailableException("the Spark application on " + spark.master() + " was ended (the master"
                    + " removed it or stopped): see the master's log, and each worker's work folder"
                    + " (app-*/N/stderr) for why its executors failed");
        }
    }

    private static void pause() throws ClusterUnavailableException {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException("interrupted while waiting for Spark's executors");
        }
    }
}
