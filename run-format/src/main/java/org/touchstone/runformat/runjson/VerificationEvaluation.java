package org.touchstone.runformat.runjson;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * run.json's {@code evaluation} for a verification (1:1) run.
 *
 * @param groupColumns      the group columns, without {@code group:}
 * @param fmrTargets        FMR targets in (0, 1], distinct, in order
 * @param thresholds        named thresholds (finite scores), names unique
 * @param failurePolicy     {@value #NON_MATCH}
 * @param equivalenceMargin the parity margin of the equivalence tests between groups, in (0, 1); absent when
 *                          the protocol declares none
 */
@JsonPropertyOrder({"capability"})
public record VerificationEvaluation(List<String> groupColumns, List<Double> fmrTargets,
                                     List<ThresholdEntry> thresholds, String failurePolicy,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) Double equivalenceMargin)
        implements Evaluation {
    /** The capability's name. */
    public static final String CAPABILITY = "verification";
    /** The only failure policy of recognition: a failed pair or search counts as a non-match. */
    public static final String NON_MATCH = "non-match";

    @Override
    @JsonProperty("capability")
    public String capability() {
        return CAPABILITY;
    }
}
