package org.touchstone.runner.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options shared by commands that execute a run. */
final class ExecutionOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Run directory to create (default: runs/<timestamp>-<label>). Must not exist or be empty.")
    Path out;

    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where synthetic datasets are generated and cached (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    /**
     * @param threads worker threads, validated as picocli parses so a bad value is a usage error (exit 2)
     */
    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    void threads(int threads) {
        if (threads < 1) {
            throw new ParameterException(mixee.commandLine(), "--threads must be at least 1, was " + threads);
        }
        this.threads = threads;
    }

    Optional<Path> out() {
        return Optional.ofNullable(out);
    }

    int threads() {
        return threads;
    }
}
