package org.touchstone.reports.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.touchstone.reports.attributes.AnalysisFailurePolicy;
import org.touchstone.reports.verification.NamedThreshold;

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
    /** The most calibration bins accepted: more would leave nearly every bin empty or with one estimate. */
    public static final int MAX_CALIBRATION_BINS = 1000;
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

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
     * Reads and validates {@code run.json}.
     *
     * @param file the {@code run.json} file
     * @return the settings
     * @throws RunDirectoryException when a field is missing or malformed, naming its line, column and path
     * @throws IOException           when the file cannot be read
     */
    public static AnalysisRunSettings read(Path file) throws IOException {
        JsonDocument.Value root = JsonDocument.read(file).root();
        RunHeader header = RunHeader.of(root, RunHeader.ANALYSIS);
        JsonDocument.Value evaluation = root.required("evaluation", "an object");
        AnalysisFailurePolicy policy = AnalysisFailurePolicy.fromLabel(
                EvaluationFields.failurePolicy(evaluation, AnalysisFailurePolicy.labels()));
        List<String> attributes = EvaluationFields.distinctNames(evaluation, "attributes", "attribute");
        JsonDocument.Value attributeArray = evaluation.required("attributes", "an array");
        if (attributes.isEmpty()) {
            throw attributeArray.error("expected at least one attribute");
        }
        for (int a = 0; a < attributes.size(); a++) {
            // Attribute names become parts of file names (tables/confusion-<attribute>.csv).
            if (!ATTRIBUTE_NAME.matcher(attributes.get(a)).matches()) {
                throw attributeArray.asArray("attribute names").get(a).error("expected an attribute name of letters,"
                        + " digits, '_', '.' and '-', starting with a letter or digit, found \"" + attributes.get(a) + "\"");
            }
        }
        List<Double> confidenceThresholds = EvaluationFields.distinctNumbers(evaluation, "confidence_thresholds",
                "a confidence threshold", "[0, 1]", value -> value >= 0 && value <= 1);
        List<NamedThreshold> thresholds = EvaluationFields.namedThresholds(evaluation,
                value -> value >= 0 && value <= 1, "[0, 1]");
        List<Double> ageThresholds = evaluation.optional("age_thresholds") == null ? List.of()
                : EvaluationFields.distinctNumbers(evaluation, "age_thresholds", "an age threshold",
                "(-infinity, infinity)", Double::isFinite);
        int bins = EvaluationFields.wholeNumber(evaluation, "calibration_bins", 1, MAX_CALIBRATION_BINS);
        List<String> groupColumns = EvaluationFields.groupColumns(evaluation);
        return new AnalysisRunSettings(header, attributes, confidenceThresholds, thresholds, ageThresholds, bins,
                groupColumns, EvaluationFields.intersections(evaluation, groupColumns), policy);
    }
}
