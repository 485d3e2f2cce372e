package org.touchstone.reports.verification;

/**
 * What every {@link ScoreDistribution} here shares: all genuine scores, sorted (one per mated pair, few
 * next to the impostor comparisons), the failure counts, and so FNMR exactly at any threshold. Subclasses
 * hold the impostor scores their own way.
 */
abstract class ExactGenuineScores implements ScoreDistribution {
    /** Every genuine score, ascending. */
    final double[] genuine;
    /** Genuine comparisons without a score. */
    final long failedGenuine;
    /** Impostor comparisons without a score. */
    final long failedImpostor;
    private final ScoreSummary genuineSummary;

    /**
     * @param sortedGenuine  every genuine score, ascending; kept, not copied
     * @param failedGenuine  genuine comparisons without a score
     * @param failedImpostor impostor comparisons without a score
     */
    ExactGenuineScores(double[] sortedGenuine, long failedGenuine, long failedImpostor) {
        this.genuine = sortedGenuine;
        this.failedGenuine = failedGenuine;
        this.failedImpostor = failedImpostor;
        this.genuineSummary = SortedScores.summarize(sortedGenuine);
    }

    @Override
    public long genuineComparisons() {
        return genuine.length + failedGenuine;
    }

    @Override
    public long failedGenuineComparisons() {
        return failedGenuine;
    }

    @Override
    public long failedImpostorComparisons() {
        return failedImpostor;
    }

    @Override
    public long falseNonMatches(double threshold) {
        requireThreshold(threshold);
        return SortedScores.firstAtOrAbove(genuine, 0, genuine.length, threshold) + failedGenuine;
    }

    @Override
    public ScoreSummary genuineScores() {
        return genuineSummary;
    }

    static void requireThreshold(double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must not be NaN");
        }
    }
}
