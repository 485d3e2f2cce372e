package org.touchstone.protocols;

import java.util.List;
import java.util.Optional;

/**
 * The settings of an identification (1:N) protocol. See {@code docs/protocol-format.md}.
 *
 * @param enrolmentImages     images per enrolment template: the first images (manifest order) of each
 *                            enrolled subject; a mated subject's remaining images are its probes, one
 *                            image per probe
 * @param split               how subjects divide into mated, non-mated and distractor subjects: by
 *                            fractions ({@link SubjectSplit}) or numbers ({@link SubjectCounts})
 * @param distractorCounts    the distractor sweep: one gallery per count (mated subjects plus that many
 *                            distractors, nested); counts beyond the available distractors are left out,
 *                            and a gallery with every distractor is always included
 * @param candidateListLength candidates asked of each search
 * @param ranks               ranks at which identification rates are reported, ascending, each at most
 *                            the candidate list length
 * @param fpirTargets         false positive identification rates at which FNIR and the threshold are
 *                            reported, strictly descending, in (0, 1)
 * @param vendorThresholds    also report at every identification threshold the system declares
 * @param failurePolicy       how failed templates and searches enter the rates
 * @param templateGalleries   with design {@code template-galleries}: the dataset's gallery and probe template lists
 *                            (then {@code enrolmentImages}, {@code split} and {@code distractorCounts} are unused:
 *                            0, null and empty); empty for the subject-split design
 * @param megafaceChallenge   present for design {@code megaface-c1}, whose roles come from the dataset's lists
 *                            instead of a subject split; then {@code split} is null, {@code fpirTargets} empty,
 *                            and the other fields repeat the challenge's
 */
public record IdentificationSettings(int enrolmentImages, SubjectAllocation split, List<Integer> distractorCounts,
                                     int candidateListLength, List<Integer> ranks, List<Double> fpirTargets,
                                     boolean vendorThresholds, FailurePolicy failurePolicy,
                                     Optional<TemplateGalleries> templateGalleries,
                                     Optional<MegafaceChallengeSettings> megafaceChallenge) {
    /** Copies the lists. */
    public IdentificationSettings {
        distractorCounts = List.copyOf(distractorCounts);
        ranks = List.copyOf(ranks);
        fpirTargets = List.copyOf(fpirTargets);
        java.util.Objects.requireNonNull(templateGalleries, "templateGalleries");
        java.util.Objects.requireNonNull(megafaceChallenge, "megafaceChallenge");
    }

    /**
     * The subject-split design: subjects divided by the protocol's seed, galleries swept by distractor count.
     *
     * @param enrolmentImages     images per enrolment template
     * @param split               how subjects divide into roles
     * @param distractorCounts    the distractor sweep
     * @param candidateListLength candidates asked of each search
     * @param ranks               ranks reported
     * @param fpirTargets         FPIR targets
     * @param vendorThresholds    also report at the system's thresholds
     * @param failurePolicy       how failures enter the rates
     */
    public IdentificationSettings(int enrolmentImages, SubjectAllocation split, List<Integer> distractorCounts,
                                  int candidateListLength, List<Integer> ranks, List<Double> fpirTargets,
                                  boolean vendorThresholds, FailurePolicy failurePolicy) {
        this(enrolmentImages, split, distractorCounts, candidateListLength, ranks, fpirTargets, vendorThresholds,
                failurePolicy, Optional.empty(), Optional.empty());
    }

    /**
     * @param challenge the challenge's settings
     * @return the settings of a {@code megaface-c1} protocol
     */
    public static IdentificationSettings megafaceChallenge(MegafaceChallengeSettings challenge) {
        return new IdentificationSettings(1, null, challenge.distractorCounts(), challenge.candidateListLength(),
                challenge.ranks(), List.of(), false, challenge.failurePolicy(), Optional.empty(),
                Optional.of(challenge));
    }
}
