package org.touchstone.reports.attributes;

import java.util.List;
import java.util.Objects;
import org.touchstone.reports.stats.Proportion;

/**
 * Whether stated confidence matches observed accuracy, over the estimates of a categorical attribute
 * (images whose analysis failed have no confidence and are left out).
 *
 * <p>The estimates are put in M equal-width bins of confidence: bin m holds confidences in
 * [m/M, (m+1)/M), the last bin also 1, computed as {@code min(floor(confidence * M), M - 1)}. With
 * acc(B) the share of correct estimates in bin B and conf(B) their mean confidence, over n estimates:
 * ECE = sum over bins of (|B|/n) |acc(B) - conf(B)|; MCE = the largest |acc(B) - conf(B)| over non-empty
 * bins; Brier = mean over estimates of (p - y)^2 with p the confidence of the estimated label and y = 1
 * when it is right, else 0 (the "top-label" Brier score: the system states one confidence per estimate).
 *
 * @param estimates n
 * @param bins      M bins, in ascending order of confidence, empty ones included
 * @param ece       expected calibration error; NaN when n = 0
 * @param mce       maximum calibration error; NaN when n = 0
 * @param brier     Brier score; NaN when n = 0
 */
public record Calibration(long estimates, List<Bin> bins, double ece, double mce, double brier) {
    /**
     * One bin of the reliability diagram.
     *
     * @param index          m, from 0
     * @param lower          m / M
     * @param upper          (m + 1) / M
     * @param meanConfidence mean confidence of its estimates, NaN when empty
     * @param accuracy       correct estimates out of its estimates
     */
    public record Bin(int index, double lower, double upper, double meanConfidence, Proportion accuracy) {
        /**
         * @param index          {@code >= 0}
         * @param lower          lower edge
         * @param upper          upper edge
         * @param meanConfidence NaN exactly when the bin is empty
         * @param accuracy       not null
         */
        public Bin {
            Objects.requireNonNull(accuracy, "accuracy");
        }

        /**
         * Number of estimates in the bin.
         *
         * @return |B|
         */
        public long count() {
            return accuracy.trials();
        }

        /**
         * The calibration gap of the bin.
         *
         * @return |acc(B) - conf(B)|, NaN when empty
         */
        public double gap() {
            return Math.abs(accuracy.rate() - meanConfidence);
        }
    }

    /**
     * @param estimates {@code >= 0}
     * @param bins      copied, at least one
     * @param ece       the ECE
     * @param mce       the MCE
     * @param brier     the Brier score
     */
    public Calibration {
        bins = List.copyOf(bins);
        if (bins.isEmpty()) {
            throw new IllegalArgumentException("need at least one bin");
        }
    }

    /**
     * Bins the estimates and computes the summaries.
     *
     * @param confidences the estimates' confidences, in [0, 1]
     * @param correct     whether each estimate is right, same length
     * @param binCount    M, {@code >= 1}
     * @return the calibration
     */
    static Calibration of(double[] confidences, boolean[] correct, int binCount) {
        if (binCount < 1) {
            throw new IllegalArgumentException("need at least one bin, was " + binCount);
        }
        long[] counts = new long[binCount];
        long[] right = new long[binCount];
        double[] confidenceSums = new double[binCount];
        double brierSum = 0;
        for (int i = 0; i < confidences.length; i++) {
            int bin = Math.min((int) Math.floor(confidences[i] * binCount), binCount - 1);
            counts[bin]++;
            confidenceSums[bin] += confidences[i];
            double y = correct[i] ? 1 : 0;
            if (correct[i]) {
                right[bin]++;
            }
            brierSum += (confidences[i] - y) * (confidences[i] - y);
        }
        int n = confidences.length;
        double ece = 0;
        double mce = Double.NaN;
        List<Bin> bins = new java.util.ArrayList<>();
        for (int m = 0; m < binCount; m++) {
            double mean = counts[m] == 0 ? Double.NaN : confidenceSums[m] / counts[m];
            Bin bin = new Bin(m, (double) m / binCount, (double) (m + 1) / binCount, mean, new Proportion(right[m], counts[m]));
            bins.add(bin);
            if (counts[m] > 0) {
                ece += (double) counts[m] / n * bin.gap();
                mce = Double.isNaN(mce) ? bin.gap() : Math.max(mce, bin.gap());
            }
        }
        return n == 0 ? new Calibration(0, bins, Double.NaN, Double.NaN, Double.NaN)
                : new Calibration(n, bins, ece, mce, brierSum / n);
    }
}
