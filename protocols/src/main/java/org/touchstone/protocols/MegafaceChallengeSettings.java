package org.touchstone.protocols;

import java.util.List;
import java.util.Objects;

/**
 * The settings of an identification protocol of design {@code megaface-c1}: MegaFace Challenge 1 on a dataset
 * written by {@code touchstone dataset import megaface}. See {@code docs/protocol-format.md}.
 *
 * <p>Unlike the subject-split design, the roles come from the dataset's own lists: every image of the probe
 * list is enrolled and searched in turn (one template made in each role), and each distractor list is one
 * gallery. For each pair of images (g, p) of one identity, g enrolled with the distractors of a list and p
 * searched, the rank of g is one more than the number of distractors scoring at least as high as g for p.
 *
 * @param probeList           the dataset list of probe images, {@code sample_id,identity}
 * @param distractorList      the dataset list of each distractor gallery, with {@value #COUNT} standing for its size
 * @param distractorCounts    the gallery sizes measured, ascending; a size whose list the dataset lacks is left out
 * @param candidateListLength K, candidates asked of each distractor search: ranks up to K are exact, and the
 *                            impostor scores the FAR threshold is placed among
 * @param ranks               ranks at which identification rates are reported, each at most K
 * @param farTargets          false accept rates at which TAR is reported, strictly descending, in (0, 1)
 * @param failurePolicy       how failed templates and searches count
 */
public record MegafaceChallengeSettings(String probeList, String distractorList, List<Integer> distractorCounts,
                                        int candidateListLength, List<Integer> ranks, List<Double> farTargets,
                                        FailurePolicy failurePolicy) {
    /** The design's name in protocol files and run.json. */
    public static final String DESIGN = "megaface-c1";
    /** The placeholder in {@link #distractorList()} replaced by a gallery's size. */
    public static final String COUNT = "{count}";

    /** Copies the lists. */
    public MegafaceChallengeSettings {
        Objects.requireNonNull(probeList, "probeList");
        Objects.requireNonNull(distractorList, "distractorList");
        distractorCounts = List.copyOf(distractorCounts);
        ranks = List.copyOf(ranks);
        farTargets = List.copyOf(farTargets);
        Objects.requireNonNull(failurePolicy, "failurePolicy");
    }

    /**
     * @param count a gallery size
     * @return the name of the dataset list holding that gallery's distractors
     */
    public String distractorListOf(int count) {
        return distractorList.replace(COUNT, Integer.toString(count));
    }
}
