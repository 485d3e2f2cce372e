package org.touchstone.runner.systems.guard;

import java.util.Arrays;
import org.touchstone.api.Failure;

/**
 * Primitive storage for the outcomes of many comparisons, so that a work unit of thousands of pairs
 * costs three arrays rather than thousands of objects.
 */
public final class ComparisonBatch {
    private final double[] scores;
    private final Failure[] failures;
    private final long[] latencyNs;

    /** @param capacity number of comparisons */
    public ComparisonBatch(int capacity) {
        scores = new double[capacity];
        failures = new Failure[capacity];
        latencyNs = new long[capacity];
        Arrays.fill(scores, Double.NaN);
    }

    /** @return the number of slots */
    public int capacity() {
        return scores.length;
    }

    /**
     * Records a score at a slot.
     *
     * @param i       slot
     * @param score   the similarity
     * @param latency wall time attributed to the comparison
     */
    public void setScore(int i, double score, long latency) {
        scores[i] = score;
        failures[i] = null;
        latencyNs[i] = latency;
    }

    /**
     * Records a failure at a slot.
     *
     * @param i       slot
     * @param failure why
     * @param latency wall time attributed to the comparison, or -1 when it was never called
     */
    public void setFailure(int i, Failure failure, long latency) {
        scores[i] = Double.NaN;
        failures[i] = failure;
        latencyNs[i] = latency;
    }

    /**
     * @param i slot
     * @return the score (NaN when failed)
     */
    public double score(int i) {
        return scores[i];
    }

    /**
     * @param i slot
     * @return the failure, or null when the comparison produced a score
     */
    public Failure failure(int i) {
        return failures[i];
    }

    /**
     * @param i slot
     * @return latency in ns, or -1 when not called
     */
    public long latencyNs(int i) {
        return latencyNs[i];
    }
}
