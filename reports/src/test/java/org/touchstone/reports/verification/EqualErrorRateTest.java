package org.touchstone.reports.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.touchstone.reports.stats.Proportion;

class EqualErrorRateTest {

    @Test
    void interpolatesBetweenTheThresholdsWhereTheRatesCross() {
        // Genuine {0.6, 0.8} + 1 failed (Ng = 3), impostor {0.2, 0.7} + 2 failed (Ni = 4).
        // At 0.2: FMR 2/4, FNMR 1/3, d = 1/6. At 0.6: FMR 1/4, FNMR 1/3, d = -1/12.
        // lambda = (1/6) / (1/6 + 1/12) = 2/3; EER = 1/2 + 2/3 (1/4 - 1/2) = 1/3; T = 0.2 + 2/3 * 0.4.
        SortedScoreDistribution scores = SortedScoreDistribution.of(new double[] {0.6, 0.8}, new double[] {0.2, 0.7}, 1, 2);
        EqualErrorRate eer = EqualErrorRate.interpolated(scores).orElseThrow();
        assertThat(eer.method().label()).isEqualTo("interpolated");
        assertThat(eer.rate()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(eer.threshold()).isCloseTo(0.2 + 2.0 / 3 * 0.4, within(1e-15));
        // |d| is smaller at 0.6 (1/12 < 1/6): HTER there is (1/4 + 1/3) / 2 = 7/24.
        assertThat(eer.nearestCandidate().threshold()).isEqualTo(0.6);
        assertThat(eer.nearestCandidate().fmr()).isEqualTo(new Proportion(1, 4));
        assertThat(eer.nearestCandidate().fnmr()).isEqualTo(new Proportion(1, 3));
        assertThat(eer.nearestCandidate().halfTotalErrorRate()).isCloseTo(7.0 / 24, within(1e-15));
    }

    @Test
    void allEqualScoresCrossHalfWayAndATieInDistanceGoesToTheLowerThreshold() {
        // 0.5: FMR 1, FNMR 0 (d = 1); nextUp(0.5): FMR 0, FNMR 1 (d = -1). lambda = 1/2, EER = 1/2.
        SortedScoreDistribution scores = SortedScoreDistribution.of(new double[] {0.5, 0.5}, new double[] {0.5, 0.5, 0.5}, 0, 0);
        EqualErrorRate eer = EqualErrorRate.interpolated(scores).orElseThrow();
        assertThat(eer.rate()).isEqualTo(0.5);
        assertThat(eer.nearestCandidate().threshold()).isEqualTo(0.5);
        assertThat(eer.nearestCandidate().halfTotalErrorRate()).isEqualTo(0.5);
        assertThat(EqualErrorRate.rocch(scores).orElseThrow().rate()).isEqualTo(0.5);
    }

    @Test
    void perfectSeparationHasZeroEerAtTheLowestGenuineScore() {
        // 0.3: FMR 1/3, FNMR 0, d = 1/3; 0.8: FMR 0, FNMR 0, d = 0 -> lambda = 1.
        SortedScoreDistribution scores = SortedScoreDistribution.of(new double[] {0.8, 0.9}, new double[] {0.1, 0.2, 0.3}, 0, 0);
        EqualErrorRate eer = EqualErrorRate.interpolated(scores).orElseThrow();
        assertThat(eer.rate()).isZero();
        assertThat(eer.threshold()).isEqualTo(0.8);
        assertThat(eer.nearestCandidate().threshold()).isEqualTo(0.8);
        assertThat(EqualErrorRate.rocch(scores).orElseThrow().rate()).isZero();
    }

    @Test
    void convexHullBridgesAConcaveCrossing() {
        // Genuine {0.5, 0.6}, impostor {0.4, 0.7}: points (FMR, FNMR) = (1,0) (1/2,0) (1/2,1/2) (1/2,1) (0,1).
        // Interpolated: d reaches 0 at 0.6, EER = 1/2. Hull: (1,0) (1/2,0) (0,1); the segment 2x + y = 1
        // crosses x = y at 1/3 (BOSARIS: 1 / (2 + 1)).
        SortedScoreDistribution scores = SortedScoreDistribution.of(new double[] {0.5, 0.6}, new double[] {0.4, 0.7}, 0, 0);
        assertThat(EqualErrorRate.interpolated(scores).orElseThrow().rate()).isEqualTo(0.5);
        EqualErrorRate rocch = EqualErrorRate.rocch(scores).orElseThrow();
        assertThat(rocch.method().label()).isEqualTo("rocch");
        assertThat(rocch.rate()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(rocch.threshold()).isNaN();
        assertThat(rocch.nearestCandidate()).isNull();
    }

    @Test
    void noCrossingWhenFailedGenuineComparisonsOutweighEveryFalseMatch() {
        // At the lowest threshold FMR = 1/4 (three impostor pairs failed) but FNMR = 3/4 already.
        SortedScoreDistribution scores = SortedScoreDistribution.of(new double[] {0.9}, new double[] {0.1}, 3, 3);
        assertThat(EqualErrorRate.interpolated(scores)).isEmpty();
        assertThat(EqualErrorRate.rocch(scores)).isEmpty();
    }

    @Test
    void undefinedWithoutBothKindsOfComparison() {
        assertThat(EqualErrorRate.interpolated(SortedScoreDistribution.of(new double[] {1}, new double[0], 0, 0))).isEmpty();
        assertThat(EqualErrorRate.rocch(SortedScoreDistribution.of(new double[0], new double[] {1}, 0, 0))).isEmpty();
    }
}
