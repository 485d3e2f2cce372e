package org.touchstone.runner.systems;

import java.nio.file.Path;
import java.util.Optional;
import org.touchstone.api.SystemContext;

/**
 * The context handed to a system at open time.
 *
 * @param configDirectory  the read-only copy of the system's configuration, if any
 * @param workingDirectory a writable scratch folder
 * @param callerThreads    how many threads will call the system at once
 * @param logDirectory     harness-side: where adapters keep logs of the run (the run directory's
 *                         {@code logs/}, for example the stderr of subprocess workers); empty outside a run
 */
public record RunSystemContext(Optional<Path> configDirectory, Path workingDirectory, int callerThreads,
                               Optional<Path> logDirectory) implements SystemContext {
    /**
     * A context without a log directory.
     *
     * @param configDirectory  the read-only copy of the system's configuration, if any
     * @param workingDirectory a writable scratch folder
     * @param callerThreads    how many threads will call the system at once
     */
    public RunSystemContext(Optional<Path> configDirectory, Path workingDirectory, int callerThreads) {
        this(configDirectory, workingDirectory, callerThreads, Optional.empty());
    }
}
