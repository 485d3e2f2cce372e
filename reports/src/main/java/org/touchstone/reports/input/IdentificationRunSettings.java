package org.touchstone.reports.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.touchstone.reports.verification.NamedThreshold;

/**
 * What the identification reports need from {@code run.json}: the header and the {@code evaluation} block
 * of an {@code "identification"} run ({@code docs/run-directory.md}, "Identification (1:N) raw files").
 *
 * @param header              format, run id, capability and system
 * @param candidateListLength L, the number of candidates each search asks for
 * @param ranks               ranks R at which rank-R identification rates are reported, each in 1..L
 * @param fpirTargets         FPIR targets in (0, 1], in the order given
 * @param thresholds          named thresholds (usually the vendor's), in the order given
 * @param groupColumns        group column names (without {@code group:}), in the order given
 * @param intersections       intersections of group columns (optional in run.json; empty when absent)
 */
public record IdentificationRunSettings(RunHeader header, int candidateListLength, List<Integer> ranks,
                                        List<Double> fpirTargets, List<NamedThreshold> thresholds,
                                        List<String> groupColumns, List<List<String>> intersections) {
    /** The only failure policy defined for identification. */
    public static final String FAILURE_POLICY = "non-match";

    /**
     * @param header              not null
     * @param candidateListLength {@code >= 1}
     * @param ranks               copied
     * @param fpirTargets         copied
     * @param thresholds          copied
     * @param groupColumns        copied
     * @param intersections       copied
     */
    public IdentificationRunSettings {
        Objects.requireNonNull(header, "header");
        ranks = List.copyOf(ranks);
        fpirTargets = List.copyOf(fpirTargets);
        thresholds = List.copyOf(thresholds);
        groupColumns = List.copyOf(groupColumns);
        intersections = intersections.stream().map(List::copyOf).toList();
    }

    /**
     * Reads and validates {@code run.json}.
     *
     * @param file the {@code run.json} file
     * @return the settings
     * @throws RunDirectoryException when a field is missing or malformed, naming its line, column and path
     * @throws IOException           when the file cannot be read
     */
    public static IdentificationRunSettings read(Path file) throws IOException {
        JsonDocument.Value root = JsonDocument.read(file).root();
        RunHeader header = RunHeader.of(root, RunHeader.IDENTIFICATION);
        JsonDocument.Value evaluation = root.required("evaluation", "an object");
        EvaluationFields.failurePolicy(evaluation, List.of(FAILURE_POLICY));
        int length = EvaluationFields.wholeNumber(evaluation, "candidate_list_length", 1,
                Integer.MAX_VALUE - 1);
        List<Integer> ranks = EvaluationFields.distinctNumbers(evaluation, "ranks", "a rank", "1.." + length,
                        value -> value == Math.rint(value) && value >= 1 && value <= length)
                .stream().map(Double::intValue).toList();
        List<Double> fpirTargets = EvaluationFields.distinctNumbers(evaluation, "fpir_targets", "an FPIR target",
                "(0, 1]", value -> value > 0 && value <= 1);
        List<NamedThreshold> thresholds = EvaluationFields.namedThresholds(evaluation, Double::isFinite,
                "(-infinity, infinity)");
        List<String> groupColumns = EvaluationFields.groupColumns(evaluation);
        return new IdentificationRunSettings(header, length, ranks, fpirTargets, thresholds, groupColumns,
                EvaluationFields.intersections(evaluation, groupColumns));
    }
}
