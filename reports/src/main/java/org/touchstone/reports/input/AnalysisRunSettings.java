package org.touchstone.reports.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.touchstone.reports.attributes.AnalysisFailurePolicy;
import org.touchstone.reports.verification.NamedThreshold;
import org.touchstone.runformat.RunDirectoryException;
import org.touchstone.runformat.runjson.AnalysisEvaluation;
import org.touchstone.runformat.runjson.RunJson;

/**
 * What the analysis reports need from {@code run.json}: the header and the {@code evaluation} block of an
 * {@code "analysis"} run ({@code docs/run-directory.md}, "Attribute (analysis) raw files").
 *
 * @param header               format, run id, capability and system
 * @param attributes           the attributes evaluated, in the order given
 * @param confidenceThresholds confidence thresholds in [0, 1] at which every attribute is measured
 * @param thresholds           named confidence thresholds (usually the vendor's), each in [0, 1]
 * @param ageThresholds        threshold values for the "at least a" errors of numeric attributes (ages in
 *                             years); optional in run.json, empty when absent
 * @param calibrationBins      M, the number of equal-width confidence bins of the reliability diagrams
 * @param groupColumns         group column names (without {@code group:}), in the order given
 * @param intersections        intersections of group columns; optional in run.json, empty when absent
 * @param failurePolicy        what a failed analysis counts as
 */
public record AnalysisRunSettings(RunHeader header, List<String> attributes, List<Double> confidenceThresholds,
                                  List<NamedThreshold> thresholds, List<Double> ageThresholds, int calibrationBins,
                                  List<String> groupColumns, List<List<String>> intersections,
                                  AnalysisFailurePolicy failurePolicy) {

    /**
     * @param header               not null
     * @param attributes           copied
     * @param confidenceThresholds copied
     * @param thresholds           copied
     * @param ageThresholds        copied
     * @param calibrationBins      {@code >= 1}
     * @param groupColumns         copied
     * @param intersections        copied
     * @param failurePolicy        not null
     */
    public AnalysisRunSettings {
        Objects.requireNonNull(header, "header");
        attributes = List.copyOf(attributes);
        confidenceThresholds = List.copyOf(confidenceThresholds);
        thresholds = List.copyOf(thresholds);
        ageThresholds = List.copyOf(ageThresholds);
        groupColumns = List.copyOf(groupColumns);
        intersections = intersections.stream().map(List::copyOf).toList();
        Objects.requireNonNull(failurePolicy, "failurePolicy");
    }

    /**
     * The settings of an analysis run.
     *
     * @param run run.json, as run-format read and checked it
     * @return the settings
     * @throws ClassCastException if it is not an analysis run
     */
    public static AnalysisRunSettings of(RunJson run) {
        AnalysisEvaluation evaluation = (AnalysisEvaluation) run.evaluation();
        List<Double> ages = evaluation.ageThresholds() == null ? List.of()
                : evaluation.ageThresholds().stream().map(Integer::doubleValue).toList();
        return new AnalysisRunSettings(RunHeader.of(run), evaluation.attributes(), evaluation.confidenceThresholds(),
                RunHeader.thresholds(evaluation), ages, evaluation.calibrationBins(), evaluation.groupColumns(),
                evaluation.intersections() == null ? List.of() : evaluation.intersections(),
                AnalysisFailurePolicy.fromLabel(evaluation.failurePolicy()));
    }

    /**
     * Reads the settings of an analysis run.
     *
     * @param file the {@code run.json} file
     * @return the settings
     * @throws RunDirectoryException when a field is missing or malformed, naming its line, column and path, or
     *                               the run is of another capability
     * @throws IOException           when the file cannot be read
     */
    public static AnalysisRunSettings read(Path file) throws IOException {
        return of(RunHeader.read(file, RunHeader.ANALYSIS));
    }
}
