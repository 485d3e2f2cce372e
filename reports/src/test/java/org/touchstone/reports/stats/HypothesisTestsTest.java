package org.touchstone.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests of difference and parity, corrections and the minimum detectable difference, by hand. */
class HypothesisTestsTest {

    @Test
    void twoProportionZByHand() {
        // 10/100 vs 20/100: pbar 0.15, se sqrt(0.15 * 0.85 * 0.02) = 0.0505, z = -1.9803, p = erfc(1.9803 / sqrt 2) = 0.0476704.
        TestResult result = TwoProportionZTest.test(new Proportion(10, 100), new Proportion(20, 100));
        double z = -0.1 / Math.sqrt(0.15 * 0.85 * 0.02);
        assertThat(result.statistic()).isCloseTo(z, within(1e-12));
        assertThat(result.pValue()).isCloseTo(0.0476704, within(1e-6));
        // No variation at all: nothing to see. An empty side: undefined.
        assertThat(TwoProportionZTest.test(new Proportion(0, 50), new Proportion(0, 80)).pValue()).isEqualTo(1.0);
        assertThat(TwoProportionZTest.test(new Proportion(0, 0), new Proportion(1, 80)).isDefined()).isFalse();
    }

    @Test
    void chiSquareOfTwoGroupsIsTheSquareOfZ() {
        ChiSquareHomogeneity.Result two = ChiSquareHomogeneity.test(List.of(new Proportion(10, 100), new Proportion(20, 100)));
        TestResult z = TwoProportionZTest.test(new Proportion(10, 100), new Proportion(20, 100));
        assertThat(two.result().statistic()).isCloseTo(z.statistic() * z.statistic(), within(1e-10));
        assertThat(two.result().pValue()).isCloseTo(z.pValue(), within(1e-10));
        // Three groups, by hand: expected events 10 each (30 of 300), chi2 = sum (O - E)^2 / E over 6 cells.
        ChiSquareHomogeneity.Result three = ChiSquareHomogeneity.test(List.of(new Proportion(5, 100),
                new Proportion(10, 100), new Proportion(15, 100), new Proportion(0, 0)));
        double expected = (25 / 10.0 + 0 + 25 / 10.0) + (25 / 90.0 + 0 + 25 / 90.0);
        assertThat(three.groupsUsed()).isEqualTo(3);
        assertThat(three.result().statistic()).isCloseTo(expected, within(1e-10));
        // chi2 with 2 df: p = exp(-x / 2).
        assertThat(three.result().pValue()).isCloseTo(Math.exp(-expected / 2), within(1e-10));
        assertThat(ChiSquareHomogeneity.test(List.of(new Proportion(0, 10), new Proportion(0, 20))).result().pValue())
                .isEqualTo(1.0);
        assertThat(ChiSquareHomogeneity.test(List.of(new Proportion(1, 10))).result().isDefined()).isFalse();
    }

    @Test
    void mcNemarByHand() {
        // b = 10, c = 2: (8 - 1)^2 / 12; exact: 2 P(X <= 2), X ~ Bin(12, 1/2) = 2 (1 + 12 + 66) / 4096.
        TestResult chi = McNemar.chiSquare(10, 2);
        assertThat(chi.statistic()).isCloseTo(49.0 / 12, within(1e-12));
        assertThat(chi.pValue()).isCloseTo(0.04331, within(1e-5));
        assertThat(McNemar.exact(10, 2).pValue()).isCloseTo(158.0 / 4096, within(1e-12));
        assertThat(McNemar.exact(2, 10).pValue()).isCloseTo(158.0 / 4096, within(1e-12));
        assertThat(McNemar.chiSquare(0, 0).pValue()).isEqualTo(1.0);
        assertThat(McNemar.chiSquare(3, 3).statistic()).isZero();
    }

    @Test
    void pairedOutcomesCountTheDiscordantTrials() {
        PairedOutcomes paired = new PairedOutcomes();
        for (int i = 0; i < 10; i++) {
            paired.add(true, false);
        }
        paired.add(false, true).add(false, true).add(true, true).add(false, false).add(false, false);
        assertThat(paired.trials()).isEqualTo(15);
        assertThat(paired.firstRate()).isEqualTo(new Proportion(11, 15));
        assertThat(paired.secondRate()).isEqualTo(new Proportion(3, 15));
        // 12 discordant trials: exact, as by hand above.
        assertThat(paired.mcNemar()).isEqualTo(McNemar.exact(10, 2));
        for (int i = 0; i < 30; i++) {
            paired.add(true, false);
        }
        assertThat(paired.mcNemar()).isEqualTo(McNemar.chiSquare(40, 2));
    }

    @Test
    void holmAndBenjaminiHochbergByHand() {
        double[] p = {0.01, 0.04, 0.03, 0.005, Double.NaN};
        // Holm, sorted 0.005, 0.01, 0.03, 0.04 with m = 4: 0.02, 0.03, 0.06, max(0.06, 0.04).
        assertThat(MultipleComparisons.HOLM.adjust(p)).containsExactly(0.03, 0.06, 0.06, 0.02, Double.NaN);
        // BH: 4 p / rank = 0.02, 0.02, 0.04, 0.04, then running minimum from the top.
        assertThat(MultipleComparisons.BENJAMINI_HOCHBERG.adjust(p)).containsExactly(0.02, 0.04, 0.04, 0.02, Double.NaN);
        assertThat(MultipleComparisons.HOLM.reject(p, 0.05)).containsExactly(true, false, false, true, false);
        assertThat(MultipleComparisons.BENJAMINI_HOCHBERG.reject(p, 0.05)).containsExactly(true, true, true, true, false);
        assertThat(MultipleComparisons.NONE.adjust(p)).containsExactly(p);
        assertThat(MultipleComparisons.familySize(p)).isEqualTo(4);
        assertThat(MultipleComparisons.HOLM.adjust(new double[] {0.5, 0.9})).containsExactly(1.0, 1.0);
    }

    @Test
    void minimumDetectableDifferenceMatchesTheReferenceExample() {
        // metrics.md: 2,000 per group at 1%: a rise to about 2.1% (about 2.6% with Bonferroni over 15 pairs).
        MinimumDetectableDifference.Result plain = MinimumDetectableDifference.of(0.01, 2000, 2000, 0.05, 0.8);
        assertThat(plain.detectableRise()).isCloseTo(0.021, within(0.0005));
        MinimumDetectableDifference.Result bonferroni = MinimumDetectableDifference.of(0.01, 2000, 2000, 0.05 / 15, 0.8);
        assertThat(bonferroni.detectableRise()).isCloseTo(0.026, within(0.0005));
        assertThat(plain.rise()).isCloseTo(plain.detectableRise() - 0.01, within(1e-15));
        // A fall from 1% is detectable only down to about 0.29%; from 0% no fall exists at all.
        assertThat(plain.detectableFall()).isBetween(0.0025, 0.0035);
        assertThat(MinimumDetectableDifference.of(0, 2000, 2000, 0.05, 0.8).detectableFall()).isNaN();
        MinimumDetectableDifference.Result ten = MinimumDetectableDifference.of(0.1, 2000, 2000, 0.05, 0.8);
        assertThat(ten.detectableFall()).isBetween(0.07, 0.1);
        // At the solution the power equation balances: check it independently.
        double p2 = plain.detectableRise();
        double pbar = (0.01 + p2) / 2;
        double lhs = 1.959963984540054 * Math.sqrt(pbar * (1 - pbar) * 2 / 2000.0)
                + 0.8416212335729143 * Math.sqrt((0.01 * 0.99 + p2 * (1 - p2)) / 2000.0);
        assertThat(lhs).isCloseTo(p2 - 0.01, within(1e-9));
    }

    @Test
    void equivalenceNeedsEnoughTrialsAndADifferenceInsideTheMargin() {
        EquivalenceTest.Result large = EquivalenceTest.test(new Proportion(500, 10_000), new Proportion(520, 10_000), 0.02, 0.05);
        assertThat(large.equivalent()).isTrue();
        assertThat(large.lower()).isGreaterThan(-0.02);
        assertThat(large.upper()).isLessThan(0.02);
        // Same rates, too few trials: not shown equivalent (absence of difference is not parity).
        assertThat(EquivalenceTest.test(new Proportion(5, 100), new Proportion(5, 100), 0.02, 0.05).equivalent()).isFalse();
        // Two error-free groups of 10: Agresti-Caffo keeps the standard error above 0, so no parity claim.
        EquivalenceTest.Result zeros = EquivalenceTest.test(new Proportion(0, 10), new Proportion(0, 10), 0.02, 0.05);
        assertThat(zeros.equivalent()).isFalse();
        assertThat(zeros.pValue()).isGreaterThan(0.05);
        // A real difference beyond the margin: not equivalent however many trials.
        assertThat(EquivalenceTest.test(new Proportion(500, 10_000), new Proportion(800, 10_000), 0.02, 0.05).equivalent())
                .isFalse();
        // By hand: adjusted rates 501/10002 and 521/10002.
        double p1 = 501 / 10002.0;
        double p2 = 521 / 10002.0;
        double se = Math.sqrt(p1 * (1 - p1) / 10002 + p2 * (1 - p2) / 10002);
        assertThat(large.difference()).isCloseTo(p1 - p2, within(1e-15));
        assertThat(large.upper()).isCloseTo(p1 - p2 + 1.6448536269514722 * se, within(1e-12));
        assertThat(EquivalenceTest.test(new Proportion(0, 0), new Proportion(0, 10), 0.02, 0.05).pValue()).isNaN();
    }
}
