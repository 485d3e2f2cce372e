package org.touchstone.reports.verification;

/** The failure counting every {@link ScoreSink} that builds a distribution does the same way. */
abstract class FailureCountingSink implements ScoreSink {
    /** Genuine comparisons without a score so far. */
    long failedGenuine;
    /** Impostor comparisons without a score so far. */
    long failedImpostor;

    /**
     * Adds genuine comparisons that produced no score.
     *
     * @param count how many, {@code >= 0}
     */
    @Override
    public void addFailedGenuine(long count) {
        failedGenuine = Math.addExact(failedGenuine, ScoreSink.nonNegative(count));
    }

    /**
     * Adds impostor comparisons that produced no score.
     *
     * @param count how many, {@code >= 0}
     */
    @Override
    public void addFailedImpostor(long count) {
        failedImpostor = Math.addExact(failedImpostor, ScoreSink.nonNegative(count));
    }
}
