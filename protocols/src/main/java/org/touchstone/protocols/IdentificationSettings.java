package org.touchstone.protocols;

import java.util.List;

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
 */
public record IdentificationSettings(int enrolmentImages, SubjectAllocation split, List<Integer> distractorCounts,
                                     int candidateListLength, List<Integer> ranks, List<Double> fpirTargets,
                                     boolean vendorThresholds, FailurePolicy failurePolicy) {
    /** Copies the lists. */
    public IdentificationSettings {
        distractorCounts = List.copyOf(distractorCounts);
        ranks = List.copyOf(ranks);
        fpirTargets = List.copyOf(fpirTargets);
    }
}
