package org.touchstone.reports.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Corrections for testing many hypotheses at once, as adjusted p-values: hypothesis i is rejected at
 * level alpha when its adjusted p-value is {@code <= alpha}. Undefined (NaN) p-values are left out of the
 * family and stay NaN.
 */
public enum MultipleComparisons {
    /** No correction: the adjusted p-values are the raw ones. */
    NONE("none"),
    /**
     * Holm's step-down method: sort p ascending, adjusted p_(i) = max over j &lt;= i of min(1, (m - j + 1) p_(j)).
     * Controls the family-wise error rate, never less powerful than Bonferroni.
     */
    HOLM("holm"),
    /**
     * Benjamini-Hochberg: sort p ascending, adjusted p_(i) = min over j &gt;= i of min(1, m p_(j) / j).
     * Controls the false discovery rate (for independent or positively dependent tests).
     */
    BENJAMINI_HOCHBERG("benjamini-hochberg");

    private final String label;

    MultipleComparisons(String label) {
        this.label = label;
    }

    /**
     * The name written into reports.
     *
     * @return for example {@code "holm"}
     */
    public String label() {
        return label;
    }

    /**
     * Adjusts a family of p-values.
     *
     * @param pValues raw p-values in [0, 1], or NaN for tests that could not be computed
     * @return adjusted p-values, same order
     */
    public double[] adjust(double[] pValues) {
        int[] defined = IntStream.range(0, pValues.length).filter(i -> !Double.isNaN(pValues[i]))
                .boxed().sorted(Comparator.comparingDouble((Integer i) -> pValues[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        double[] adjusted = pValues.clone();
        int m = defined.length;
        switch (this) {
            case NONE -> {
                return adjusted;
            }
            case HOLM -> {
                double running = 0;
                for (int rank = 0; rank < m; rank++) {
                    running = Math.max(running, Math.min(1, (m - rank) * pValues[defined[rank]]));
                    adjusted[defined[rank]] = running;
                }
            }
            case BENJAMINI_HOCHBERG -> {
                double running = 1;
                for (int rank = m - 1; rank >= 0; rank--) {
                    running = Math.min(running, Math.min(1, (double) m * pValues[defined[rank]] / (rank + 1)));
                    adjusted[defined[rank]] = running;
                }
            }
            default -> throw new AssertionError(this);
        }
        return adjusted;
    }

    /**
     * Which hypotheses are rejected.
     *
     * @param pValues raw p-values, NaN allowed (never rejected)
     * @param alpha   family level, for example 0.05
     * @return per hypothesis, whether its adjusted p-value is {@code <= alpha}
     */
    public boolean[] reject(double[] pValues, double alpha) {
        double[] adjusted = adjust(pValues);
        boolean[] rejected = new boolean[adjusted.length];
        for (int i = 0; i < adjusted.length; i++) {
            rejected[i] = adjusted[i] <= alpha;
        }
        return rejected;
    }

    /**
     * Number of defined p-values, the family size m the corrections use.
     *
     * @param pValues p-values, NaN allowed
     * @return how many are not NaN
     */
    public static int familySize(double[] pValues) {
        return (int) Arrays.stream(pValues).filter(p -> !Double.isNaN(p)).count();
    }
}
