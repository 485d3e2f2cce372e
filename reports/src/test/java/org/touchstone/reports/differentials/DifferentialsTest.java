package org.touchstone.reports.differentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.touchstone.reports.stats.MultipleComparisons;
import org.touchstone.reports.stats.Proportion;

/** Summaries and tests over group rates, against hand arithmetic. */
class DifferentialsTest {
    private static final GroupKey A = GroupKey.of("sex", "female");
    private static final GroupKey B = GroupKey.of("sex", "male");
    private static final GroupKey C = GroupKey.of("sex", "other");
    private static final GroupKey EMPTY = GroupKey.of("sex", "unknown");

    private static GroupRates rates(String metric, Proportion a, Proportion b, Proportion c) {
        Map<GroupKey, Proportion> map = new LinkedHashMap<>();
        map.put(A, a);
        map.put(B, b);
        map.put(C, c);
        map.put(EMPTY, new Proportion(0, 0));
        return new GroupRates(metric, map);
    }

    @Test
    void ratiosByHand() {
        // 1%, 2%, 4%: max/min 4; geometric mean 2%, so max/geomean 2. The empty group is left out.
        RateRatios ratios = RateRatios.of(rates("fnmr", new Proportion(10, 1000), new Proportion(20, 1000),
                new Proportion(40, 1000)), ZeroRateHandling.HALF_EVENT_FLOOR);
        assertThat(ratios.groupsUsed()).isEqualTo(3);
        assertThat(ratios.maxOverMin()).isCloseTo(4, within(1e-12));
        assertThat(ratios.maxOverGeometricMean()).isCloseTo(2, within(1e-12));
        assertThat(ratios.highest()).isEqualTo(C);
        assertThat(ratios.lowest()).isEqualTo(A);
        assertThat(ratios.zeroRateGroups()).isEmpty();
    }

    @Test
    void zeroRatesAreHandledAsDeclared() {
        GroupRates withZero = rates("fmr", new Proportion(0, 1000), new Proportion(2, 1000), new Proportion(4, 1000));
        // Half-event floor: 0.0005, so max/min = 0.004 / 0.0005 = 8.
        RateRatios floor = RateRatios.of(withZero, ZeroRateHandling.HALF_EVENT_FLOOR);
        assertThat(floor.maxOverMin()).isCloseTo(8, within(1e-12));
        assertThat(floor.maxOverGeometricMean()).isCloseTo(0.004 / Math.cbrt(0.0005 * 0.002 * 0.004), within(1e-9));
        assertThat(floor.zeroRateGroups()).containsExactly(A);
        // Upper bound: 1 - 0.05^(1/1000) = 0.002991, above the male 0.002, which becomes the lowest.
        RateRatios upper = RateRatios.of(withZero, ZeroRateHandling.UPPER_BOUND_95);
        assertThat(upper.maxOverMin()).isCloseTo(2, within(1e-12));
        assertThat(upper.lowest()).isEqualTo(B);
        assertThat(upper.maxOverGeometricMean())
                .isCloseTo(0.004 / Math.cbrt((1 - Math.pow(0.05, 0.001)) * 0.002 * 0.004), within(1e-9));
        RateRatios undefined = RateRatios.of(withZero, ZeroRateHandling.UNDEFINED);
        assertThat(undefined.maxOverMin()).isNaN();
        assertThat(undefined.maxOverGeometricMean()).isNaN();
        assertThat(ZeroRateHandling.HALF_EVENT_FLOOR.description()).contains("0.5/n");
        assertThatThrownBy(() -> ZeroRateHandling.UNDEFINED.effectiveRate(new Proportion(0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fdrAndGarbeByHand() {
        GroupRates fmr = rates("fmr", new Proportion(1, 1000), new Proportion(2, 1000), new Proportion(4, 1000));
        GroupRates fnmr = rates("fnmr", new Proportion(10, 100), new Proportion(10, 100), new Proportion(30, 100));
        FairnessDiscrepancyRate fdr = FairnessDiscrepancyRate.of(fmr, fnmr, 0.5);
        assertThat(fdr.maxFmrGap()).isCloseTo(0.003, within(1e-15));
        assertThat(fdr.maxFnmrGap()).isCloseTo(0.2, within(1e-15));
        assertThat(fdr.fdr()).isCloseTo(1 - (0.5 * 0.003 + 0.5 * 0.2), within(1e-15));
        assertThat(fdr.fmrGroupsUsed()).isEqualTo(3);
        // Gini of (1, 2, 4): sum |xi - xj| over ordered pairs = 2 (1 + 3 + 2) = 12; n/(n-1) 12 / (2 9 7/3) = 3/7.
        assertThat(Garbe.gini(new double[] {1, 2, 4})).isCloseTo(1.5 * 12 / (2 * 9 * 7.0 / 3), within(1e-15));
        assertThat(Garbe.gini(new double[] {0, 0, 0})).isZero();
        assertThat(Garbe.gini(new double[] {5})).isNaN();
        // (0.1, 0.1, 0.3): pairs 2 x (0 + 0.2 + 0.2) = 0.8; 1.5 x 0.8 / (2 x 9 x 0.5 / 3) = 0.4.
        Garbe garbe = Garbe.of(fmr, fnmr, 0.25);
        assertThat(garbe.giniFnmr()).isCloseTo(0.4, within(1e-12));
        assertThat(garbe.garbe()).isCloseTo(0.25 * 3 / 7.0 + 0.75 * 0.4, within(1e-12));
        // Parity gives 0 and FDR 1.
        GroupRates equal = rates("fnmr", new Proportion(5, 100), new Proportion(10, 200), new Proportion(1, 20));
        assertThat(Garbe.of(equal, equal, 0.5).garbe()).isCloseTo(0, within(1e-15));
        assertThat(FairnessDiscrepancyRate.of(equal, equal, 0.5).fdr()).isCloseTo(1, within(1e-15));
    }

    @Test
    void groupComparisonsTestEveryPairWithItsDetectableDifference() {
        GroupRates fnmr = rates("fnmr", new Proportion(20, 2000), new Proportion(20, 2000), new Proportion(60, 2000));
        GroupComparisons comparisons = GroupComparisons.of(fnmr, 0.05, MultipleComparisons.HOLM, OptionalDouble.of(0.01));
        assertThat(comparisons.overall().groupsUsed()).isEqualTo(3);
        assertThat(comparisons.overall().result().pValue()).isLessThan(0.001);
        assertThat(comparisons.pairs()).extracting(p -> p.first() + " vs " + p.second()).containsExactly(
                "sex=female vs sex=male", "sex=female vs sex=other", "sex=male vs sex=other");
        GroupComparisons.Pair same = comparisons.pairs().get(0);
        assertThat(same.test().pValue()).isEqualTo(1.0);
        assertThat(same.significant()).isFalse();
        // The reference example: 2,000 each at 1% detects a rise to about 2.1%, 2.4% at alpha / 3.
        assertThat(same.detectable().detectableRise()).isCloseTo(0.021, within(0.0005));
        assertThat(same.detectableCorrected().detectableRise()).isGreaterThan(same.detectable().detectableRise());
        assertThat(same.equivalence().equivalent()).isTrue();
        GroupComparisons.Pair different = comparisons.pairs().get(1);
        assertThat(different.significant()).isTrue();
        assertThat(different.adjustedPValue()).isGreaterThanOrEqualTo(different.test().pValue());
        assertThat(different.equivalence().equivalent()).isFalse();
        assertThat(GroupComparisons.of(fnmr, 0.05, MultipleComparisons.HOLM, OptionalDouble.empty()).pairs().get(0)
                .equivalence()).isNull();
    }

    @Test
    void keysOrderAndPrint() {
        GroupKey intersection = new GroupKey(List.of("sex", "skin_tone"), List.of("female", "V"));
        assertThat(intersection).hasToString("sex=female & skin_tone=V");
        assertThat(intersection.columnsLabel()).isEqualTo("sex x skin_tone");
        assertThat(intersection.valuesLabel()).isEqualTo("female & V");
        assertThat(A.compareTo(B)).isNegative();
        assertThatThrownBy(() -> new GroupRates("fmr", Map.of(A, new Proportion(0, 1), intersection, new Proportion(0, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
