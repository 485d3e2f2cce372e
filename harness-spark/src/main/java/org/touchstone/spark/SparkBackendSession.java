package org.touchstone.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.CollectionAccumulator;
import org.touchstone.runner.engine.backend.BackendSession;
import org.touchstone.runner.engine.backend.ExecutorResources;
import org.touchstone.runner.engine.backend.Mergeable;
import org.touchstone.runner.engine.backend.ResultSink;
import org.touchstone.runner.engine.backend.ScopedResources;
import org.touchstone.runner.engine.backend.Shared;
import org.touchstone.runner.engine.backend.SystemRecipe;
import org.touchstone.runner.engine.backend.UnitJob;
import org.touchstone.runner.engine.backend.WorkPlan;
import org.touchstone.runner.engine.backend.Worker;
import org.touchstone.runner.engine.backend.WorkerSystems;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.engine.timing.CallTimings;

/**
 * One run on a Spark application. A plan runs as a sequence of jobs, each over a <em>wave</em> of
 * consecutive units (at most {@link WorkPlan#maxUnitsPerResult()}): the wave's units are cut into
 * partitions of consecutive units, each partition computes and merges its units' results
 * ({@code mapPartitions}), and the driver merges the partitions' results in partition order and hands the
 * wave's result to the sink. The next wave is already submitted while the driver writes one, so the
 * cluster does not wait for the writer. Each partition records its SPI calls' latencies into a record of
 * its own, sent back through an accumulator and added to the run's when the plan is done.
 */
final class SparkBackendSession implements BackendSession {
    /** Partitions per core in a wave: enough for load balancing, few enough that a partition is worth a task. */
    private static final int PARTITIONS_PER_CORE = 4;
    /** Waves submitted ahead of the one being written. */
    private static final int WAVES_IN_FLIGHT = 2;

    private final JavaSparkContext spark;
    private final SystemRecipe recipe;
    private final CallTimings timings;
    private final CollectionAccumulator<CallTimings.Snapshot> partitionTimings;
    private final CollectionAccumulator<ExecutorResources> partitionMemory;
    private final ClusterWatch watch;
    private final SparkTaskTimes taskTimes;
    /** Each executor's peaks, as its partitions reported them. */
    private final Map<String, ExecutorResources> executors = new TreeMap<>();

    SparkBackendSession(JavaSparkContext spark, SystemRecipe recipe, CallTimings timings, ClusterWatch watch,
                        SparkTaskTimes taskTimes) {
        this.spark = spark;
        this.taskTimes = taskTimes;
        this.recipe = recipe;
        this.timings = timings;
        this.watch = watch;
        // Unnamed on purpose: Spark posts a named accumulator's update and its whole value so far as text to
        // its status listener after every task, and the text of a partition's latency histograms is every
        // recorded value. On the driver that took more CPU than writing the results (the listener thread
        // spent 93% of its samples in HdrHistogram's toString over a 1:1 comparison stage).
        this.partitionTimings = spark.sc().collectionAccumulator();
        this.partitionMemory = spark.sc().collectionAccumulator();
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> d = new TreeMap<>();
        d.put("backend", SparkBackend.NAME);
        d.put("spark_master", spark.master());
        d.put("spark_version", spark.version());
        d.put("spark_parallelism", Integer.toString(parallelism()));
        return d;
    }

    @Override
    public int parallelism() {
        return spark.defaultParallelism();
    }

    @Override
    public <T extends Serializable> Shared<T> share(T value) {
        return new Broadcasted<>(spark.broadcast(value));
    }

    @Override
    public <U extends Serializable, R extends Mergeable<R>> void run(WorkPlan<U, R> plan, ResultSink<R> sink)
            throws IOException, InterruptedException {
        List<U> units = plan.units();
        int wave = Math.min(plan.maxUnitsPerResult(), Math.max(1, units.size()));
        PartitionFold<U, R> fold = new PartitionFold<>(plan.job(), recipe, partitionTimings, partitionMemory);
        Deque<Wave<R>> running = new ArrayDeque<>();
        int next = 0;
        try {
            while (next < units.size() || !running.isEmpty()) {
                while (next < units.size() && running.size() < WAVES_IN_FLIGHT) {
                    int end = Math.min(units.size(), next + wave);
                    List<U> slice = new ArrayList<>(units.subList(next, end));
                    int partitions = Math.min(slice.size(), PARTITIONS_PER_CORE * parallelism());
                    spark.setJobDescription(plan.stage() + ": units " + next + " to " + (end - 1));
                    running.add(new Wave<>(next, end, spark.parallelize(slice, partitions).mapPartitions(fold)
                            .collectAsync()));
                    next = end;
                }
                Wave<R> done = running.removeFirst();
                R merged = null;
                for (R partition : await(done.results(), plan.stage(), watch)) {
                    merged = merged == null ? partition : merged.mergedWith(partition);
                }
                sink.accept(done.first(), done.end(), merged);
            }
        } finally {
            running.forEach(w -> w.results().cancel(true));
            // A task Spark retried counts its calls twice: they were made twice.
            partitionTimings.value().forEach(timings::add);
            partitionTimings.reset();
            partitionMemory.value().forEach(m -> executors.merge(m.executorId(), m, ExecutorResources::max));
            partitionMemory.reset();
        }
    }

    @Override
    public List<ExecutorResources> executorResources() {
        return List.copyOf(executors.values());
    }

    /** Waits for a job, failing (rather than waiting forever) when its cluster is gone. */
    private static <R> List<R> await(JavaFutureAction<List<R>> results, String stage, ClusterWatch watch)
            throws InterruptedException, IOException {
        while (true) {
            try {
                return results.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                watch.check(stage);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new IllegalStateException("Spark could not compute " + stage + ": " + cause.getMessage(), cause);
            }
        }
    }

    @Override
    public void close() {
        try {
            // Stopping drains Spark's listener bus: the task times are complete afterwards.
            spark.stop();
            if (Boolean.getBoolean(SparkTaskTimes.PROPERTY)) {
                taskTimes.report().forEach(System.err::println);
            }
        } finally {
            // In local mode the executors are this JVM: close the systems they opened.
            WorkerSystems.closeAll();
        }
    }

    /** A wave of units submitted as one job. */
    private record Wave<R>(int first, int end, JavaFutureAction<List<R>> results) {
    }

    /** A value broadcast once to every executor. */
    private record Broadcasted<T>(Broadcast<T> broadcast) implements Shared<T> {
        @Override
        public T get() {
            return broadcast.value();
        }
    }

    /**
     * Computes a partition's units in order and merges their results into one: the executor side of a wave.
     * Resources the units share (gallery shards) live as long as the partition.
     */
    private static final class PartitionFold<U, R extends Mergeable<R>> implements FlatMapFunction<Iterator<U>, R> {
        private static final long serialVersionUID = 1L;
        private final UnitJob<U, R> job;
        private final SystemRecipe recipe;
        private final CollectionAccumulator<CallTimings.Snapshot> timings;
        private final CollectionAccumulator<ExecutorResources> memory;

        PartitionFold(UnitJob<U, R> job, SystemRecipe recipe, CollectionAccumulator<CallTimings.Snapshot> timings,
                      CollectionAccumulator<ExecutorResources> memory) {
            this.job = job;
            this.recipe = recipe;
            this.timings = timings;
            this.memory = memory;
        }

        @Override
        public Iterator<R> call(Iterator<U> units) {
            if (!units.hasNext()) {
                return Collections.emptyIterator();
            }
            R merged = null;
            CallTimings partition = CallTimings.recording();
            try (ScopedResources scope = new ScopedResources()) {
                Worker worker = new Worker() {
                    @Override
                    public OpenedSystem system() {
                        return WorkerSystems.open(recipe, Runtime.getRuntime().availableProcessors());
                    }

                    @Override
                    public CallTimings timings() {
                        return partition;
                    }

                    @Override
                    public <T extends AutoCloseable> T scoped(String key, Factory<T> factory) {
                        return scope.get(key, factory);
                    }
                };
                while (units.hasNext()) {
                    R result = job.compute(units.next(), worker);
                    merged = merged == null ? result : merged.mergedWith(result);
                }
            }
            timings.add(partition.snapshot());
            SparkEnv env = SparkEnv.get();
            // In local mode the executor is the driver, whose use run.json records anyway.
            if (env != null && !"driver".equals(env.executorId())) {
                memory.add(ExecutorResources.ofThisJvm(env.executorId(), env.blockManager().blockManagerId().host()));
            }
            return Collections.singletonList(merged).iterator();
        }
    }
}
