package org.touchstone.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.TaskInfo;
import org.apache.spark.status.api.v1.ExecutorSummary;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Where a Spark run's time goes, from Spark's own task metrics: when each executor registered (counted from
 * the application's start, so the executor JVMs' start shows), and for each of the run's stages (templates,
 * comparisons, searches...) its jobs' span and its tasks' time summed by phase: deserialising the task (with
 * its closure, and on an executor's first task fetching the runner's jars), running it (which reads the
 * broadcasts; no CPU time, as systems compute on threads of their own, not the task's), garbage collection,
 * serialising its result, the driver fetching a large result, and the scheduler's delay (a task's duration
 * less all of these: shipping it, queueing, the status message back). Printed when the run ends with
 * {@value #PROPERTY}{@code =true} (the benchmark sets it); the figures the cost model in the README comes from.
 */
final class SparkTaskTimes extends SparkListener {
    /** System property: print the figures to standard error when the run's Spark application ends. */
    static final String PROPERTY = "touchstone.spark.task-times";

    private final long applicationStart;
    private final Map<String, Long> executorRegistered = new TreeMap<>();
    /** Job id to the run's stage it computes, from the job's description ("templates: units 0 to 399"). */
    private final Map<Integer, String> jobStage = new TreeMap<>();
    /** Spark stage id to the run's stage. */
    private final Map<Integer, String> sparkStageOf = new TreeMap<>();
    private final Map<String, StageTotals> stages = new LinkedHashMap<>();
    private long startNanos;

    /**
     * @param applicationStart the application's start, epoch milliseconds ({@code SparkContext.startTime()})
     */
    SparkTaskTimes(long applicationStart) {
        this.applicationStart = applicationStart;
    }

    /** What one of the run's stages cost, summed over its tasks. Milliseconds but where named otherwise. */
    static final class StageTotals {
        long firstJobStart = Long.MAX_VALUE;
        long lastJobEnd;
        int jobs;
        int tasks;
        final Map<String, Integer> tasksPerExecutor = new TreeMap<>();
        long duration;
        long deserialize;
        long run;
        long gc;
        long resultSerialize;
        long fetchResult;
        long resultBytes;

        long schedulerDelay() {
            return Math.max(0, duration - deserialize - run - resultSerialize - fetchResult);
        }
    }

    @Override
    public synchronized void onExecutorAdded(SparkListenerExecutorAdded added) {
        executorRegistered.put(added.executorId(), added.time() - applicationStart);
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart start) {
        String description = start.properties() == null ? null : start.properties().getProperty("spark.job.description");
        String stage = description == null ? "other" : description.replaceFirst(":.*", "");
        jobStage.put(start.jobId(), stage);
        CollectionConverters.asJava(start.stageInfos())
                .forEach(info -> sparkStageOf.put(info.stageId(), stage));
        StageTotals totals = stages.computeIfAbsent(stage, s -> new StageTotals());
        totals.jobs++;
        totals.firstJobStart = Math.min(totals.firstJobStart, start.time());
    }

    @Override
    public synchronized void onJobEnd(SparkListenerJobEnd end) {
        StageTotals totals = stages.get(jobStage.getOrDefault(end.jobId(), "other"));
        if (totals != null) {
            totals.lastJobEnd = Math.max(totals.lastJobEnd, end.time());
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        StageTotals totals = stages.computeIfAbsent(sparkStageOf.getOrDefault(end.stageId(), "other"),
                s -> new StageTotals());
        TaskInfo info = end.taskInfo();
        TaskMetrics metrics = end.taskMetrics();
        totals.tasks++;
        totals.tasksPerExecutor.merge(info.executorId(), 1, Integer::sum);
        totals.duration += info.duration();
        if (info.gettingResultTime() > 0) {
            totals.fetchResult += info.finishTime() - info.gettingResultTime();
        }
        if (metrics != null) {
            totals.deserialize += metrics.executorDeserializeTime();
            totals.run += metrics.executorRunTime();
            totals.gc += metrics.jvmGCTime();
            totals.resultSerialize += metrics.resultSerializationTime();
            totals.resultBytes += metrics.resultSize();
        }
    }

    /**
     * Notes the application's start: how long it took (with Spark's wait for the expected executors and
     * {@link ClusterWatch}'s for the first), and when the executors that registered meanwhile did, which this
     * listener, added once the context exists, did not hear of.
     *
     * @param nanos how long the start took
     * @param spark the application
     */
    synchronized void started(long nanos, SparkContext spark) {
        startNanos = nanos;
        try {
            // Spark's status store (internal to Spark, hence the guard): executors' registration times.
            for (ExecutorSummary executor : CollectionConverters.asJava(spark.statusStore().executorList(true))) {
                if (!"driver".equals(executor.id())) {
                    executorRegistered.putIfAbsent(executor.id(), executor.addTime().getTime() - applicationStart);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // Another Spark version: the figures lack the early registrations, nothing else.
        }
    }

    /** @return the figures as lines of text, one for the executors and one per stage */
    synchronized List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "spark: application started in %.1f s (with the wait for executors)",
                startNanos / 1e9));
        if (!executorRegistered.isEmpty()) {
            StringBuilder line = new StringBuilder("spark: executors registered after the application started:");
            executorRegistered.forEach((id, ms) -> line.append(String.format(Locale.ROOT, " %s at %.1f s", id, ms / 1e3)));
            lines.add(line.toString());
        }
        stages.forEach((stage, t) -> lines.add(String.format(Locale.ROOT,
                "spark: %s: %d jobs over %.1f s, %d tasks %s; summed over tasks: run %.1f s, deserialise"
                        + " %.2f s, GC %.2f s, result serialise %.2f s, result fetch %.2f s, scheduler delay %.2f s;"
                        + " results %.1f MB",
                stage, t.jobs, t.lastJobEnd > 0 ? (t.lastJobEnd - t.firstJobStart) / 1e3 : 0.0, t.tasks,
                t.tasksPerExecutor, t.run / 1e3, t.deserialize / 1e3, t.gc / 1e3,
                t.resultSerialize / 1e3, t.fetchResult / 1e3, t.schedulerDelay() / 1e3, t.resultBytes / 1e6)));
        return lines;
    }
}
