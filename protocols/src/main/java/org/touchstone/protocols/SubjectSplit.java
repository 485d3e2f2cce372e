package org.touchstone.protocols;

/**
 * How an identification protocol divides a dataset's subjects, by a shuffle seeded with the protocol's
 * seed: fractions that sum to 1.
 *
 * @param mated       enrolled, and searched for with their other images (mated searches)
 * @param nonMated    never enrolled; all their images are searched (non-mated searches)
 * @param distractors enrolled only, never searched: they fill the galleries of the distractor sweep
 */
public record SubjectSplit(double mated, double nonMated, double distractors) {
    /** Checks each fraction is in [0, 1], that mated and non-mated are positive, and that they sum to 1. */
    public SubjectSplit {
        if (!(mated > 0 && mated < 1) || !(nonMated > 0 && nonMated < 1) || !(distractors >= 0 && distractors < 1)) {
            throw new IllegalArgumentException("subject split fractions must be in (0, 1) (distractors in [0, 1)),"
                    + " was " + mated + ", " + nonMated + ", " + distractors);
        }
        if (Math.abs(mated + nonMated + distractors - 1) > 1e-9) {
            throw new IllegalArgumentException("subject split fractions must sum to 1, sum to "
                    + (mated + nonMated + distractors));
        }
    }
}
