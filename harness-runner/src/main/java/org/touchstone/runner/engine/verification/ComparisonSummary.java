package org.touchstone.runner.engine.verification;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.touchstone.api.FailureCode;
import org.touchstone.runner.engine.backend.Mergeable;

/**
 * What a run of comparisons adds up to, in a form that merges exactly whatever the grouping of work units:
 * counts by kind of pair and outcome, every genuine score, the impostor scores as a fine histogram plus
 * their exact highest {@value #TAIL} (the tail where strict FMR targets' thresholds lie), and per-subject
 * counts for the subject bootstrap. Everything is an integer count or a score the system returned, never
 * a sum of doubles, so summaries merged in any grouping are equal, and equal across backends.
 *
 * <p>The histogram bins a score by the top {@value #BIN_BITS} bits of its order-preserving 64-bit form,
 * as the reports' {@code StreamingScoreDistribution} does by default: bins 2^-8 of a score's magnitude
 * wide, fine wherever the scores lie.
 */
public final class ComparisonSummary implements Mergeable<ComparisonSummary> {
    private static final long serialVersionUID = 1L;
    /** Highest impostor scores kept exactly. */
    public static final int TAIL = 4096;
    /** Histogram resolution, as the reports' default. */
    public static final int BIN_BITS = 20;

    /** Pair outcomes: scored, comparison failed, not compared because a template failed. */
    enum Outcome { OK, COMPARISON_FAILED, TEMPLATE_FAILED }

    /** counts[mated ? 1 : 0][outcome]. */
    private final long[][] counts;
    /** "mated|non_mated status CODE" to count, for the failed pairs. */
    private final TreeMap<String, Long> failures;
    private final double[] genuineScores;
    private final int[] binKeys;
    private final long[] binCounts;
    private final double[] binMin;
    private final double[] binMax;
    private final double[] impostorTail;
    private final long[] genuineBySubject;
    private final long[] failedGenuineBySubject;
    private final long[] impostorBySubject;
    private final long batchRetries;

    private ComparisonSummary(long[][] counts, TreeMap<String, Long> failures, double[] genuineScores, int[] binKeys,
                              long[] binCounts, double[] binMin, double[] binMax, double[] impostorTail,
                              long[] genuineBySubject, long[] failedGenuineBySubject, long[] impostorBySubject,
                              long batchRetries) {
        this.counts = counts;
        this.failures = failures;
        this.genuineScores = genuineScores;
        this.binKeys = binKeys;
        this.binCounts = binCounts;
        this.binMin = binMin;
        this.binMax = binMax;
        this.impostorTail = impostorTail;
        this.genuineBySubject = genuineBySubject;
        this.failedGenuineBySubject = failedGenuineBySubject;
        this.impostorBySubject = impostorBySubject;
        this.batchRetries = batchRetries;
    }

    /**
     * @param subjects the plan's subject count (subject indexes are below it)
     * @return a summary of no comparisons
     */
    public static ComparisonSummary empty(int subjects) {
        return new Builder(subjects).build(0);
    }

    /**
     * The bin of a score: the top {@value #BIN_BITS} bits of its order-preserving bit pattern.
     *
     * @param score a score, not NaN
     * @return the bin, non-decreasing in the score
     */
    static int binOf(double score) {
        long bits = Double.doubleToRawLongBits(score);
        // Negative: flip every bit (larger magnitude sorts lower); positive: flip the sign bit only.
        long sortable = bits ^ ((bits >> 63) | Long.MIN_VALUE);
        return (int) (sortable >>> (64 - BIN_BITS));
    }

    /** @return pairs counted */
    public long pairs() {
        return compared() + failedComparisons() + notCompared();
    }

    /** @return pairs that produced a score */
    public long compared() {
        return counts[0][0] + counts[1][0];
    }

    /** @return pairs whose comparison returned a failure */
    public long failedComparisons() {
        return counts[0][1] + counts[1][1];
    }

    /** @return pairs not compared because a template failed */
    public long notCompared() {
        return counts[0][2] + counts[1][2];
    }

    /** @return mated pairs (genuine comparisons), failed or not */
    public long genuineComparisons() {
        return counts[1][0] + counts[1][1] + counts[1][2];
    }

    /** @return non-mated pairs (impostor comparisons), failed or not */
    public long impostorComparisons() {
        return counts[0][0] + counts[0][1] + counts[0][2];
    }

    /** @return failed pairs by {@code mated|non_mated}, status and failure code, e.g. {@code "mated template_failed FACE_DETECTION_ERROR"} */
    public Map<String, Long> failures() {
        return java.util.Collections.unmodifiableMap(failures);
    }

    /** @return every genuine score, ascending */
    public double[] genuineScores() {
        return genuineScores.clone();
    }

    /** @return the highest impostor scores (at most {@value #TAIL}), ascending */
    public double[] impostorTail() {
        return impostorTail.clone();
    }

    /** @return the histogram's non-empty bins, ascending */
    public int impostorBins() {
        return binKeys.length;
    }

    /**
     * @param threshold a score
     * @return scored impostor comparisons at or above it, when the histogram and the tail can tell exactly
     * @throws IllegalArgumentException when the threshold lies inside a bin below the exact tail
     */
    public long impostorsAtOrAbove(double threshold) {
        if (impostorTail.length > 0 && threshold >= impostorTail[0]) {
            int i = Arrays.binarySearch(impostorTail, threshold);
            while (i > 0 && impostorTail[i - 1] == threshold) {
                i--;
            }
            return impostorTail.length - (i >= 0 ? i : -i - 1);
        }
        long n = 0;
        for (int b = binKeys.length - 1; b >= 0; b--) {
            if (binMin[b] >= threshold) {
                n += binCounts[b];
            } else if (binMax[b] >= threshold) {
                throw new IllegalArgumentException("threshold " + threshold + " lies inside the histogram bin ["
                        + binMin[b] + ", " + binMax[b] + "], below the exact tail");
            } else {
                break;
            }
        }
        return n;
    }

    /** @return genuine comparisons by subject index */
    public long[] genuineBySubject() {
        return genuineBySubject.clone();
    }

    /** @return failed or uncompared genuine comparisons by subject index */
    public long[] failedGenuineBySubject() {
        return failedGenuineBySubject.clone();
    }

    /** @return impostor comparisons each subject takes part in (a pair counts for both of its subjects) */
    public long[] impostorBySubject() {
        return impostorBySubject.clone();
    }

    /** @return batched calls that failed as a whole and were retried one comparison at a time */
    public long batchRetries() {
        return batchRetries;
    }

    @Override
    public ComparisonSummary mergedWith(ComparisonSummary later) {
        if (genuineBySubject.length != later.genuineBySubject.length) {
            throw new IllegalArgumentException("summaries of plans with " + genuineBySubject.length + " and "
                    + later.genuineBySubject.length + " subjects");
        }
        long[][] c = new long[2][3];
        for (int m = 0; m < 2; m++) {
            for (int o = 0; o < 3; o++) {
                c[m][o] = counts[m][o] + later.counts[m][o];
            }
        }
        TreeMap<String, Long> f = new TreeMap<>(failures);
        later.failures.forEach((k, v) -> f.merge(k, v, Long::sum));

        // Histograms: a merge of two ascending key lists.
        int n = 0;
        for (int i = 0, j = 0; i < binKeys.length || j < later.binKeys.length; n++) {
            if (j == later.binKeys.length || (i < binKeys.length && binKeys[i] < later.binKeys[j])) {
                i++;
            } else if (i == binKeys.length || later.binKeys[j] < binKeys[i]) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        int[] keys = new int[n];
        long[] cs = new long[n];
        double[] mins = new double[n];
        double[] maxs = new double[n];
        for (int i = 0, j = 0, k = 0; k < n; k++) {
            boolean fromThis = j == later.binKeys.length || (i < binKeys.length && binKeys[i] <= later.binKeys[j]);
            boolean fromLater = i == binKeys.length || (j < later.binKeys.length && later.binKeys[j] <= binKeys[i]);
            if (fromThis && fromLater) {
                keys[k] = binKeys[i];
                cs[k] = binCounts[i] + later.binCounts[j];
                mins[k] = Math.min(binMin[i], later.binMin[j]);
                maxs[k] = Math.max(binMax[i], later.binMax[j]);
                i++;
                j++;
            } else if (fromThis) {
                keys[k] = binKeys[i];
                cs[k] = binCounts[i];
                mins[k] = binMin[i];
                maxs[k] = binMax[i];
                i++;
            } else {
                keys[k] = later.binKeys[j];
                cs[k] = later.binCounts[j];
                mins[k] = later.binMin[j];
                maxs[k] = later.binMax[j];
                j++;
            }
        }
        double[] tail = mergeAscending(impostorTail, later.impostorTail);
        if (tail.length > TAIL) {
            tail = Arrays.copyOfRange(tail, tail.length - TAIL, tail.length);
        }
        return new ComparisonSummary(c, f, mergeAscending(genuineScores, later.genuineScores), keys, cs, mins, maxs,
                tail, add(genuineBySubject, later.genuineBySubject),
                add(failedGenuineBySubject, later.failedGenuineBySubject),
                add(impostorBySubject, later.impostorBySubject), batchRetries + later.batchRetries);
    }

    private static double[] mergeAscending(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        for (int i = 0, j = 0, k = 0; k < out.length; k++) {
            // Double.compare orders -0.0 before 0.0, as Arrays.sort does, so merges equal a sort.
            out[k] = j == b.length || (i < a.length && Double.compare(a[i], b[j]) <= 0) ? a[i++] : b[j++];
        }
        return out;
    }

    private static long[] add(long[] a, long[] b) {
        long[] out = a.clone();
        for (int i = 0; i < b.length; i++) {
            out[i] += b[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComparisonSummary s && Arrays.deepEquals(counts, s.counts) && failures.equals(s.failures)
                && Arrays.equals(genuineScores, s.genuineScores) && Arrays.equals(binKeys, s.binKeys)
                && Arrays.equals(binCounts, s.binCounts) && Arrays.equals(binMin, s.binMin)
                && Arrays.equals(binMax, s.binMax) && Arrays.equals(impostorTail, s.impostorTail)
                && Arrays.equals(genuineBySubject, s.genuineBySubject)
                && Arrays.equals(failedGenuineBySubject, s.failedGenuineBySubject)
                && Arrays.equals(impostorBySubject, s.impostorBySubject) && batchRetries == s.batchRetries;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.deepHashCode(counts), failures, Arrays.hashCode(genuineScores),
                Arrays.hashCode(binKeys), Arrays.hashCode(binCounts), Arrays.hashCode(impostorTail), batchRetries);
    }

    @Override
    public String toString() {
        return "ComparisonSummary[pairs " + pairs() + ", compared " + compared() + ", failed " + failedComparisons()
                + ", not compared " + notCompared() + ", genuine " + genuineComparisons() + ", impostor "
                + impostorComparisons() + ", impostor bins " + binKeys.length + ", tail " + impostorTail.length
                + ", failures " + failures + ", batch retries " + batchRetries + "]";
    }

    /** Adds up pair outcomes one at a time; not thread safe. */
    static final class Builder {
        private final long[][] counts = new long[2][3];
        private final TreeMap<String, Long> failures = new TreeMap<>();
        private double[] genuine = new double[16];
        private int genuineCount;
        private double[] impostor = new double[256];
        private int impostorCount;
        private final long[] genuineBySubject;
        private final long[] failedGenuineBySubject;
        private final long[] impostorBySubject;

        Builder(int subjects) {
            genuineBySubject = new long[subjects];
            failedGenuineBySubject = new long[subjects];
            impostorBySubject = new long[subjects];
        }

        /**
         * @param enrolmentSubject the enrolment template's subject index
         * @param probeSubject     the probe template's subject index
         * @param outcome          what became of the pair
         * @param score            the score when {@link Outcome#OK}
         * @param failure          the failure code otherwise
         */
        void add(int enrolmentSubject, int probeSubject, Outcome outcome, double score, FailureCode failure) {
            boolean mated = enrolmentSubject == probeSubject;
            counts[mated ? 1 : 0][outcome.ordinal()]++;
            if (outcome != Outcome.OK) {
                failures.merge((mated ? "mated " : "non_mated ") + outcome.name().toLowerCase(java.util.Locale.ROOT)
                        + " " + failure.name(), 1L, Long::sum);
            }
            if (mated) {
                genuineBySubject[probeSubject]++;
                if (outcome == Outcome.OK) {
                    if (genuineCount == genuine.length) {
                        genuine = Arrays.copyOf(genuine, 2 * genuineCount);
                    }
                    genuine[genuineCount++] = score;
                } else {
                    failedGenuineBySubject[probeSubject]++;
                }
            } else {
                impostorBySubject[enrolmentSubject]++;
                impostorBySubject[probeSubject]++;
                if (outcome == Outcome.OK) {
                    if (impostorCount == impostor.length) {
                        impostor = Arrays.copyOf(impostor, 2 * impostorCount);
                    }
                    impostor[impostorCount++] = score;
                }
            }
        }

        /**
         * @param batchRetries batched calls retried one by one while the pairs were compared
         * @return the summary
         */
        ComparisonSummary build(long batchRetries) {
            double[] g = Arrays.copyOf(genuine, genuineCount);
            Arrays.sort(g);
            double[] scores = Arrays.copyOf(impostor, impostorCount);
            Arrays.sort(scores);
            int bins = 0;
            for (int i = 0; i < scores.length; i++) {
                if (i == 0 || binOf(scores[i]) != binOf(scores[i - 1])) {
                    bins++;
                }
            }
            int[] keys = new int[bins];
            long[] cs = new long[bins];
            double[] mins = new double[bins];
            double[] maxs = new double[bins];
            for (int i = 0, b = -1; i < scores.length; i++) {
                int key = binOf(scores[i]);
                if (b < 0 || keys[b] != key) {
                    b++;
                    keys[b] = key;
                    mins[b] = scores[i];
                }
                cs[b]++;
                maxs[b] = scores[i];
            }
            double[] tail = Arrays.copyOfRange(scores, Math.max(0, scores.length - TAIL), scores.length);
            return new ComparisonSummary(counts, failures, g, keys, cs, mins, maxs, tail, genuineBySubject,
                    failedGenuineBySubject, impostorBySubject, batchRetries);
        }
    }
}
