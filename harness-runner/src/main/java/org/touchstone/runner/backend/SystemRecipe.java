package org.touchstone.runner.backend;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.touchstone.api.Capability;
import org.touchstone.runner.systems.CallLimits;

/**
 * Everything another JVM needs to open the run's system as the driver did: the {@code --system} name,
 * resolved again where it is used (so a jar, a worker process or a service is reached from the executor
 * itself), the configuration folder, the deadlines, and what the driver opened, to check that the
 * executor found the same system.
 *
 * @param system          the {@code --system} argument, e.g. {@code lbp} or {@code jar:/shared/vendor.jar}
 * @param configFolder    the {@code --config} folder as an absolute path, or null for none (it must be
 *                        readable at the same path where units run)
 * @param timeLimits      deadlines given on the command line (the rest keep their defaults)
 * @param capability      the capability the protocol tests
 * @param protocolRef     the protocol, for messages
 * @param expectedId      the id of the system the driver opened
 * @param expectedVersion its version
 */
public record SystemRecipe(String system, String configFolder, Map<CallLimits.Operation, Duration> timeLimits,
                           Capability capability, String protocolRef, String expectedId, String expectedVersion)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Canonical form: the deadlines are copied into a serializable map. */
    public SystemRecipe {
        timeLimits = timeLimits.isEmpty() ? new EnumMap<>(CallLimits.Operation.class) : new EnumMap<>(timeLimits);
    }

    /** @return the configuration folder, if any */
    public Optional<Path> config() {
        return Optional.ofNullable(configFolder).map(Path::of);
    }
}
