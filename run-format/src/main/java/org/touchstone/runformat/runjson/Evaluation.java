package org.touchstone.runformat.runjson;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * run.json's {@code evaluation}: everything the reports need to know about the protocol, already resolved
 * (for example the vendor's thresholds copied from the descriptor), so that they never parse protocol YAML.
 * Its {@code capability} decides which of the three shapes it has.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "capability")
@JsonSubTypes({
        @JsonSubTypes.Type(value = VerificationEvaluation.class, name = VerificationEvaluation.CAPABILITY),
        @JsonSubTypes.Type(value = IdentificationEvaluation.class, name = IdentificationEvaluation.CAPABILITY),
        @JsonSubTypes.Type(value = AnalysisEvaluation.class, name = AnalysisEvaluation.CAPABILITY)})
public sealed interface Evaluation permits VerificationEvaluation, IdentificationEvaluation, AnalysisEvaluation {
    /** Every capability run.json knows, in the order messages list them. */
    List<String> CAPABILITIES = List.of(VerificationEvaluation.CAPABILITY, IdentificationEvaluation.CAPABILITY,
            AnalysisEvaluation.CAPABILITY);

    /**
     * The capability evaluated.
     *
     * @return {@code verification}, {@code identification} or {@code analysis}
     */
    @JsonProperty("capability")
    String capability();

    /**
     * The group columns whose groups are measured apart.
     *
     * @return column names without the {@code group:} prefix, in order
     */
    List<String> groupColumns();

    /**
     * The named thresholds at which rates are reported (usually the vendor's).
     *
     * @return the thresholds, in order
     */
    List<ThresholdEntry> thresholds();

    /**
     * What a failed call counts as.
     *
     * @return the policy's name, e.g. {@code non-match}
     */
    String failurePolicy();
}
