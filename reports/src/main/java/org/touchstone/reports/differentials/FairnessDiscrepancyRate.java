package org.touchstone.reports.differentials;

import java.util.ArrayList;
import java.util.List;

/**
 * The Fairness Discrepancy Rate (de Freitas Pereira and Marcel, 2022) at one threshold:
 * A = max |FMR_i - FMR_j|, B = max |FNMR_i - FNMR_j| over pairs of groups, FDR = 1 - (alpha A + (1 - alpha) B);
 * 1 means no differential. Differences need no zero-rate handling. Each maximum runs over the groups
 * whose rate is defined (with trials); with fewer than two such groups it is 0.
 *
 * @param alpha         weight of the FMR term, in [0, 1]
 * @param maxFmrGap     A
 * @param maxFnmrGap    B
 * @param fdr           1 - (alpha A + (1 - alpha) B)
 * @param fmrGroupsUsed groups with impostor comparisons
 * @param fnmrGroupsUsed groups with genuine comparisons
 */
public record FairnessDiscrepancyRate(double alpha, double maxFmrGap, double maxFnmrGap, double fdr,
                                      int fmrGroupsUsed, int fnmrGroupsUsed) {
    /** The weight used by the reports when none is declared: FMR and FNMR count alike. */
    public static final double EQUAL_WEIGHT = 0.5;

    /**
     * Computes the FDR.
     *
     * @param fmr   FMR per group at the threshold
     * @param fnmr  FNMR per group at the same threshold
     * @param alpha weight of the FMR term, in [0, 1]
     * @return the rate
     */
    public static FairnessDiscrepancyRate of(GroupRates fmr, GroupRates fnmr, double alpha) {
        requireWeight(alpha);
        double[] fmrRates = definedRates(fmr);
        double[] fnmrRates = definedRates(fnmr);
        double a = range(fmrRates);
        double b = range(fnmrRates);
        return new FairnessDiscrepancyRate(alpha, a, b, 1 - (alpha * a + (1 - alpha) * b), fmrRates.length,
                fnmrRates.length);
    }

    static void requireWeight(double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("weight must be in [0, 1], was " + alpha);
        }
    }

    static double[] definedRates(GroupRates rates) {
        List<Double> values = new ArrayList<>();
        rates.defined().values().forEach(rate -> values.add(rate.rate()));
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The largest pairwise absolute difference is the range. */
    private static double range(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
            min = Math.min(min, value);
        }
        return max - min;
    }
}
