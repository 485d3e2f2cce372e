package org.touchstone.runner.engine.backend;

import org.touchstone.runner.engine.timing.CallTimings;
import org.touchstone.runner.systems.OpenedSystem;

/** What a work unit runs with, wherever it runs: the system under test, and resources its units share. */
public interface Worker {
    /**
     * @return the run's system, opened in this JVM (once per JVM: the driver's own system on the embedded
     *         backend, one opened from the run's {@link SystemRecipe} in each executor elsewhere)
     * @throws IllegalStateException if it cannot be opened here, which fails the run: a system that opened
     *                               on the driver and not on an executor is a broken deployment, not a
     *                               result
     */
    OpenedSystem system();

    /**
     * @return where the units' guards record the latency of each SPI call (the run's own record on the
     *         embedded backend; elsewhere one per partition, which the backend merges into the run's)
     */
    CallTimings timings();

    /**
     * A resource shared by the units that run nearby (on the embedded backend, all units of one
     * {@link BackendSession#run run}; on Spark, the units of one partition), made by the first unit that
     * asks and closed when they are done: for example a gallery shard, built once and searched by many
     * units. Units that ask concurrently wait for the one that makes it.
     *
     * @param key     names the resource; units asking with equal keys get the same one
     * @param factory makes it
     * @param <T>     its type
     * @return the resource
     */
    <T extends AutoCloseable> T scoped(String key, Factory<T> factory);

    /**
     * Makes a scoped resource.
     *
     * @param <T> its type
     */
    @FunctionalInterface
    interface Factory<T> {
        /** @return the resource */
        T make();
    }
}
