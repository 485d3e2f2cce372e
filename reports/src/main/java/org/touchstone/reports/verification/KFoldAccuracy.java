package org.touchstone.reports.verification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * k-fold verification accuracy as LFW defines it (results page and README: "train on 9 folds, classify each
 * pair of the held-out fold; repeat 10 times"): for each fold, the threshold that maximises accuracy on the
 * other folds' pairs is applied to the fold's pairs; the folds' accuracies give the mean and the standard
 * error of the mean (sample standard deviation, n - 1, over sqrt(k)); and the ROC is averaged over folds at
 * fixed thresholds ("each point ... the average over the 10 folds of (false positive rate, true positive
 * rate) for a fixed threshold").
 *
 * <p>Decision rule: a pair is accepted as "same" when it was scored and its score is {@code >= threshold}.
 * A pair that failed (a failed template, such as an image the dataset lacks, or a failed comparison) is
 * never accepted: correct when impostor, wrong when genuine (failure policy {@code non-match}).
 * The threshold of a fold is a score of its training pairs (or +infinity: accept nothing) maximising
 * training accuracy; among ties, the lowest. Plain math, no I/O.
 */
public final class KFoldAccuracy {
    private KFoldAccuracy() {
    }

    /**
     * One pair.
     *
     * @param fold  its fold, 1 to k
     * @param mated whether it is genuine
     * @param score its score, or NaN when it failed
     */
    public record Pair(int fold, boolean mated, double score) {
    }

    /**
     * One fold's result.
     *
     * @param fold             the fold, 1 to k
     * @param genuine          its genuine pairs
     * @param impostor         its impostor pairs
     * @param failed           its pairs without a score
     * @param threshold        the threshold chosen on the other folds (+infinity: accept nothing)
     * @param trainingAccuracy the other folds' accuracy at that threshold
     * @param correct          its pairs classified correctly at that threshold
     * @param accuracy         correct / pairs
     */
    public record Fold(int fold, long genuine, long impostor, long failed, double threshold, double trainingAccuracy,
                       long correct, double accuracy) {
        /** @return genuine + impostor */
        public long pairs() {
            return genuine + impostor;
        }
    }

    /**
     * A point of the fold-averaged ROC.
     *
     * @param threshold the fixed threshold
     * @param meanFmr   the mean over folds of the false match (false positive) rate at it
     * @param meanTmr   the mean over folds of the true match (true positive) rate at it
     */
    public record RocPoint(double threshold, double meanFmr, double meanTmr) {
    }

    /**
     * The result.
     *
     * @param folds                per fold, in fold order
     * @param meanAccuracy         the mean of the folds' accuracies
     * @param sampleStdDev         their standard deviation with denominator k - 1
     * @param standardError        {@code sampleStdDev / sqrt(k)}: the standard error of the mean, as LFW reports
     * @param populationStdDev     their standard deviation with denominator k: what insightface and facenet
     *                             print after "+-" ({@code np.std}); equal to {@code standardError * sqrt(k - 1)}
     * @param roc                  the fold-averaged ROC, thresholds descending (FMR ascending)
     * @param rocFolds             the folds averaged into the ROC (those with genuine and impostor pairs)
     */
    public record Result(List<Fold> folds, double meanAccuracy, double sampleStdDev, double standardError,
                         double populationStdDev, List<RocPoint> roc, int rocFolds) {
        /** Copies the lists. */
        public Result {
            folds = List.copyOf(folds);
            roc = List.copyOf(roc);
        }

        /** @return the number of folds */
        public int k() {
            return folds.size();
        }
    }

    /** The most thresholds of the fold-averaged ROC; more distinct scores are thinned evenly. */
    public static final int MAX_ROC_POINTS = 1000;

    /**
     * @param pairs every pair, each with its fold
     * @param k     the number of folds; every fold from 1 to k must have a pair
     * @return the k-fold result
     * @throws IllegalArgumentException if a fold is out of range or empty, or k < 2
     */
    public static Result compute(List<Pair> pairs, int k) {
        Objects.requireNonNull(pairs, "pairs");
        if (k < 2) {
            throw new IllegalArgumentException("k-fold accuracy needs at least 2 folds, found " + k);
        }
        long[] perFold = new long[k + 1];
        for (Pair p : pairs) {
            if (p.fold < 1 || p.fold > k) {
                throw new IllegalArgumentException("fold " + p.fold + " is outside 1.." + k);
            }
            perFold[p.fold]++;
        }
        for (int f = 1; f <= k; f++) {
            if (perFold[f] == 0) {
                throw new IllegalArgumentException("fold " + f + " has no pairs");
            }
        }
        double[][] chosen = new double[k][];
        for (int f = 1; f <= k; f++) {
            int fold = f;
            chosen[f - 1] = bestThreshold(pairs.stream().filter(p -> p.fold != fold).toList());
        }
        return evaluate(pairs, k, chosen, true);
    }

    /**
     * The folds' accuracies at thresholds chosen elsewhere: for a group of pairs (one race of RFW) at the
     * thresholds {@link #compute} chose on all pairs (one global threshold per fold).
     *
     * @param pairs      the pairs to evaluate (some folds may lack pairs: they are left out of the mean)
     * @param k          the number of folds
     * @param thresholds per fold, the threshold to apply
     * @return the result; training accuracies are NaN and the ROC is empty
     */
    public static Result atThresholds(List<Pair> pairs, int k, double[] thresholds) {
        double[][] chosen = new double[k][];
        for (int f = 0; f < k; f++) {
            chosen[f] = new double[] {thresholds[f], Double.NaN};
        }
        return evaluate(pairs, k, chosen, false);
    }

    /** @return the thresholds of a result's folds, in fold order */
    public static double[] thresholds(Result result) {
        return result.folds().stream().mapToDouble(Fold::threshold).toArray();
    }

    private static Result evaluate(List<Pair> pairs, int k, double[][] chosen, boolean withRoc) {
        List<Fold> folds = new ArrayList<>(k);
        List<Double> accuracies = new ArrayList<>();
        for (int f = 1; f <= k; f++) {
            int fold = f;
            long genuine = 0;
            long impostor = 0;
            long failed = 0;
            long correct = 0;
            for (Pair p : pairs) {
                if (p.fold != fold) {
                    continue;
                }
                if (p.mated) {
                    genuine++;
                } else {
                    impostor++;
                }
                if (Double.isNaN(p.score)) {
                    failed++;
                }
                if (accepted(p, chosen[f - 1][0]) == p.mated) {
                    correct++;
                }
            }
            if (genuine + impostor == 0) {
                continue;
            }
            double accuracy = (double) correct / (genuine + impostor);
            accuracies.add(accuracy);
            folds.add(new Fold(f, genuine, impostor, failed, chosen[f - 1][0], chosen[f - 1][1], correct, accuracy));
        }
        int n = accuracies.size();
        double mean = accuracies.stream().mapToDouble(Double::doubleValue).sum() / n;
        double squares = accuracies.stream().mapToDouble(a -> (a - mean) * (a - mean)).sum();
        double sampleSd = n > 1 ? Math.sqrt(squares / (n - 1)) : Double.NaN;
        return new Result(folds, mean, sampleSd, sampleSd / Math.sqrt(n), Math.sqrt(squares / n),
                withRoc ? averagedRoc(pairs, k) : List.of(), withRoc ? (int) rocFolds(pairs, k) : 0);
    }

    private static boolean accepted(Pair p, double threshold) {
        return !Double.isNaN(p.score) && p.score >= threshold;
    }

    /** @return {threshold, training accuracy}: the lowest training score maximising accuracy, or +infinity */
    static double[] bestThreshold(List<Pair> training) {
        double[] scores = training.stream().filter(p -> !Double.isNaN(p.score)).mapToDouble(Pair::score).toArray();
        boolean[] mated = new boolean[scores.length];
        Integer[] order = new Integer[scores.length];
        int n = 0;
        for (Pair p : training) {
            if (!Double.isNaN(p.score)) {
                mated[n] = p.mated;
                order[n] = n;
                n++;
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        long impostorsTotal = training.stream().filter(p -> !p.mated).count();
        long scoredGenuine = 0;
        for (boolean m : mated) {
            if (m) {
                scoredGenuine++;
            }
        }
        // At threshold t = the i-th smallest score: accepted = scored pairs from i on. Correct = scored genuine
        // at or above t + every impostor below t or failed. Start at +infinity: every impostor correct.
        long bestCorrect = impostorsTotal;
        double bestThreshold = Double.POSITIVE_INFINITY;
        long genuineBelow = 0;
        long scoredImpostorBelow = 0;
        long scoredImpostor = n - scoredGenuine;
        long failedImpostor = impostorsTotal - scoredImpostor;
        int i = 0;
        while (i < n) {
            double t = scores[order[i]];
            long correct = (scoredGenuine - genuineBelow) + scoredImpostorBelow + failedImpostor;
            if (correct >= bestCorrect && (correct > bestCorrect || t < bestThreshold)) {
                bestCorrect = correct;
                bestThreshold = t;
            }
            while (i < n && scores[order[i]] == t) {
                if (mated[order[i]]) {
                    genuineBelow++;
                } else {
                    scoredImpostorBelow++;
                }
                i++;
            }
        }
        return new double[] {bestThreshold, training.isEmpty() ? Double.NaN : (double) bestCorrect / training.size()};
    }

    private static long rocFolds(List<Pair> pairs, int k) {
        long count = 0;
        for (int f = 1; f <= k; f++) {
            int fold = f;
            if (pairs.stream().anyMatch(p -> p.fold == fold && p.mated)
                    && pairs.stream().anyMatch(p -> p.fold == fold && !p.mated)) {
                count++;
            }
        }
        return count;
    }

    /** The mean over folds (with both kinds of pair) of (FMR, TMR) at each distinct score, thinned. */
    private static List<RocPoint> averagedRoc(List<Pair> pairs, int k) {
        double[] distinct = pairs.stream().filter(p -> !Double.isNaN(p.score)).mapToDouble(Pair::score)
                .distinct().sorted().toArray();
        double[] thresholds = distinct;
        if (distinct.length > MAX_ROC_POINTS) {
            thresholds = new double[MAX_ROC_POINTS];
            for (int j = 0; j < MAX_ROC_POINTS; j++) {
                thresholds[j] = distinct[(int) Math.round((double) j * (distinct.length - 1) / (MAX_ROC_POINTS - 1))];
            }
        }
        // Per fold, its scored genuine and impostor scores, sorted, and its pair counts.
        List<double[][]> folds = new ArrayList<>();
        for (int f = 1; f <= k; f++) {
            int fold = f;
            double[] g = pairs.stream().filter(p -> p.fold == fold && p.mated && !Double.isNaN(p.score))
                    .mapToDouble(Pair::score).sorted().toArray();
            double[] im = pairs.stream().filter(p -> p.fold == fold && !p.mated && !Double.isNaN(p.score))
                    .mapToDouble(Pair::score).sorted().toArray();
            long gAll = pairs.stream().filter(p -> p.fold == fold && p.mated).count();
            long iAll = pairs.stream().filter(p -> p.fold == fold && !p.mated).count();
            if (gAll > 0 && iAll > 0) {
                folds.add(new double[][] {g, im, {gAll, iAll}});
            }
        }
        List<RocPoint> roc = new ArrayList<>(thresholds.length);
        for (int j = thresholds.length - 1; j >= 0; j--) {
            double t = thresholds[j];
            double fmr = 0;
            double tmr = 0;
            for (double[][] f : folds) {
                tmr += atOrAbove(f[0], t) / f[2][0];
                fmr += atOrAbove(f[1], t) / f[2][1];
            }
            roc.add(new RocPoint(t, fmr / folds.size(), tmr / folds.size()));
        }
        return roc;
    }

    /** @return how many of the sorted values are >= t */
    private static double atOrAbove(double[] sorted, double t) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return sorted.length - lo;
    }
}
