package org.touchstone.reports.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.touchstone.reports.stats.Proportion;

class FmrOperatingPointTest {

    @Test
    void choosesTheLowestObservedScoreMeetingTheTargetWithTiesAsMatches() {
        // Sweep of the tied case: 0.1 fm=5, 0.3 fm=4, 0.5 fm=3, 0.7 fm=1 fnm=1, 0.9 fm=0 fnm=3 (Ni = 5, Ng = 4).
        List<FmrOperatingPoint> points = FmrOperatingPoint.find(SortedScoreDistributionTest.tied(), 0.5, 0.2, 0.1, 1.0);

        // f = 0.5 needs at most 2.5 false matches: at 0.5 the two tied impostors still match (3), so T = 0.7.
        FmrOperatingPoint half = points.get(0);
        assertThat(half.rates().threshold()).isEqualTo(0.7);
        assertThat(half.rates().fmr()).isEqualTo(new Proportion(1, 5));
        assertThat(half.rates().fnmr()).isEqualTo(new Proportion(1, 4));
        assertThat(half.thresholdOrigin()).isEqualTo(ThresholdOrigin.OBSERVED_SCORE);
        // f = 0.2 is met exactly by 1/5 at the same threshold (FMR <= f, not <).
        assertThat(points.get(1).rates().threshold()).isEqualTo(0.7);
        // f = 0.1 needs zero false matches: the genuine score 0.9, where 3 of 4 genuine scores are below.
        assertThat(points.get(2).rates().threshold()).isEqualTo(0.9);
        assertThat(points.get(2).rates().fnmr()).isEqualTo(new Proportion(3, 4));
        // f = 1 is met everywhere: the lowest score.
        assertThat(points.get(3).rates().threshold()).isEqualTo(0.1);
        assertThat(points.get(3).rates().fmr()).isEqualTo(new Proportion(5, 5));
    }

    @Test
    void goesJustAboveTheHighestImpostorWhenNoScoreIsHigher() {
        SortedScoreDistribution scores = SortedScoreDistribution.of(new double[] {0.2, 0.4}, new double[] {0.1, 0.3, 0.5}, 0, 0);
        FmrOperatingPoint point = FmrOperatingPoint.find(scores, 0.1).get(0);
        assertThat(point.rates().threshold()).isEqualTo(Math.nextUp(0.5));
        assertThat(point.thresholdOrigin()).isEqualTo(ThresholdOrigin.BETWEEN_OBSERVED_SCORES);
        assertThat(point.rates().fmr()).isEqualTo(new Proportion(0, 3));
        assertThat(point.rates().fnmr()).isEqualTo(new Proportion(2, 2));
        // f = 0.34 allows one false match (1/3 <= 0.34): first reached at 0.4.
        assertThat(FmrOperatingPoint.find(scores, 0.34).get(0).rates().threshold()).isEqualTo(0.4);
    }

    @Test
    void allEqualScoresCanOnlyBeSeparatedAboveThem() {
        SortedScoreDistribution scores = SortedScoreDistribution.of(new double[] {0.5, 0.5}, new double[] {0.5, 0.5, 0.5}, 0, 0);
        FmrOperatingPoint point = FmrOperatingPoint.find(scores, 0.5).get(0);
        assertThat(point.rates().threshold()).isEqualTo(Math.nextUp(0.5));
        assertThat(point.rates().fnmr()).isEqualTo(new Proportion(2, 2));
    }

    @Test
    void zeroFalseMatchesAtTheLowestGenuineScoreAboveAllImpostors() {
        SortedScoreDistribution scores = SortedScoreDistribution.of(new double[] {0.8, 0.9}, new double[] {0.1, 0.2, 0.3}, 0, 0);
        FmrOperatingPoint point = FmrOperatingPoint.find(scores, 0.01).get(0);
        assertThat(point.rates().threshold()).isEqualTo(0.8);
        assertThat(point.rates().fmr()).isEqualTo(new Proportion(0, 3));
        assertThat(point.rates().fnmr()).isEqualTo(new Proportion(0, 2));
        // Three impostor comparisons cannot support FMR 0.01: that needs 300.
        assertThat(point.minimumImpostorComparisons()).isEqualTo(300);
        assertThat(point.supported()).isFalse();
    }

    @Test
    void failedPairsFollowTheNonMatchPolicy() {
        // Genuine {0.6, 0.8} + 1 failed (Ng = 3), impostor {0.2, 0.7} + 2 failed (Ni = 4).
        SortedScoreDistribution scores = SortedScoreDistribution.of(new double[] {0.6, 0.8}, new double[] {0.2, 0.7}, 1, 2);
        FmrOperatingPoint point = FmrOperatingPoint.find(scores, 0.25).get(0);
        // FMR <= 0.25 allows 1 of 4: at 0.6 only the impostor 0.7 matches; the failed genuine pair is a
        // false non-match though no genuine score is below 0.6.
        assertThat(point.rates().threshold()).isEqualTo(0.6);
        assertThat(point.rates().fmr()).isEqualTo(new Proportion(1, 4));
        assertThat(point.rates().fnmr()).isEqualTo(new Proportion(1, 3));
        // With f = 0.5, the failed impostors keep FMR at 2/4 even below every score.
        FmrOperatingPoint loose = FmrOperatingPoint.find(scores, 0.5).get(0);
        assertThat(loose.rates().threshold()).isEqualTo(0.2);
        assertThat(loose.rates().fmr()).isEqualTo(new Proportion(2, 4));
    }

    @Test
    void ruleOfThreeSupportUsesTheTargetAsWrittenInDecimal() {
        assertThat(FmrOperatingPoint.minimumImpostorComparisons(0.001)).isEqualTo(3000);
        assertThat(FmrOperatingPoint.minimumImpostorComparisons(1e-6)).isEqualTo(3_000_000);
        assertThat(FmrOperatingPoint.minimumImpostorComparisons(0.7)).isEqualTo(5);
        assertThat(FmrOperatingPoint.minimumImpostorComparisons(1.0)).isEqualTo(3);

        double[] impostors = new double[2999];
        for (int i = 0; i < impostors.length; i++) {
            impostors[i] = i;
        }
        SortedScoreDistribution just = SortedScoreDistribution.of(new double[] {5000}, impostors, 0, 0);
        assertThat(FmrOperatingPoint.find(just, 0.001).get(0).supported()).isFalse();
        // One more impostor comparison, even a failed one, reaches 3/f = 3000.
        SortedScoreDistribution enough = SortedScoreDistribution.of(new double[] {5000}, impostors, 0, 1);
        assertThat(FmrOperatingPoint.find(enough, 0.001).get(0).supported()).isTrue();
    }

    @Test
    void noThresholdWithoutImpostorComparisonsOrWithoutScores() {
        SortedScoreDistribution noImpostors = SortedScoreDistribution.of(new double[] {0.5}, new double[0], 0, 0);
        FmrOperatingPoint point = FmrOperatingPoint.find(noImpostors, 0.1).get(0);
        assertThat(point.thresholdOrigin()).isEqualTo(ThresholdOrigin.NONE);
        assertThat(point.rates()).isNull();
        assertThat(point.supported()).isFalse();

        // Ten impostor comparisons support FMR 0.5 (3 / 0.5 = 6), but none has a score to place T at.
        SortedScoreDistribution allFailed = SortedScoreDistribution.of(new double[0], new double[0], 1, 10);
        FmrOperatingPoint unscored = FmrOperatingPoint.find(allFailed, 0.5).get(0);
        assertThat(unscored.thresholdOrigin()).isEqualTo(ThresholdOrigin.NONE);
        assertThat(unscored.supported()).isTrue();
    }

    @Test
    void rejectsTargetsOutsideTheUnitInterval() {
        SortedScoreDistribution scores = SortedScoreDistributionTest.tied();
        assertThatThrownBy(() -> FmrOperatingPoint.find(scores, 0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FmrOperatingPoint.find(scores, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FmrOperatingPoint.find(scores, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
