package org.touchstone.runner.engine.prepare;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.touchstone.runner.engine.backend.Backends;
import org.touchstone.runner.systems.CallLimits;

/**
 * Where and how a run's work units are computed.
 *
 * @param backend          the execution backend's name ({@code embedded}, {@code spark})
 * @param backendOptions   options for it, e.g. {@code master=local[2]}
 * @param system           how the system was named on the command line, so that other JVMs can open it
 *                         again; empty when the run was handed a system object
 * @param galleryShardSize enrolment templates per gallery shard in 1:N searches ({@link Integer#MAX_VALUE}:
 *                         a gallery is one shard)
 * @param limits           the run's image and template size limits
 */
public record ExecutionSettings(String backend, Map<String, String> backendOptions, Optional<SystemName> system,
                                int galleryShardSize, RunLimits limits) {
    /** The default: the embedded thread pool, unsharded galleries, the default limits. */
    public static final ExecutionSettings EMBEDDED = new ExecutionSettings(Backends.EMBEDDED, Map.of(),
            Optional.empty(), Integer.MAX_VALUE);

    /**
     * Settings with the default limits.
     *
     * @param backend          the execution backend's name
     * @param backendOptions   options for it
     * @param system           how the system was named on the command line
     * @param galleryShardSize enrolment templates per gallery shard in 1:N searches
     */
    public ExecutionSettings(String backend, Map<String, String> backendOptions, Optional<SystemName> system,
                             int galleryShardSize) {
        this(backend, backendOptions, system, galleryShardSize, RunLimits.DEFAULT);
    }

    /** Copies the options and checks the shard size. */
    public ExecutionSettings {
        java.util.Objects.requireNonNull(limits, "limits");
        backendOptions = Map.copyOf(backendOptions);
        if (galleryShardSize < 1) {
            throw new IllegalArgumentException("gallery shard size must be at least 1, was " + galleryShardSize);
        }
    }

    /**
     * A system as the command line named it.
     *
     * @param spec       the {@code --system} argument
     * @param config     the {@code --config} folder, if any
     * @param timeLimits deadlines given on the command line
     */
    public record SystemName(String spec, Optional<Path> config, Map<CallLimits.Operation, Duration> timeLimits) {
        /** Copies the deadlines. */
        public SystemName {
            timeLimits = Map.copyOf(timeLimits);
        }
    }
}
