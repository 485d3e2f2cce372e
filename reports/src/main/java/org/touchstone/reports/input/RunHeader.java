package org.touchstone.reports.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.touchstone.reports.verification.NamedThreshold;
import org.touchstone.runformat.RunDirectoryException;
import org.touchstone.runformat.runjson.AnalysisEvaluation;
import org.touchstone.runformat.runjson.Evaluation;
import org.touchstone.runformat.runjson.IdentificationEvaluation;
import org.touchstone.runformat.runjson.RunJson;
import org.touchstone.runformat.runjson.RunJsonFile;
import org.touchstone.runformat.runjson.ScoreRangeBlock;
import org.touchstone.runformat.runjson.SystemBlock;
import org.touchstone.runformat.runjson.VerificationEvaluation;

/**
 * What every report needs from {@code run.json} whatever the capability: the format, the run's id, the
 * capability evaluated (which decides how the rest of the {@code evaluation} block and the raw files are
 * read) and a summary of the system under test.
 *
 * @param runId      the run's id, or null when absent
 * @param capability one of {@link #CAPABILITIES}
 * @param system     the system under test
 */
public record RunHeader(String runId, String capability, VerificationRunSettings.SystemSummary system) {
    /** Capability of a 1:1 verification run. */
    public static final String VERIFICATION = VerificationEvaluation.CAPABILITY;
    /** Capability of a 1:N identification run. */
    public static final String IDENTIFICATION = IdentificationEvaluation.CAPABILITY;
    /** Capability of a face analysis (attribute) run. */
    public static final String ANALYSIS = AnalysisEvaluation.CAPABILITY;
    /** Every capability the reports cover. */
    public static final List<String> CAPABILITIES = Evaluation.CAPABILITIES;

    /**
     * @param runId      may be null
     * @param capability one of {@link #CAPABILITIES}
     * @param system     not null
     */
    public RunHeader {
        if (!CAPABILITIES.contains(capability)) {
            throw new IllegalArgumentException("unknown capability " + capability);
        }
        Objects.requireNonNull(system, "system");
    }

    /**
     * The header of a run.
     *
     * @param run run.json, as run-format read and checked it
     * @return the header
     */
    public static RunHeader of(RunJson run) {
        SystemBlock system = run.system();
        ScoreRangeBlock range = system.scoreRange();
        return new RunHeader(run.runId(), run.evaluation().capability(),
                new VerificationRunSettings.SystemSummary(system.id(), system.vendor(), system.name(), system.version(),
                        range == null ? Double.NaN : range.min(), range == null ? Double.NaN : range.max()));
    }

    /**
     * The named thresholds of an evaluation block, as the metric packages take them.
     *
     * @param evaluation run.json's evaluation block
     * @return its thresholds, in order (a threshold without a description has an empty one)
     */
    static List<NamedThreshold> thresholds(Evaluation evaluation) {
        return evaluation.thresholds().stream().map(t -> new NamedThreshold(t.name(), t.value(), t.source(),
                t.description() == null ? "" : t.description())).toList();
    }

    /**
     * Reads run.json and checks that it is a run of a capability.
     *
     * @param file       the run.json file
     * @param capability the capability expected
     * @return the run
     * @throws RunDirectoryException when run.json breaks the format or is a run of another capability
     * @throws IOException           when it cannot be read
     */
    static RunJson read(Path file, String capability) throws IOException {
        RunJson run = RunJsonFile.read(file).run();
        if (!run.evaluation().capability().equals(capability)) {
            throw new RunDirectoryException(file, 0, 0, "evaluation.capability", "expected capability \"" + capability
                    + "\" here, found \"" + run.evaluation().capability() + "\"");
        }
        return run;
    }
}
