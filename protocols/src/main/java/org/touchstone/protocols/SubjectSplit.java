package org.touchstone.protocols;

/**
 * Divides a dataset's subjects by fractions that sum to 1: mated = round(n x mated), non-mated =
 * round(n x nonMated), distractors = every remaining subject.
 *
 * @param mated       enrolled, and searched for with their other images (mated searches)
 * @param nonMated    never enrolled; all their images are searched (non-mated searches)
 * @param distractors enrolled only, never searched: they fill the galleries of the distractor sweep
 */
public record SubjectSplit(double mated, double nonMated, double distractors) implements SubjectAllocation {
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

    @Override
    public Quotas quotas(int subjects) {
        return new Quotas((int) Math.round(subjects * mated), (int) Math.round(subjects * nonMated), Integer.MAX_VALUE);
    }

    @Override
    public boolean exact() {
        return false;
    }
}
