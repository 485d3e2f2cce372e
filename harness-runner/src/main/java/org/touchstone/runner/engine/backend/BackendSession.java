package org.touchstone.runner.engine.backend;

import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/**
 * A backend started for one run: computes the run's work plans and gives their results back in plan order.
 * Used by one thread, the run's driver.
 */
public interface BackendSession extends AutoCloseable {
    /**
     * @return what to record under run.json's {@code execution}: at least {@code backend} (the backend's
     *         name); e.g. Spark's master and version
     */
    Map<String, String> describe();

    /** @return how many units it computes at once, at most (for sizing plans) */
    int parallelism();

    /**
     * Makes a read-only value available to every unit of the plans that follow (Spark broadcasts it, the
     * embedded backend hands out the same object).
     *
     * @param value the value; must not change afterwards
     * @param <T>   its type
     * @return a handle that units may carry and {@linkplain Shared#get() read} wherever they run
     */
    <T extends Serializable> Shared<T> share(T value);

    /**
     * Computes every unit of a plan and hands the results to {@code sink}, merged over runs of consecutive
     * units, in plan order, on the calling thread. Each unit's result is computed once; the backend chooses
     * how many consecutive units each call of the sink covers (at least one, at most
     * {@link WorkPlan#maxUnitsPerResult()}). Memory stays bounded: only a bounded number of units' results
     * exist at once.
     *
     * @param plan the units and what to compute for each
     * @param sink what is done with the merged results, in order
     * @param <U>  unit type
     * @param <R>  result type
     * @throws IOException          from the sink
     * @throws InterruptedException if interrupted while waiting for results
     */
    <U extends Serializable, R extends Mergeable<R>> void run(WorkPlan<U, R> plan, ResultSink<R> sink)
            throws IOException, InterruptedException;

    /**
     * @return what each executor JVM of a distributed backend used, by executor; empty where the work ran in
     *         the driver's JVM (whose own use run.json records anyway). Complete once the plans have run.
     */
    default java.util.List<ExecutorResources> executorResources() {
        return java.util.List.of();
    }

    /** Stops whatever the session started (threads, a Spark context, systems opened for it). */
    @Override
    void close();
}
