package org.touchstone.protocols;

/**
 * Divides a dataset's subjects by numbers, whatever the dataset's size: a fixed probe set searched
 * against galleries of a fixed largest size, as MegaFace did. A dataset that cannot give the mated and
 * non-mated subjects asked for is an error; one with fewer distractors than asked gives what it has.
 *
 * @param mated       subjects enrolled and searched for with their other images, at least 1
 * @param nonMated    subjects never enrolled, all of whose images are searched, at least 1
 * @param distractors most subjects enrolled only, never searched, at least 0
 */
public record SubjectCounts(int mated, int nonMated, int distractors) implements SubjectAllocation {
    /** Checks the counts' ranges. */
    public SubjectCounts {
        if (mated < 1 || nonMated < 1 || distractors < 0) {
            throw new IllegalArgumentException("subject counts must be at least 1 mated, 1 non-mated and 0 distractor"
                    + " subjects, was " + mated + ", " + nonMated + ", " + distractors);
        }
    }

    @Override
    public Quotas quotas(int subjects) {
        return new Quotas(mated, nonMated, distractors);
    }

    @Override
    public boolean exact() {
        return true;
    }
}
