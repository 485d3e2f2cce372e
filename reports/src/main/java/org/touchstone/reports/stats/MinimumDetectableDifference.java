package org.touchstone.reports.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The minimum detectable difference of a two-sided two-proportion z test: the smallest rise (or fall)
 * from a base rate p1 that the test detects with the given power at the given sample sizes. It is what
 * "no significant difference" must be printed with, since absence of evidence is not evidence of parity.
 *
 * <p>It solves the usual sample-size equation for p2:
 * {@code z(1 - alpha/2) sqrt(pbar qbar (1/n1 + 1/n2)) + z(power) sqrt(p1 q1 / n1 + p2 q2 / n2) = |p2 - p1|},
 * with pbar = (n1 p1 + n2 p2) / (n1 + n2), q = 1 - p, by bisection (the left side minus the right changes
 * sign once on each side of p1). With n1 = n2 = 2,000, p1 = 1%, alpha = 0.05 and power 0.8 it gives a rise
 * to about 2.1%; with alpha = 0.05 / 15 (Bonferroni over 15 pairs) about 2.6%.
 */
public final class MinimumDetectableDifference {
    /** The conventional test level. */
    public static final double ALPHA = 0.05;
    /** The conventional power. */
    public static final double POWER = 0.8;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private MinimumDetectableDifference() {
    }

    /**
     * The detectable rates on either side of a base rate.
     *
     * @param baseRate    p1
     * @param alpha       two-sided level used
     * @param power       power used
     * @param detectableRise the smallest p2 &gt; p1 detected; NaN when even p2 = 1 is not detected
     * @param detectableFall the largest p2 &lt; p1 detected; NaN when even p2 = 0 is not detected
     */
    public record Result(double baseRate, double alpha, double power, double detectableRise, double detectableFall) {
        /**
         * The minimum detectable rise, p2 - p1.
         *
         * @return the difference, NaN when no rise is detectable
         */
        public double rise() {
            return detectableRise - baseRate;
        }
    }

    /**
     * Computes the detectable rates.
     *
     * @param baseRate p1 in [0, 1]
     * @param n1       trials behind p1, {@code > 0}
     * @param n2       trials of the group compared, {@code > 0}
     * @param alpha    two-sided level in (0, 1), for example 0.05 or a Bonferroni-corrected 0.05 / m
     * @param power    in (0, 1), for example 0.8
     * @return the rates; NaN on a side where no difference is detectable
     */
    public static Result of(double baseRate, long n1, long n2, double alpha, double power) {
        if (!(baseRate >= 0 && baseRate <= 1) || n1 <= 0 || n2 <= 0 || !(alpha > 0 && alpha < 1)
                || !(power > 0 && power < 1)) {
            throw new IllegalArgumentException("need base rate in [0, 1], n > 0, alpha and power in (0, 1); was "
                    + baseRate + ", " + n1 + ", " + n2 + ", " + alpha + ", " + power);
        }
        double zAlpha = STANDARD_NORMAL.inverseSurvivalProbability(alpha / 2);
        double zPower = STANDARD_NORMAL.inverseCumulativeProbability(power);
        return new Result(baseRate, alpha, power, solve(baseRate, 1, n1, n2, zAlpha, zPower),
                solve(baseRate, 0, n1, n2, zAlpha, zPower));
    }

    /** Bisection for the p2 between p1 and the bound where the gap first covers the needed margin. */
    private static double solve(double p1, double bound, long n1, long n2, double zAlpha, double zPower) {
        if (bound == p1 || excess(p1, bound, n1, n2, zAlpha, zPower) < 0) {
            return Double.NaN;
        }
        double near = p1;
        double far = bound;
        for (int i = 0; i < 200 && near != far; i++) {
            double mid = (near + far) / 2;
            if (mid == near || mid == far) {
                break;
            }
            if (excess(p1, mid, n1, n2, zAlpha, zPower) >= 0) {
                far = mid;
            } else {
                near = mid;
            }
        }
        return far;
    }

    /** |p2 - p1| minus what the test needs to detect it; >= 0 where detectable. */
    private static double excess(double p1, double p2, long n1, long n2, double zAlpha, double zPower) {
        double pooled = (n1 * p1 + n2 * p2) / (n1 + n2);
        double nullSd = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        double alternativeSd = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        return Math.abs(p2 - p1) - (zAlpha * nullSd + zPower * alternativeSd);
    }
}
