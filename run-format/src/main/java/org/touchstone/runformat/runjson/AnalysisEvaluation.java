package org.touchstone.runformat.runjson;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * run.json's {@code evaluation} for a face analysis (attribute) run.
 *
 * @param groupColumns           the group columns, without {@code group:}
 * @param attributes             the attributes evaluated, at least one, names made of letters, digits, '_',
 *                               '.' and '-' (they become parts of file names)
 * @param attributesNotEvaluated attributes the protocol asks for but the run could not evaluate, with why
 * @param confidenceThresholds   confidence thresholds in [0, 1], distinct
 * @param thresholds             named confidence thresholds in [0, 1], names unique
 * @param ageThresholds          ages for the over/under errors of numeric attributes, distinct (may be absent
 *                               when read)
 * @param calibrationBins        equal-width confidence bins of the reliability diagrams, 1 to
 *                               {@value #MAX_CALIBRATION_BINS}
 * @param intersections          combinations of two or more group columns measured as groupings of their own
 * @param intersectionsSkipped   intersections the protocol asks for that the dataset cannot form, with why
 * @param equivalenceMargin      the parity margin of the equivalence tests between groups
 * @param failurePolicy          one of {@link #FAILURE_POLICIES}
 */
@JsonPropertyOrder({"capability"})
public record AnalysisEvaluation(List<String> groupColumns, List<String> attributes,
                                 Map<String, String> attributesNotEvaluated, List<Double> confidenceThresholds,
                                 List<ThresholdEntry> thresholds, List<Integer> ageThresholds, Integer calibrationBins,
                                 List<List<String>> intersections, Map<String, String> intersectionsSkipped,
                                 Double equivalenceMargin, String failurePolicy) implements Evaluation {
    /** The capability's name. */
    public static final String CAPABILITY = "analysis";
    /** The failure policies of analysis: a failed analysis is undecided, or an error. */
    public static final List<String> FAILURE_POLICIES = List.of("undecided", "error");
    /** The most calibration bins: more would leave nearly every bin empty or with one estimate. */
    public static final int MAX_CALIBRATION_BINS = 1000;
    /** What an attribute's name must look like. */
    public static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    @Override
    @JsonProperty("capability")
    public String capability() {
        return CAPABILITY;
    }
}
