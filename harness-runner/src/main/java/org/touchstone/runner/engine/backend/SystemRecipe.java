package org.touchstone.runner.engine.backend;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.touchstone.api.Capability;
import org.touchstone.runner.systems.CallLimits;
import org.touchstone.runner.systems.resolve.SystemResolver;

/**
 * Everything another JVM needs to open the run's system as the driver did: the {@code --system} name,
 * resolved again where it is used (so a jar, a worker process or a service is reached from the executor
 * itself), the configuration folder, the deadlines, and what the driver opened, to check that the
 * executor found the same system.
 *
 * @param system          the {@code --system} argument, e.g. {@code lbp} or {@code jar:/shared/vendor.jar}
 *                        (see {@link #withAbsolutePath})
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

    /**
     * A {@code --system} name that means the same in another working directory: the path of a
     * {@code jar:} or {@code process:} name made absolute (ids and URLs are left as they are).
     *
     * @param system a {@code --system} argument
     * @return the same system, named by an absolute path where it names a file
     */
    public static String withAbsolutePath(String system) {
        if (system.startsWith(SystemResolver.PROCESS)) {
            return SystemResolver.PROCESS + Path.of(system.substring(SystemResolver.PROCESS.length())).toAbsolutePath();
        }
        if (system.startsWith(SystemResolver.JAR)) {
            String rest = system.substring(SystemResolver.JAR.length());
            int bang = rest.lastIndexOf('!');
            String path = bang >= 0 ? rest.substring(0, bang) : rest;
            return SystemResolver.JAR + Path.of(path).toAbsolutePath() + (bang >= 0 ? rest.substring(bang) : "");
        }
        return system;
    }

    /** @return the configuration folder, if any */
    public Optional<Path> config() {
        return Optional.ofNullable(configFolder).map(Path::of);
    }
}
