package org.touchstone.runformat.runjson;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * run.json's {@code evaluation} for an identification (1:N) run.
 *
 * @param groupColumns        the group columns, without {@code group:}
 * @param candidateListLength L, the candidates each search asks for
 * @param ranks               ranks in 1..L at which identification rates are reported, distinct
 * @param fpirTargets         FPIR targets in (0, 1], distinct, in order
 * @param thresholds          named thresholds (finite scores), names unique
 * @param failurePolicy       {@value VerificationEvaluation#NON_MATCH}
 * @param intersections       combinations of two or more group columns measured as groupings of their own;
 *                            absent when none are asked for
 */
@JsonPropertyOrder({"capability"})
public record IdentificationEvaluation(List<String> groupColumns, Integer candidateListLength, List<Integer> ranks,
                                       List<Double> fpirTargets, List<ThresholdEntry> thresholds,
                                       String failurePolicy,
                                       @JsonInclude(JsonInclude.Include.NON_NULL) List<List<String>> intersections)
        implements Evaluation {
    /** The capability's name. */
    public static final String CAPABILITY = "identification";

    @Override
    @JsonProperty("capability")
    public String capability() {
        return CAPABILITY;
    }
}
