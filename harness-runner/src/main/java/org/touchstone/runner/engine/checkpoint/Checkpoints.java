package org.touchstone.runner.engine.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.touchstone.runformat.RunFiles;

/**
 * The resume state of a run: the folder {@code checkpoint/} of the run directory, holding the logs
 * that let a run killed at any moment (even by {@code kill -9}) continue where it stopped when the same
 * command is given again. It is private to the harness, never hashed into {@code run.json}, and deleted
 * once the run is complete.
 *
 * <p>Two kinds of work are checkpointed, and every stage of every capability fits one of them:
 * <ul>
 *   <li>independent calls whose outputs are written at the end of the stage (template creation, image
 *       analyses, a gallery's searches): log each call's (or gallery's) outcome as it completes in a
 *       {@link RecordLog}
 *       ({@link #log}; {@link TemplateLog} does it for template outcomes), and on resume make only the
 *       calls that have no record;</li>
 *   <li>ordered outputs streamed unit by unit (comparisons): write them through a
 *       {@link ResumableOutput} ({@link #output}) and commit after each unit with the writer's state;
 *       on resume continue from the last committed unit.</li>
 * </ul>
 */
public final class Checkpoints {
    private final Path directory;
    private final Path runDir;

    private Checkpoints(Path runDir) {
        this.runDir = runDir;
        this.directory = runDir.resolve(RunFiles.CHECKPOINT_DIRECTORY);
    }

    /**
     * @param runDir a run directory
     * @return its checkpoints (the folder is made when first used)
     */
    public static Checkpoints of(Path runDir) {
        return new Checkpoints(runDir);
    }

    /**
     * @param name the log's name, unique within the run, e.g. {@code templates}
     * @return the log, with the records of an interrupted run recovered
     * @throws IOException if it cannot be opened
     */
    public RecordLog log(String name) throws IOException {
        return RecordLog.open(directory.resolve(name + ".log"));
    }

    /**
     * @param name the log's name, unique within the run
     * @return a log of template outcomes
     * @throws IOException if it cannot be opened
     */
    public TemplateLog templates(String name) throws IOException {
        return TemplateLog.open(directory.resolve(name + ".log"));
    }

    /**
     * @param stage the stage's name, e.g. {@code comparisons}
     * @return its clock, started, with the time earlier attempts of the run spent in the stage
     * @throws IOException if its log cannot be opened or read
     */
    public StageClock clock(String stage) throws IOException {
        RecordLog log = log(stage + ".seconds");
        try {
            return StageClock.start(log);
        } catch (IOException e) {
            log.close();
            throw e;
        }
    }

    /**
     * @param fileName a file of the run directory, e.g. {@code comparisons.csv}
     * @return the output, resumed after its last committed unit
     * @throws IOException if it cannot be opened
     */
    public ResumableOutput output(String fileName) throws IOException {
        return ResumableOutput.open(runDir.resolve(fileName), directory.resolve(fileName + ".log"));
    }

    /**
     * Deletes the resume state; called once the run is complete and recorded as such.
     *
     * @throws IOException if it cannot be deleted
     */
    public void discard() throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
