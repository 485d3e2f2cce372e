package org.touchstone.runner.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by commands that execute a run. */
final class ExecutionOptions {
    @Option(names = "--out", paramLabel = "DIR",
            description = "Run directory to create (default: runs/<timestamp>-<label>). Must not exist or be empty.")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where synthetic datasets are generated and cached (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    Optional<Path> out() {
        return Optional.ofNullable(out);
    }

    int threads() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, was " + threads);
        }
        return threads;
    }
}
