package org.touchstone.reports.verification;

/**
 * A cursor over the candidate thresholds of a {@link ScoreDistribution}, in ascending order, with the
 * error counts at each. A cursor rather than a list so that sweeping ten million thresholds allocates
 * nothing per step.
 */
public interface ThresholdSweep {

    /**
     * Moves to the next candidate threshold.
     *
     * @return false when there is none left (the getters are then undefined)
     */
    boolean next();

    /**
     * The current threshold.
     *
     * @return T
     */
    double threshold();

    /**
     * Whether the current threshold is one of the observed scores, rather than a value chosen between or
     * above them (such as {@code Math.nextUp} of the highest impostor score, or a histogram bin edge).
     *
     * @return true when some comparison scored exactly {@link #threshold()}
     */
    boolean observedScore();

    /**
     * False matches at the current threshold, as {@link ScoreDistribution#falseMatches(double)}.
     *
     * @return #{v >= T}
     */
    long falseMatches();

    /**
     * False non-matches at the current threshold, as {@link ScoreDistribution#falseNonMatches(double)}.
     *
     * @return #{u &lt; T} + failed genuine comparisons
     */
    long falseNonMatches();
}
