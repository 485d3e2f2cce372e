package org.touchstone.runner.engine.verification;

import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.touchstone.api.FailureCode;
import org.touchstone.runner.engine.backend.Mergeable;

/**
 * What a run of comparisons adds up to, as the runner reports it (run.json's {@code comparisons} stage,
 * the command line's summary line) and checkpoints it: pairs by kind (mated or not) and outcome, failed
 * pairs by failure code, and batched calls retried one comparison at a time. Only counts, so summaries
 * merged in any grouping of work units are equal, and equal across backends. Every score is in
 * {@code comparisons.csv}, from which the reports compute the metrics.
 */
public final class ComparisonSummary implements Mergeable<ComparisonSummary> {
    private static final long serialVersionUID = 2L;

    /** Pair outcomes: scored, comparison failed, not compared because a template failed. */
    enum Outcome { OK, COMPARISON_FAILED, TEMPLATE_FAILED }

    /** counts[mated ? 1 : 0][outcome]. */
    private final long[][] counts;
    /** "mated|non_mated status CODE" to count, for the failed pairs. */
    private final TreeMap<String, Long> failures;
    private final long batchRetries;

    private ComparisonSummary(long[][] counts, TreeMap<String, Long> failures, long batchRetries) {
        this.counts = counts;
        this.failures = failures;
        this.batchRetries = batchRetries;
    }

    /** @return a summary of no comparisons */
    static ComparisonSummary empty() {
        return new Builder().build(0);
    }

    /** @return pairs counted */
    public long pairs() {
        return compared() + failedComparisons() + notCompared();
    }

    /** @return pairs that produced a score */
    public long compared() {
        return count(Outcome.OK);
    }

    /** @return pairs whose comparison returned a failure */
    public long failedComparisons() {
        return count(Outcome.COMPARISON_FAILED);
    }

    /** @return pairs not compared because a template failed */
    public long notCompared() {
        return count(Outcome.TEMPLATE_FAILED);
    }

    private long count(Outcome outcome) {
        return counts[0][outcome.ordinal()] + counts[1][outcome.ordinal()];
    }

    /**
     * @return failed pairs by {@code mated|non_mated}, status and failure code, e.g.
     *         {@code "mated template_failed FACE_DETECTION_ERROR"}
     */
    public Map<String, Long> failures() {
        return Collections.unmodifiableMap(failures);
    }

    /** @return batched calls that failed as a whole and were retried one comparison at a time */
    public long batchRetries() {
        return batchRetries;
    }

    @Override
    public ComparisonSummary mergedWith(ComparisonSummary later) {
        long[][] sum = new long[2][Outcome.values().length];
        for (int mated = 0; mated < 2; mated++) {
            for (int outcome = 0; outcome < sum[mated].length; outcome++) {
                sum[mated][outcome] = counts[mated][outcome] + later.counts[mated][outcome];
            }
        }
        TreeMap<String, Long> allFailures = new TreeMap<>(failures);
        later.failures.forEach((kind, n) -> allFailures.merge(kind, n, Long::sum));
        return new ComparisonSummary(sum, allFailures, batchRetries + later.batchRetries);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComparisonSummary s && Arrays.deepEquals(counts, s.counts) && failures.equals(s.failures)
                && batchRetries == s.batchRetries;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.deepHashCode(counts), failures, batchRetries);
    }

    @Override
    public String toString() {
        return "ComparisonSummary[pairs " + pairs() + ", compared " + compared() + ", failed " + failedComparisons()
                + ", not compared " + notCompared() + ", failures " + failures + ", batch retries " + batchRetries
                + "]";
    }

    /** Adds up pair outcomes one at a time; not thread safe. */
    static final class Builder {
        private final long[][] counts = new long[2][Outcome.values().length];
        private final TreeMap<String, Long> failures = new TreeMap<>();

        /**
         * @param mated   whether the pair's templates show the same subject
         * @param outcome what became of the pair
         * @param failure the failure code, unless {@link Outcome#OK}
         */
        void add(boolean mated, Outcome outcome, FailureCode failure) {
            counts[mated ? 1 : 0][outcome.ordinal()]++;
            if (outcome != Outcome.OK) {
                failures.merge((mated ? "mated " : "non_mated ") + outcome.name().toLowerCase(Locale.ROOT) + " "
                        + failure.name(), 1L, Long::sum);
            }
        }

        /**
         * @param batchRetries batched calls retried one by one while the pairs were compared
         * @return the summary
         */
        ComparisonSummary build(long batchRetries) {
            long[][] copy = new long[2][];
            for (int mated = 0; mated < 2; mated++) {
                copy[mated] = counts[mated].clone();
            }
            return new ComparisonSummary(copy, new TreeMap<>(failures), batchRetries);
        }
    }
}
