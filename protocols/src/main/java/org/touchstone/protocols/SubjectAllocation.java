package org.touchstone.protocols;

/**
 * How an identification protocol divides a dataset's subjects into mated, non-mated and distractor
 * subjects, after shuffling them with the protocol's seed: by fractions of the dataset
 * ({@link SubjectSplit}, YAML {@code subject_split}) or by numbers of subjects ({@link SubjectCounts},
 * YAML {@code subject_counts}).
 */
public sealed interface SubjectAllocation permits SubjectSplit, SubjectCounts {
    /**
     * How many subjects each role takes from a dataset.
     *
     * @param mated       mated subjects wanted
     * @param nonMated    non-mated subjects wanted
     * @param distractors most distractor subjects taken ({@link Integer#MAX_VALUE}: every remaining subject)
     */
    record Quotas(int mated, int nonMated, int distractors) {
    }

    /**
     * @param subjects the number of subjects in the dataset
     * @return how many subjects each role takes
     */
    Quotas quotas(int subjects);

    /**
     * @return true when the mated and non-mated quotas are part of the test and a dataset that cannot
     *         meet them is an error (fixed probe sets); false when a dataset may give fewer (fractions)
     */
    boolean exact();
}
