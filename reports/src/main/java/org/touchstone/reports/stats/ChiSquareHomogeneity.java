package org.touchstone.reports.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.inference.ChiSquareTest;

/**
 * Pearson's chi-square test that k groups share one rate: the k x 2 table of (events, non-events) per
 * group, k - 1 degrees of freedom, computed by Commons Statistics' {@link ChiSquareTest}. Groups without
 * trials carry no information and are left out (the result says how many were used).
 */
public final class ChiSquareHomogeneity {
    /** The method name. */
    public static final String METHOD = "chi-square-k-by-2";

    private ChiSquareHomogeneity() {
    }

    /**
     * The test's result and the number of groups it used.
     *
     * @param result     chi-square statistic and p-value; NaN with fewer than two groups with trials
     * @param groupsUsed groups with at least one trial
     */
    public record Result(TestResult result, int groupsUsed) {
    }

    /**
     * Tests whether the groups' rates differ.
     *
     * @param groups one proportion per group, any order
     * @return the statistic with k - 1 degrees of freedom, k the groups with trials; statistic 0 and
     *         p = 1 when every group has no events (or only events), since the table then has no variation
     */
    public static Result test(List<Proportion> groups) {
        List<Proportion> used = new ArrayList<>();
        for (Proportion group : groups) {
            if (group.isDefined()) {
                used.add(group);
            }
        }
        if (used.size() < 2) {
            return new Result(new TestResult(METHOD, Double.NaN, Double.NaN), used.size());
        }
        long events = used.stream().mapToLong(Proportion::events).sum();
        long trials = used.stream().mapToLong(Proportion::trials).sum();
        if (events == 0 || events == trials) {
            // A zero column has no expected counts; Commons Statistics rejects it, the answer is "no evidence".
            return new Result(new TestResult(METHOD, 0, 1), used.size());
        }
        long[][] table = new long[used.size()][2];
        for (int i = 0; i < used.size(); i++) {
            table[i][0] = used.get(i).events();
            table[i][1] = used.get(i).trials() - used.get(i).events();
        }
        var significance = ChiSquareTest.withDefaults().test(table);
        return new Result(new TestResult(METHOD, significance.getStatistic(), significance.getPValue()), used.size());
    }
}
