package org.touchstone.protocols;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a 1:1 verification protocol (section {@code verification} of the protocol file).
 *
 * @param design            which template pairs are compared
 * @param pairList          the pair-list CSV file, absolute; present iff the design is {@link PairDesign#PAIR_LIST}
 * @param imagesPerTemplate with {@link PairDesign#ALL_VS_ALL}: each subject's samples, in manifest order,
 *                          are cut into consecutive groups of this many images, each group one template,
 *                          and leftover samples are not used (at least 1). With
 *                          {@link PairDesign#PAIR_LIST}: 0, since the pair list names each template's samples
 * @param fmrTargets        the false match rates at which to report FNMR and the threshold, strictly
 *                          between 0 and 1, strictly descending
 * @param vendorThresholds  whether to also report the error rates at every operating threshold the system
 *                          declares
 * @param failurePolicy     how failed templates and comparisons count
 */
public record VerificationSettings(PairDesign design, Optional<Path> pairList, int imagesPerTemplate,
                                   List<Double> fmrTargets, boolean vendorThresholds, FailurePolicy failurePolicy) {
    /** Checks that the settings agree with the design, and copies the list. */
    public VerificationSettings {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(pairList, "pairList");
        Objects.requireNonNull(failurePolicy, "failurePolicy");
        fmrTargets = List.copyOf(fmrTargets);
        boolean pairListDesign = design == PairDesign.PAIR_LIST;
        if (pairList.isPresent() != pairListDesign) {
            throw new IllegalArgumentException("a pair list must be given iff the design is pair-list; design is "
                    + design.externalName());
        }
        if (pairListDesign ? imagesPerTemplate != 0 : imagesPerTemplate < 1) {
            throw new IllegalArgumentException("imagesPerTemplate must be >= 1 for all-vs-all and 0 for pair-list,"
                    + " found " + imagesPerTemplate + " with " + design.externalName());
        }
    }
}
