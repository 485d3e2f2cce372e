package org.touchstone.reports.verification;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The equal error rate, where FMR and FNMR cross, by one of two named methods.
 *
 * <ul>
 *   <li>{@link Method#INTERPOLATED}: sweep the candidate thresholds upwards, find the first consecutive
 *       pair where d = FMR - FNMR goes from positive to zero or negative, and interpolate linearly:
 *       lambda = d_k / (d_k - d_k+1), EER = FMR_k + lambda (FMR_k+1 - FMR_k), with the threshold
 *       interpolated the same way. The two rates are never exactly equal at an observed threshold, so
 *       the rates at the nearer candidate (smaller |d|; the lower threshold on a tie) are reported too,
 *       with their half total error rate (FMR + FNMR) / 2.</li>
 *   <li>{@link Method#ROCCH}: the EER of the ROC convex hull, as BOSARIS {@code rocch2eer}: the point
 *       where the lower convex hull of the (FMR, FNMR) points, closed by the reject-all point (0, 1),
 *       crosses FMR = FNMR. It is never above the interpolated EER and is reached by mixing the two
 *       thresholds of a hull segment, so it has no single threshold.</li>
 * </ul>
 * When FNMR already exceeds FMR at the lowest threshold (possible when many genuine comparisons failed)
 * the curves never cross and there is no EER.
 *
 * @param method           how it was computed
 * @param rate             the EER
 * @param threshold        the interpolated threshold; NaN for {@link Method#ROCCH}
 * @param nearestCandidate the rates at the candidate threshold nearest the crossing; null for
 *                         {@link Method#ROCCH}
 */
public record EqualErrorRate(Method method, double rate, double threshold, ErrorRates nearestCandidate) {

    /** How an EER was computed. */
    public enum Method {
        /** Linear interpolation between the two sweep thresholds around the crossing. */
        INTERPOLATED("interpolated"),
        /** ROC convex hull (BOSARIS rocch2eer). */
        ROCCH("rocch");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        /**
         * The name written into reports.
         *
         * @return {@code "interpolated"} or {@code "rocch"}
         */
        public String label() {
            return label;
        }
    }

    /**
     * @param method           not null
     * @param rate             in [0, 1]
     * @param threshold        the interpolated threshold, or NaN
     * @param nearestCandidate the rates at the nearest candidate, or null
     */
    public EqualErrorRate {
        Objects.requireNonNull(method, "method");
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("EER must be in [0, 1], was " + rate);
        }
    }

    /**
     * The interpolated EER.
     *
     * @param scores the comparison outcomes
     * @return the EER, or empty when there are no genuine or no impostor comparisons, or no crossing
     */
    public static Optional<EqualErrorRate> interpolated(ScoreDistribution scores) {
        long genuine = scores.genuineComparisons();
        long impostors = scores.impostorComparisons();
        if (genuine == 0 || impostors == 0) {
            return Optional.empty();
        }
        ThresholdSweep sweep = scores.sweep();
        ErrorRates previous = null;
        while (sweep.next()) {
            ErrorRates current = ErrorRates.at(scores, sweep);
            double d = difference(current);
            if (d <= 0) {
                if (previous == null) {
                    return d == 0 ? Optional.of(new EqualErrorRate(Method.INTERPOLATED, current.fmr().rate(),
                            current.threshold(), current)) : Optional.empty();
                }
                double dPrevious = difference(previous);
                double lambda = dPrevious / (dPrevious - d);
                double fmrPrevious = previous.fmr().rate();
                double rate = fmrPrevious + lambda * (current.fmr().rate() - fmrPrevious);
                double threshold = previous.threshold() + lambda * (current.threshold() - previous.threshold());
                ErrorRates nearest = Math.abs(d) < Math.abs(dPrevious) ? current : previous;
                return Optional.of(new EqualErrorRate(Method.INTERPOLATED, rate, threshold, nearest));
            }
            previous = current;
        }
        return Optional.empty();
    }

    /**
     * The ROC convex hull EER.
     *
     * @param scores the comparison outcomes
     * @return the EER, or empty when there are no genuine or no impostor comparisons, or no crossing
     */
    public static Optional<EqualErrorRate> rocch(ScoreDistribution scores) {
        long genuine = scores.genuineComparisons();
        long impostors = scores.impostorComparisons();
        if (genuine == 0 || impostors == 0) {
            return Optional.empty();
        }
        LowerHull hull = new LowerHull();
        ThresholdSweep sweep = scores.sweep();
        while (sweep.next()) {
            hull.add((double) sweep.falseMatches() / impostors, (double) sweep.falseNonMatches() / genuine);
        }
        hull.add(0, 1);
        return hull.diagonalCrossing().map(rate -> new EqualErrorRate(Method.ROCCH, rate, Double.NaN, null));
    }

    private static double difference(ErrorRates rates) {
        return rates.fmr().rate() - rates.fnmr().rate();
    }

    /**
     * Lower convex hull of points arriving with FMR non-increasing and, for equal FMR, FNMR non-decreasing
     * (the order of a threshold sweep): Andrew's monotone chain on (-FMR, FNMR), which is lexicographically
     * sorted in that order, so the hull is built in one pass. Hand-written: no managed dependency has a
     * convex hull, and this one streams.
     */
    private static final class LowerHull {
        // Two primitive arrays rather than objects: the hull can hold a vertex per sweep threshold.
        private double[] fmr = new double[64];
        private double[] fnmr = new double[64];
        private int size;

        void add(double x, double y) {
            while (size >= 2 && cross(size - 2, size - 1, x, y) <= 0) {
                size--;
            }
            if (size == fmr.length) {
                fmr = Arrays.copyOf(fmr, size * 2);
                fnmr = Arrays.copyOf(fnmr, size * 2);
            }
            fmr[size] = x;
            fnmr[size] = y;
            size++;
        }

        /** Cross product of (a -> b) and (a -> p) in the (-FMR, FNMR) plane; > 0 is a left turn. */
        private double cross(int a, int b, double x, double y) {
            double abU = -(fmr[b] - fmr[a]);
            double abV = fnmr[b] - fnmr[a];
            double apU = -(x - fmr[a]);
            double apV = y - fnmr[a];
            return abU * apV - abV * apU;
        }

        Optional<Double> diagonalCrossing() {
            double dFirst = fmr[0] - fnmr[0];
            if (dFirst <= 0) {
                return dFirst == 0 ? Optional.of(fmr[0]) : Optional.empty();
            }
            for (int k = 1; k < size; k++) {
                double d = fmr[k] - fnmr[k];
                if (d <= 0) {
                    double dPrevious = fmr[k - 1] - fnmr[k - 1];
                    double lambda = dPrevious / (dPrevious - d);
                    return Optional.of(fmr[k - 1] + lambda * (fmr[k] - fmr[k - 1]));
                }
            }
            return Optional.empty();
        }
    }
}
