package org.touchstone.reports.differentials;

/**
 * GARBE, the Gini Aggregation Rate for Biometric Equitability (Howard et al., Maryland Test Facility), at
 * one threshold: G(x) = (n / (n - 1)) sum_i sum_j |x_i - x_j| / (2 n^2 mean(x)) over the n groups' rates,
 * GARBE = alpha G(FMR) + (1 - alpha) G(FNMR); 0 means parity. Zero rates need no handling: the Gini
 * coefficient is defined whenever the mean is above 0, and is taken as 0 when every rate is 0 (all equal).
 * It is undefined (NaN) with fewer than two groups.
 *
 * @param alpha         weight of the FMR term, in [0, 1]
 * @param giniFmr       G over the groups' FMR
 * @param giniFnmr      G over the groups' FNMR
 * @param garbe         alpha G(FMR) + (1 - alpha) G(FNMR)
 * @param fmrGroupsUsed groups with impostor comparisons
 * @param fnmrGroupsUsed groups with genuine comparisons
 */
public record Garbe(double alpha, double giniFmr, double giniFnmr, double garbe, int fmrGroupsUsed,
                    int fnmrGroupsUsed) {

    /**
     * Computes GARBE.
     *
     * @param fmr   FMR per group at the threshold
     * @param fnmr  FNMR per group at the same threshold
     * @param alpha weight of the FMR term, in [0, 1]
     * @return GARBE and its two Gini coefficients
     */
    public static Garbe of(GroupRates fmr, GroupRates fnmr, double alpha) {
        FairnessDiscrepancyRate.requireWeight(alpha);
        double[] fmrRates = FairnessDiscrepancyRate.definedRates(fmr);
        double[] fnmrRates = FairnessDiscrepancyRate.definedRates(fnmr);
        double giniFmr = gini(fmrRates);
        double giniFnmr = gini(fnmrRates);
        return new Garbe(alpha, giniFmr, giniFnmr, alpha * giniFmr + (1 - alpha) * giniFnmr, fmrRates.length,
                fnmrRates.length);
    }

    /**
     * The small-sample Gini coefficient as GARBE defines it.
     *
     * @param values non-negative rates
     * @return G in [0, 1]; 0 when all values are 0; NaN with fewer than two values
     */
    public static double gini(double[] values) {
        int n = values.length;
        if (n < 2) {
            return Double.NaN;
        }
        double sum = 0;
        double absoluteDifferences = 0;
        for (double x : values) {
            sum += x;
            for (double y : values) {
                absoluteDifferences += Math.abs(x - y);
            }
        }
        if (sum == 0) {
            return 0;
        }
        double mean = sum / n;
        return (double) n / (n - 1) * absoluteDifferences / (2.0 * n * n * mean);
    }
}
