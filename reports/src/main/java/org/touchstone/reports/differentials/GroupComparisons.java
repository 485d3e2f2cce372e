package org.touchstone.reports.differentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.touchstone.reports.stats.ChiSquareHomogeneity;
import org.touchstone.reports.stats.EquivalenceTest;
import org.touchstone.reports.stats.MinimumDetectableDifference;
import org.touchstone.reports.stats.MultipleComparisons;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.reports.stats.TestResult;
import org.touchstone.reports.stats.TwoProportionZTest;

/**
 * Tests of difference and of parity between the groups of one {@link GroupRates}:
 * <ul>
 *   <li>the k x 2 chi-square test that all groups share one rate;</li>
 *   <li>a two-sided two-proportion z test for every pair of groups with trials, its p-value adjusted for
 *       the family of pairs by the chosen {@link MultipleComparisons} correction;</li>
 *   <li>for every pair, the minimum detectable difference at the pair's sample sizes (alpha 0.05 and power
 *       0.8, from the pair's pooled rate), both uncorrected and at the Bonferroni level alpha / m (the
 *       strictest step of Holm), so that a "no significant difference" always says what it could have
 *       seen;</li>
 *   <li>when an equivalence margin is declared, the TOST equivalence test for every pair: only that can
 *       support a claim of parity.</li>
 * </ul>
 *
 * @param metric      the rate compared, e.g. {@code "fnmr"}
 * @param correction  the multiple-comparison correction applied to the pairwise p-values
 * @param alpha       the family level
 * @param overall     the k x 2 chi-square test
 * @param pairs       one entry per pair of groups with trials, in group order
 */
public record GroupComparisons(String metric, MultipleComparisons correction, double alpha,
                               ChiSquareHomogeneity.Result overall, List<Pair> pairs) {

    /**
     * One pair of groups.
     *
     * @param first             the first group (earlier in the order given)
     * @param second            the second group
     * @param firstRate         its rate
     * @param secondRate        the other's rate
     * @param test              the two-proportion z test
     * @param adjustedPValue    the p-value after the correction
     * @param significant       adjusted p-value {@code <= alpha}
     * @param detectable        the minimum detectable difference at alpha, from the pooled rate
     * @param detectableCorrected the same at alpha / m
     * @param equivalence       the TOST result, or null when no margin is declared
     */
    public record Pair(GroupKey first, GroupKey second, Proportion firstRate, Proportion secondRate, TestResult test,
                       double adjustedPValue, boolean significant, MinimumDetectableDifference.Result detectable,
                       MinimumDetectableDifference.Result detectableCorrected, EquivalenceTest.Result equivalence) {
    }

    /**
     * @param metric     not null
     * @param correction not null
     * @param alpha      family level
     * @param overall    not null
     * @param pairs      copied
     */
    public GroupComparisons {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(correction, "correction");
        Objects.requireNonNull(overall, "overall");
        pairs = List.copyOf(pairs);
    }

    /**
     * Runs every test.
     *
     * @param rates             the groups' rates at one operating point
     * @param alpha             family level, for example 0.05
     * @param correction        how to adjust the pairwise p-values
     * @param equivalenceMargin the declared parity margin, or empty for none
     * @return the tests
     */
    public static GroupComparisons of(GroupRates rates, double alpha, MultipleComparisons correction,
                                      OptionalDouble equivalenceMargin) {
        Map<GroupKey, Proportion> defined = rates.defined();
        List<GroupKey> keys = new ArrayList<>(defined.keySet());
        ChiSquareHomogeneity.Result overall = ChiSquareHomogeneity.test(new ArrayList<>(defined.values()));
        List<GroupKey[]> pairKeys = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                pairKeys.add(new GroupKey[] {keys.get(i), keys.get(j)});
            }
        }
        TestResult[] tests = new TestResult[pairKeys.size()];
        double[] pValues = new double[pairKeys.size()];
        for (int p = 0; p < tests.length; p++) {
            tests[p] = TwoProportionZTest.test(defined.get(pairKeys.get(p)[0]), defined.get(pairKeys.get(p)[1]));
            pValues[p] = tests[p].pValue();
        }
        double[] adjusted = correction.adjust(pValues);
        double bonferroni = alpha / Math.max(1, MultipleComparisons.familySize(pValues));
        List<Pair> pairs = new ArrayList<>();
        for (int p = 0; p < tests.length; p++) {
            Proportion first = defined.get(pairKeys.get(p)[0]);
            Proportion second = defined.get(pairKeys.get(p)[1]);
            double pooled = (double) (first.events() + second.events()) / (first.trials() + second.trials());
            EquivalenceTest.Result equivalence = equivalenceMargin.isPresent()
                    ? EquivalenceTest.test(first, second, equivalenceMargin.getAsDouble(), alpha) : null;
            pairs.add(new Pair(pairKeys.get(p)[0], pairKeys.get(p)[1], first, second, tests[p], adjusted[p],
                    adjusted[p] <= alpha,
                    MinimumDetectableDifference.of(pooled, first.trials(), second.trials(), alpha,
                            MinimumDetectableDifference.POWER),
                    MinimumDetectableDifference.of(pooled, first.trials(), second.trials(), bonferroni,
                            MinimumDetectableDifference.POWER),
                    equivalence));
        }
        return new GroupComparisons(rates.metric(), correction, alpha, overall, pairs);
    }
}
