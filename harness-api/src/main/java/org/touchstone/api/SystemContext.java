package org.touchstone.api;

import java.nio.file.Path;
import java.util.Optional;

/** What the harness hands a system when it opens it. */
public interface SystemContext {
    /**
     * The system's configuration directory (models, parameters), as FRVT's {@code configDir}. It is
     * read-only: the harness may place it on a read-only file system or at a random location, so never
     * write into it and never rely on its path.
     *
     * @return the directory, or empty when the system was started without one
     */
    Optional<Path> configDirectory();

    /**
     * A writable directory owned by this system for the duration of the run (scratch files, caches).
     *
     * @return the directory, which exists
     */
    Path workingDirectory();

    /**
     * How many threads the harness will call the system from at once; a hint for sizing internal pools.
     *
     * @return at least 1
     */
    int callerThreads();
}
