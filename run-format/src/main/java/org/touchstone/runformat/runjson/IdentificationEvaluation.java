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
 * @param fnirRank            R of FNIR(N, R, T) at the FPIR targets; absent means L (the subject-split design)
 * @param galleryAverage      true when the report also gives each rate's mean over the galleries (IJB 1:N, as
 *                            insightface reports G1 and G2); absent otherwise
 * @param design              absent for the subject-split design; {@value #MEGAFACE_C1} for MegaFace Challenge 1,
 *                            whose galleries are the distractor lists ({@code G<count>}) and one gallery per probe
 *                            identity ({@code F<identity>}), see docs/run-directory.md
 * @param farTargets          {@value #MEGAFACE_C1}: the FAR targets of its verification part, in (0, 1); else absent
 */
@JsonPropertyOrder({"capability"})
public record IdentificationEvaluation(List<String> groupColumns, Integer candidateListLength, List<Integer> ranks,
                                       List<Double> fpirTargets, List<ThresholdEntry> thresholds,
                                       String failurePolicy,
                                       @JsonInclude(JsonInclude.Include.NON_NULL) List<List<String>> intersections,
                                       @JsonInclude(JsonInclude.Include.NON_NULL) Integer fnirRank,
                                       @JsonInclude(JsonInclude.Include.NON_NULL) Boolean galleryAverage,
                                       @JsonInclude(JsonInclude.Include.NON_NULL) String design,
                                       @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> farTargets)
        implements Evaluation {
    /** The design of MegaFace Challenge 1. */
    public static final String MEGAFACE_C1 = "megaface-c1";

    /**
     * An evaluation of the subject-split design: FNIR at rank L, no average over galleries.
     *
     * @param groupColumns        the group columns, without {@code group:}
     * @param candidateListLength L
     * @param ranks               ranks in 1..L
     * @param fpirTargets         FPIR targets
     * @param thresholds          named thresholds
     * @param failurePolicy       {@value VerificationEvaluation#NON_MATCH}
     * @param intersections       intersections of group columns, or null
     */
    public IdentificationEvaluation(List<String> groupColumns, Integer candidateListLength, List<Integer> ranks,
                                    List<Double> fpirTargets, List<ThresholdEntry> thresholds, String failurePolicy,
                                    List<List<String>> intersections) {
        this(groupColumns, candidateListLength, ranks, fpirTargets, thresholds, failurePolicy, intersections, null,
                null, null, null);
    }

    /** @return whether this is MegaFace Challenge 1's design */
    public boolean megafaceChallenge() {
        return MEGAFACE_C1.equals(design);
    }

    /** The capability's name. */
    public static final String CAPABILITY = "identification";

    @Override
    @JsonProperty("capability")
    public String capability() {
        return CAPABILITY;
    }
}
