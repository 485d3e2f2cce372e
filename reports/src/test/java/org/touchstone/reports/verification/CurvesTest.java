package org.touchstone.reports.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurvesTest {

    @Test
    void detKeepsPointsThatMoveEitherRateByTheStepOnLogAxes() {
        // Tied case sweep (Ni = 5, Ng = 4): 0.1 (5,0) 0.3 (4,0) 0.5 (3,0) 0.7 (1,1) 0.9 (0,3).
        // Step 0.2: log10(5/4) = 0.097 drops 0.3; log10(5/3) = 0.22 keeps 0.5; FNMR leaving 0 keeps 0.7;
        // FMR reaching 0 keeps 0.9.
        DetCurve curve = DetCurve.sample(SortedScoreDistributionTest.tied(), 0.2);
        assertThat(curve.points()).extracting(DetCurve.Point::threshold).containsExactly(0.1, 0.5, 0.7, 0.9);
        assertThat(curve.points().get(2)).isEqualTo(new DetCurve.Point(0.7, 1, 1));
        assertThat(curve.fmr(curve.points().get(2))).isEqualTo(0.2);
        assertThat(curve.fnmr(curve.points().get(2))).isEqualTo(0.25);
        // Step 1: 0.5 no longer moves enough (0.22 < 1).
        assertThat(curve.thin(1).points()).extracting(DetCurve.Point::threshold).containsExactly(0.1, 0.7, 0.9);
        // A tiny step keeps every sweep point.
        assertThat(DetCurve.sample(SortedScoreDistributionTest.tied(), 1e-9).points()).hasSize(5);
    }

    @Test
    void detAlwaysKeepsTheLastPoint() {
        DetCurve curve = new DetCurve(100, 10, List.of(
                new DetCurve.Point(1, 100, 0), new DetCurve.Point(2, 99, 0), new DetCurve.Point(3, 98, 0)));
        assertThat(curve.thin(1).points()).extracting(DetCurve.Point::threshold).containsExactly(1.0, 3.0);
    }

    @Test
    void histogramCountsEachScoreOnceWithTheTopScoreInTheLastBin() {
        // Bins of width 0.25 over [0, 1].
        SortedScoreDistribution scores = SortedScoreDistribution.of(
                new double[] {0.5, 0.75, 0.8, 1.0}, new double[] {0.0, 0.3, 0.5, 0.5, 0.74}, 0, 0);
        ScoreHistogram histogram = ScoreHistogram.of(scores, 4);
        assertThat(histogram.edges()).containsExactly(0, 0.25, 0.5, 0.75, 1.0);
        assertThat(histogram.genuineCounts()).containsExactly(0, 0, 1, 3);
        assertThat(histogram.impostorCounts()).containsExactly(1, 1, 3, 0);
    }

    @Test
    void histogramOfEqualScoresHasOneBin() {
        ScoreHistogram histogram = ScoreHistogram.of(
                SortedScoreDistribution.of(new double[] {2, 2}, new double[] {2}, 5, 0), 10);
        assertThat(histogram.edges()).containsExactly(2, 2);
        assertThat(histogram.genuineCounts()).containsExactly(2);
        assertThat(histogram.impostorCounts()).containsExactly(1);
    }

    @Test
    void dPrimeUsesUnbiasedVariances() {
        // Genuine {1, 3}: mean 2, variance 2. Impostor {0, 0, 3}: mean 1, variance (1 + 1 + 4) / 2 = 3.
        // d' = (2 - 1) / sqrt((2 + 3) / 2) = 1 / sqrt(2.5).
        SortedScoreDistribution scores = SortedScoreDistribution.of(new double[] {1, 3}, new double[] {0, 0, 3}, 0, 0);
        assertThat(DPrime.of(scores).orElseThrow()).isCloseTo(1 / Math.sqrt(2.5), within(1e-15));
        assertThat(DPrime.of(SortedScoreDistribution.of(new double[] {1}, new double[] {0, 1}, 0, 0))).isEmpty();
        assertThat(DPrime.of(SortedScoreDistribution.of(new double[] {1, 1}, new double[] {0, 0}, 0, 0))).isEmpty();
    }
}
