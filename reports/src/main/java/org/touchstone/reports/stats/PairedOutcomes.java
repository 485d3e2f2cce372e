package org.touchstone.reports.stats;

/**
 * Two systems' errors on the same trials (for example the same genuine comparisons, each system at its own
 * threshold), counted as the four cells of the paired table. Their rates cannot be compared with the
 * two-proportion z test, which assumes independent samples; McNemar's test uses only the discordant cells.
 * Counts are collected one trial at a time with {@link #add(boolean, boolean)}, so no trial is held.
 */
public final class PairedOutcomes {
    private long both;
    private long firstOnly;
    private long secondOnly;
    private long neither;

    /**
     * Counts one trial.
     *
     * @param firstErred  whether the first system erred on it
     * @param secondErred whether the second system erred on it
     * @return this
     */
    public PairedOutcomes add(boolean firstErred, boolean secondErred) {
        if (firstErred && secondErred) {
            both++;
        } else if (firstErred) {
            firstOnly++;
        } else if (secondErred) {
            secondOnly++;
        } else {
            neither++;
        }
        return this;
    }

    /**
     * Trials counted.
     *
     * @return n
     */
    public long trials() {
        return both + firstOnly + secondOnly + neither;
    }

    /**
     * The first system's error rate.
     *
     * @return its errors of the trials
     */
    public Proportion firstRate() {
        return new Proportion(both + firstOnly, trials());
    }

    /**
     * The second system's error rate.
     *
     * @return its errors of the trials
     */
    public Proportion secondRate() {
        return new Proportion(both + secondOnly, trials());
    }

    /**
     * Trials only the first system got wrong (McNemar's b).
     *
     * @return b
     */
    public long firstOnly() {
        return firstOnly;
    }

    /**
     * Trials only the second system got wrong (McNemar's c).
     *
     * @return c
     */
    public long secondOnly() {
        return secondOnly;
    }

    /**
     * McNemar's test: exact when there are fewer than 25 discordant trials (where the chi-square
     * approximation is poor), continuity-corrected chi-square otherwise.
     *
     * @return the test, named by its form
     */
    public TestResult mcNemar() {
        return firstOnly + secondOnly < 25 ? McNemar.exact(firstOnly, secondOnly) : McNemar.chiSquare(firstOnly, secondOnly);
    }
}
