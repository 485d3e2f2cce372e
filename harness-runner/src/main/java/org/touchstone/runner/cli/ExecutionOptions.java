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
            description = "Run directory (default: runs/<run id>). A new or empty folder starts the run; a folder"
                    + " holding this same run, interrupted, resumes it; a complete one is left as it is.")
    Path out;

    private int threads = Runtime.getRuntime().availableProcessors();

    private String runId;

    /**
     * @param runId the run's id, validated as picocli parses
     */
    @Option(names = "--run-id", paramLabel = "ID",
            description = "The run's id, recorded in run.json and metrics.json (default: <timestamp>-<command>);"
                    + " also names the run directory when --out is not given. A resumed run keeps its first id.")
    void runId(String runId) {
        if (!runId.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new ParameterException(mixee.commandLine(), "--run-id must be letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit; was '" + runId + "'");
        }
        this.runId = runId;
    }

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

    Optional<String> runId() {
        return Optional.ofNullable(runId);
    }
}
