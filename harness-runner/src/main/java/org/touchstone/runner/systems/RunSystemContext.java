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
 */
public record RunSystemContext(Optional<Path> configDirectory, Path workingDirectory, int callerThreads)
        implements SystemContext {
}
