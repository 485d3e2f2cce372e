package org.touchstone.protocols;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a 1:1 verification protocol (section {@code verification} of the protocol file).
 *
 * @param design            which template pairs are compared
 * @param pairList          the pair-list CSV file, absolute; with {@link PairDesign#PAIR_LIST}, present iff no
 *                          dataset list is named
 * @param datasetList       with {@link PairDesign#PAIR_LIST}: the name of a pair list the dataset itself
 *                          declares (an imported benchmark's, {@code DatasetManifest.protocolList}), instead of
 *                          a file beside the protocol
 * @param imagesPerTemplate with {@link PairDesign#ALL_VS_ALL}: each subject's samples, in manifest order,
 *                          are cut into consecutive groups of this many images, each group one template,
 *                          and leftover samples are not used (at least 1). With
 *                          {@link PairDesign#PAIR_LIST}: 0, since the pair list names each template's samples
 * @param fmrTargets        the false match rates at which to report FNMR and the threshold, strictly
 *                          between 0 and 1, strictly descending
 * @param vendorThresholds  whether to also report the error rates at every operating threshold the system
 *                          declares
 * @param failurePolicy     how failed templates and comparisons count
 * @param folds             0, or the number of folds of k-fold verification accuracy (LFW's procedure: each
 *                          fold's threshold chosen on the other folds); the pair list then gives every pair
 *                          its fold, 1 to {@code folds}
 * @param templateList      with {@link PairDesign#TEMPLATE_PAIRS}: the name of the dataset's templates list (which
 *                          samples make each template); {@code datasetList} then names its template pair list
 */
public record VerificationSettings(PairDesign design, Optional<Path> pairList, Optional<String> datasetList,
                                   int imagesPerTemplate, List<Double> fmrTargets, boolean vendorThresholds,
                                   FailurePolicy failurePolicy, int folds, Optional<String> templateList) {
    /** Checks that the settings agree with the design, and copies the list. */
    public VerificationSettings {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(pairList, "pairList");
        Objects.requireNonNull(datasetList, "datasetList");
        Objects.requireNonNull(failurePolicy, "failurePolicy");
        Objects.requireNonNull(templateList, "templateList");
        fmrTargets = List.copyOf(fmrTargets);
        if (design == PairDesign.TEMPLATE_PAIRS) {
            if (datasetList.isEmpty() || templateList.isEmpty() || pairList.isPresent() || folds != 0
                    || imagesPerTemplate != 0) {
                throw new IllegalArgumentException("template-pairs needs a dataset pair list and a templates list, and"
                        + " no pair-list file, folds or images per template");
            }
        } else {
            checkImageLevel(design, pairList, datasetList, imagesPerTemplate, folds, templateList);
        }
    }

    private static void checkImageLevel(PairDesign design, Optional<Path> pairList, Optional<String> datasetList,
                                        int imagesPerTemplate, int folds, Optional<String> templateList) {
        if (templateList.isPresent()) {
            throw new IllegalArgumentException("a templates list is only used with design template-pairs");
        }
        boolean pairListDesign = design == PairDesign.PAIR_LIST;
        if ((pairList.isPresent() || datasetList.isPresent()) != pairListDesign
                || pairList.isPresent() && datasetList.isPresent()) {
            throw new IllegalArgumentException("one pair list (a file or a dataset's list) must be given iff the design"
                    + " is pair-list; design is " + design.externalName());
        }
        if (folds < 0 || folds == 1 || folds > 0 && !pairListDesign) {
            throw new IllegalArgumentException("folds must be 0, or at least 2 with a pair list; found " + folds);
        }
        if (pairListDesign ? imagesPerTemplate != 0 : imagesPerTemplate < 1) {
            throw new IllegalArgumentException("imagesPerTemplate must be >= 1 for all-vs-all and 0 for pair-list,"
                    + " found " + imagesPerTemplate + " with " + design.externalName());
        }
    }

    /** Settings without a templates list (every design but template-pairs). */
    public VerificationSettings(PairDesign design, Optional<Path> pairList, Optional<String> datasetList,
                                int imagesPerTemplate, List<Double> fmrTargets, boolean vendorThresholds,
                                FailurePolicy failurePolicy, int folds) {
        this(design, pairList, datasetList, imagesPerTemplate, fmrTargets, vendorThresholds, failurePolicy, folds,
                Optional.empty());
    }

    /** Settings without a dataset list or folds (the form of every protocol before k-fold benchmarks). */
    public VerificationSettings(PairDesign design, Optional<Path> pairList, int imagesPerTemplate,
                                List<Double> fmrTargets, boolean vendorThresholds, FailurePolicy failurePolicy) {
        this(design, pairList, Optional.empty(), imagesPerTemplate, fmrTargets, vendorThresholds, failurePolicy, 0);
    }
}
