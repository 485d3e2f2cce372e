package org.touchstone.runner.engine.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.touchstone.runner.engine.rundir.AtomicFiles;
import org.touchstone.runner.engine.rundir.RunJson;

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
public record RunDirectoryState(Kind kind, Optional<JsonNode> previous) {
    /** Keeps a copy of the {@code run.json} found, so that nobody changes what was read. */
    public RunDirectoryState {
        previous = previous.map(JsonNode::deepCopy);
    }

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
        Path file = runDir.resolve(RunJson.FILE);
        try (Stream<Path> entries = Files.list(runDir)) {
            // A run killed before its first run.json was in place leaves at most files still being written.
            if (!Files.exists(file) && entries.allMatch(p -> p.getFileName().toString()
                    .endsWith(AtomicFiles.PARTIAL_SUFFIX) && Files.isRegularFile(p))) {
                return new RunDirectoryState(Kind.NEW, Optional.empty());
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new RunDirectoryConflictException("run directory " + runDir + " already exists and is not empty;"
                    + " choose another --out");
        }
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new RunDirectoryConflictException("run directory " + runDir + " has an unreadable " + RunJson.FILE
                    + " (" + e.getMessage() + "); choose another --out");
        }
        if (json == null || !RunJson.FORMAT.equals(json.path("format").asText())) {
            throw new RunDirectoryConflictException("run directory " + runDir + " holds a " + RunJson.FILE
                    + " that is not a Touchstone run (" + RunJson.FORMAT + "); choose another --out");
        }
        List<String> differences = RunIdentity.recordedIn(json).differences(identity);
        String status = json.path("status").asText("");
        if (!differences.isEmpty()) {
            throw new RunDirectoryConflictException("run directory " + runDir + " holds a different run ("
                    + status + "), so it cannot be " + (status.equals("complete") ? "reused" : "resumed") + ": "
                    + String.join("; ", differences) + ". Choose another --out, or repeat that run's command.");
        }
        return switch (status) {
            case "complete" -> new RunDirectoryState(Kind.COMPLETE, Optional.of(json));
            case "running", "failed" -> new RunDirectoryState(Kind.RESUME, Optional.of(json));
            default -> throw new RunDirectoryConflictException("run directory " + runDir + " has run status '"
                    + status + "', which is none of running, failed, complete");
        };
    }

    /** @return the id of the run found, to keep when resuming */
    public Optional<String> previousRunId() {
        return previous.map(j -> j.path("run_id").asText(null));
    }
}
