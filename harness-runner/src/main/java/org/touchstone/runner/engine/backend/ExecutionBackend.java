package org.touchstone.runner.engine.backend;

import java.io.IOException;

/**
 * Where a run's work units are computed. The stages of a run cut their work into a plan of independent,
 * serializable units ({@link WorkPlan}) whose results merge; a backend computes the units, wherever it
 * likes, and hands the merged results back in plan order. The stages never learn where the work ran, so
 * that the run directory's bytes do not depend on the backend (but for latencies).
 *
 * <p>Backends are found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/org.touchstone.runner.engine.backend.ExecutionBackend}. The embedded thread pool
 * ({@value Backends#EMBEDDED}) is built in and is the default; others (Apache Spark, in the optional
 * {@code harness-spark} module) are found when their jars are on the class path.
 */
public interface ExecutionBackend {
    /** @return the name that selects it on the command line ({@code --backend NAME}), e.g. {@code spark} */
    String name();

    /** @return one line for people, shown when the name is unknown */
    String description();

    /**
     * @return the names of the options it takes (e.g. {@code master}); any other is refused before a run
     *         starts
     */
    java.util.Set<String> options();

    /**
     * Starts the backend for one run.
     *
     * @param context the run's system, threads and backend options
     * @return the session that computes the run's plans; closed when the run ends
     * @throws IOException              if the backend cannot start
     * @throws IllegalArgumentException if an option is unknown or malformed, naming it
     */
    BackendSession open(BackendContext context) throws IOException;
}
