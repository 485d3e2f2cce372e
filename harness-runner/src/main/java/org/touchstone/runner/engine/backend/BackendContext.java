package org.touchstone.runner.engine.backend;

import org.touchstone.runner.engine.timing.CallTimings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.touchstone.runner.systems.OpenedSystem;

/**
 * What a backend starts with for one run.
 *
 * @param runId   the run's id (e.g. for a Spark application name)
 * @param runDir  the run directory
 * @param system  the system opened on the driver, which the embedded backend calls directly
 * @param recipe  how other JVMs open the same system; empty when the system was handed over as an object
 *                (in tests) and cannot be opened elsewhere
 * @param threads the run's {@code --threads}
 * @param options the backend's options from the command line (e.g. {@code master=local[2]})
 * @param timings where the latency of every SPI call the units make is recorded, wherever they run
 */
public record BackendContext(String runId, Path runDir, OpenedSystem system, Optional<SystemRecipe> recipe,
                             int threads, Map<String, String> options, CallTimings timings) {
    /** Copies the options. */
    public BackendContext {
        options = Map.copyOf(options);
    }

    /**
     * @param backend the backend asking, for the message
     * @return how other JVMs open the system
     * @throws IllegalArgumentException when the run has no recipe
     */
    public SystemRecipe requireRecipe(String backend) {
        return recipe.orElseThrow(() -> new IllegalArgumentException("backend '" + backend + "' opens the system"
                + " in other JVMs and needs it named by --system; this run was handed a system object"));
    }
}
