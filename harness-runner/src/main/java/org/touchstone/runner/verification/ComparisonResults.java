package org.touchstone.runner.verification;

import java.util.Arrays;
import org.touchstone.api.FailureCode;
import org.touchstone.runner.backend.Mergeable;

/**
 * The outcomes of a run of consecutive comparison units: one slot per pair, in plan order, in three
 * primitive arrays (never an object per pair), and their {@link ComparisonSummary}. The slots are what
 * {@code comparisons.csv} records; merging appends them.
 */
final class ComparisonResults implements Mergeable<ComparisonResults> {
    private static final long serialVersionUID = 1L;
    private static final FailureCode[] CODES = FailureCode.values();

    private double[] scores;
    /** 0 when scored, else the failure code's ordinal + 1. */
    private byte[] failures;
    /** Latency attributed to the comparison, or -1 when it was not compared (a template failed). */
    private long[] latencyNs;
    private int size;
    private ComparisonSummary summary;

    ComparisonResults(double[] scores, byte[] failures, long[] latencyNs, ComparisonSummary summary) {
        this.scores = scores;
        this.failures = failures;
        this.latencyNs = latencyNs;
        this.size = scores.length;
        this.summary = summary;
    }

    static byte code(FailureCode code) {
        return (byte) (code.ordinal() + 1);
    }

    /** @return pairs held */
    int size() {
        return size;
    }

    /**
     * @param slot a pair's position among the held ones
     * @return its score (NaN when it failed)
     */
    double score(int slot) {
        return scores[slot];
    }

    /**
     * @param slot a pair's position
     * @return its failure code, or null when it was scored
     */
    FailureCode failure(int slot) {
        return failures[slot] == 0 ? null : CODES[failures[slot] - 1];
    }

    /**
     * @param slot a pair's position
     * @return its latency, or -1 when it was not compared
     */
    long latencyNs(int slot) {
        return latencyNs[slot];
    }

    /** @return the summary of the held pairs */
    ComparisonSummary summary() {
        return summary;
    }

    @Override
    public ComparisonResults mergedWith(ComparisonResults later) {
        int n = size + later.size;
        if (n > scores.length) {
            int capacity = Math.max(n, 2 * scores.length);
            scores = Arrays.copyOf(scores, capacity);
            failures = Arrays.copyOf(failures, capacity);
            latencyNs = Arrays.copyOf(latencyNs, capacity);
        }
        System.arraycopy(later.scores, 0, scores, size, later.size);
        System.arraycopy(later.failures, 0, failures, size, later.size);
        System.arraycopy(later.latencyNs, 0, latencyNs, size, later.size);
        size = n;
        summary = summary.mergedWith(later.summary);
        return this;
    }

    private Object writeReplace() {
        // Ship only the slots in use.
        if (size < scores.length) {
            return new ComparisonResults(Arrays.copyOf(scores, size), Arrays.copyOf(failures, size),
                    Arrays.copyOf(latencyNs, size), summary);
        }
        return this;
    }
}
