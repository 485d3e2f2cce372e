package org.touchstone.runner.engine.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.touchstone.runformat.io.AtomicFiles;
import org.touchstone.runformat.runjson.RunJson;
import org.touchstone.runformat.runjson.RunJsonFile;
import org.touchstone.runformat.runjson.RunStatus;

/**
 * What a run directory holds before a run starts in it, which decides what "the same command again"
 * does: a new or empty folder (or one holding only {@code *.partial} files of a run killed before its
 * {@code run.json} was written) starts a run; a folder whose {@code run.json} says {@code running} or
 * {@code failed} for the same run ({@link RunIdentity}) resumes it; one that says {@code complete} for the
 * same run is left alone. Anything else is refused with the reason, and left untouched.
 *
 * @param kind     what to do
 * @param previous the {@code run.json} found, when resuming or complete
 */
public record RunDirectoryState(Kind kind, Optional<RunJson> previous) {
    /** What to do with the run directory. */
    public enum Kind {
        /** Start a run in a new or empty folder. */
        NEW,
        /** Continue an interrupted run. */
        RESUME,
        /** The run is already complete: nothing to do. */
        COMPLETE
    }

    /**
     * @param runDir   the run directory
     * @param identity the run about to start
     * @return what the folder holds
     * @throws RunDirectoryConflictException if the folder holds something else or a different run
     * @throws IOException                   if it cannot be read
     */
    public static RunDirectoryState inspect(Path runDir, RunIdentity identity) throws IOException {
        if (!Files.exists(runDir)) {
            return new RunDirectoryState(Kind.NEW, Optional.empty());
        }
        Path file = runDir.resolve(RunJsonFile.NAME);
        try (Stream<Path> entries = Files.list(runDir)) {
            // A run killed before its first run.json was in place leaves at most files still being written.
            if (!Files.exists(file) && entries.allMatch(p -> AtomicFiles.isPartial(p.getFileName().toString())
                    && Files.isRegularFile(p))) {
                return new RunDirectoryState(Kind.NEW, Optional.empty());
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new RunDirectoryConflictException("run directory " + runDir + " already exists and is not empty;"
                    + " choose another --out");
        }
        RunJson json;
        try {
            json = RunJsonFile.read(file).run();
        } catch (IOException e) {
            // Malformed JSON, another format, a value out of place: not a run this Touchstone can continue.
            throw new RunDirectoryConflictException("run directory " + runDir + " holds a " + RunJsonFile.NAME
                    + " this Touchstone cannot resume or reuse (" + e.getMessage() + "); choose another --out");
        }
        List<String> differences = RunIdentity.recordedIn(json).differences(identity);
        RunStatus status = json.status();
        if (status == null) {
            throw new RunDirectoryConflictException("run directory " + runDir + " has a " + RunJsonFile.NAME
                    + " without a run status; choose another --out");
        }
        if (!differences.isEmpty()) {
            throw new RunDirectoryConflictException("run directory " + runDir + " holds a different run ("
                    + status.text() + "), so it cannot be " + (status == RunStatus.COMPLETE ? "reused" : "resumed")
                    + ": " + String.join("; ", differences) + ". Choose another --out, or repeat that run's command.");
        }
        return new RunDirectoryState(status == RunStatus.COMPLETE ? Kind.COMPLETE : Kind.RESUME, Optional.of(json));
    }

    /** @return the id of the run found, to keep when resuming */
    public Optional<String> previousRunId() {
        return previous.map(RunJson::runId);
    }
}
