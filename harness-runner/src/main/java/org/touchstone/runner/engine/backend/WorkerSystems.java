package org.touchstone.runner.engine.backend;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.runner.systems.CapabilityMismatchException;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.SystemRegistry;
import org.touchstone.runner.systems.resolve.SystemResolver;
import org.touchstone.runner.systems.UnknownSystemException;

/**
 * The systems opened in this JVM for work units that run away from the driver (Spark executors): each
 * {@link SystemRecipe} is resolved and opened once per JVM, on first use, and shared by every unit that
 * runs here afterwards, as the driver shares its own. They stay open until {@link #closeAll()} (called when
 * a run ends, or at JVM exit), because executors outlive a stage and a system may take long to load.
 */
public final class WorkerSystems {
    private static final Map<SystemRecipe, OpenedSystem> OPENED = new HashMap<>();
    private static boolean shutdownHook;

    private WorkerSystems() {
    }

    /**
     * @param recipe        how to open the system
     * @param callerThreads how many threads of this JVM will call it at once
     * @return the system, opened in this JVM
     * @throws IllegalStateException if it cannot be resolved or opened, or is not the system the driver opened
     */
    public static synchronized OpenedSystem open(SystemRecipe recipe, int callerThreads) {
        OpenedSystem opened = OPENED.get(recipe);
        if (opened != null) {
            return opened;
        }
        try {
            FaceSystemProvider provider = new SystemResolver(new SystemRegistry(Backends.classLoader()))
                    .resolve(recipe.system(), recipe.timeLimits());
            String id = provider.descriptor().id();
            String version = provider.descriptor().version();
            if (!id.equals(recipe.expectedId()) || !version.equals(recipe.expectedVersion())) {
                throw new IllegalStateException("system '" + recipe.system() + "' is " + id + " " + version
                        + " here, but " + recipe.expectedId() + " " + recipe.expectedVersion() + " on the driver");
            }
            opened = OpenedSystem.open(provider, recipe.config(), recipe.capability(), recipe.protocolRef(),
                    callerThreads, Optional.empty());
        } catch (UnknownSystemException | IOException | FaceSystemException | CapabilityMismatchException e) {
            throw new IllegalStateException("cannot open system '" + recipe.system() + "' in this JVM: "
                    + e.getMessage(), e);
        }
        OPENED.put(recipe, opened);
        if (!shutdownHook) {
            shutdownHook = true;
            Runtime.getRuntime().addShutdownHook(new Thread(WorkerSystems::closeAll, "touchstone-close-systems"));
        }
        return opened;
    }

    /** Closes every system this JVM opened for work units. */
    public static synchronized void closeAll() {
        OPENED.values().forEach(OpenedSystem::close);
        OPENED.clear();
    }
}
