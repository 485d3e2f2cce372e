package org.touchstone.reports.stats;

import java.util.Objects;

/**
 * The outcome of a significance test.
 *
 * @param method    which test, for example {@code "two-proportion-z"}
 * @param statistic the test statistic (z, chi-square, ...); NaN when the test could not be computed
 * @param pValue    the p-value in [0, 1]; NaN when the test could not be computed (for example no trials)
 */
public record TestResult(String method, double statistic, double pValue) {
    /**
     * @param method    not null
     * @param statistic any value
     * @param pValue    in [0, 1] or NaN
     */
    public TestResult {
        Objects.requireNonNull(method, "method");
        if (!(Double.isNaN(pValue) || (pValue >= 0 && pValue <= 1))) {
            throw new IllegalArgumentException("p-value must be in [0, 1], was " + pValue);
        }
    }

    /**
     * Whether the test could be computed.
     *
     * @return true when the p-value is a number
     */
    public boolean isDefined() {
        return !Double.isNaN(pValue);
    }
}
