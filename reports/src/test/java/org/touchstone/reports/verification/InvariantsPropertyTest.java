package org.touchstone.reports.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.touchstone.reports.stats.ConfidenceInterval;
import org.touchstone.reports.stats.Proportion;

/**
 * Invariants on seeded random cases (plain JUnit with SplittableRandom, hundreds of cases per seed):
 * FMR(T) never rises and FNMR(T) never falls as T rises, for both distributions, at arbitrary thresholds and
 * along the sweep; every rate's intervals contain it.
 */
class InvariantsPropertyTest {

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void fmrIsNonIncreasingAndFnmrNonDecreasingInTheThreshold(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 300; trial++) {
            double[] genuine = random.doubles(random.nextInt(0, 40), 0.2, 1.0).map(v -> Math.round(v * 50) / 50.0).toArray();
            double[] impostor = random.doubles(random.nextInt(0, 200), 0.0, 0.8).map(v -> Math.round(v * 50) / 50.0).toArray();
            long failedGenuine = random.nextInt(3);
            SortedScoreDistribution sorted = SortedScoreDistribution.of(genuine, impostor, failedGenuine, random.nextInt(3));
            StreamingScoreDistribution.FirstPass first = StreamingScoreDistribution.firstPass(13);
            Arrays.stream(genuine).forEach(first::addGenuine);
            Arrays.stream(impostor).forEach(first::addImpostor);
            first.addFailedGenuine(failedGenuine);
            StreamingScoreDistribution.SecondPass second = first.plan(List.of(0.1), List.of(), 0).secondPass(first);
            Arrays.stream(impostor).forEach(second::addImpostor);
            StreamingScoreDistribution streaming = second.build();

            double[] thresholds = random.doubles(30, -0.1, 1.1).sorted().toArray();
            long previousFm = Long.MAX_VALUE;
            long previousFnm = Long.MIN_VALUE;
            for (double threshold : thresholds) {
                long fm = sorted.falseMatches(threshold);
                long fnm = sorted.falseNonMatches(threshold);
                assertThat(fm).isLessThanOrEqualTo(previousFm);
                assertThat(fnm).isGreaterThanOrEqualTo(previousFnm);
                previousFm = fm;
                previousFnm = fnm;
                ErrorRates rates = ErrorRates.at(sorted, threshold);
                assertContains(rates.fmr());
                assertContains(rates.fnmr());
            }
            for (ScoreDistribution scores : List.<ScoreDistribution>of(sorted, streaming)) {
                ThresholdSweep sweep = scores.sweep();
                double lastThreshold = Double.NEGATIVE_INFINITY;
                previousFm = Long.MAX_VALUE;
                previousFnm = Long.MIN_VALUE;
                while (sweep.next()) {
                    assertThat(sweep.threshold()).isGreaterThan(lastThreshold);
                    assertThat(sweep.falseMatches()).isLessThanOrEqualTo(previousFm);
                    assertThat(sweep.falseNonMatches()).isGreaterThanOrEqualTo(previousFnm);
                    lastThreshold = sweep.threshold();
                    previousFm = sweep.falseMatches();
                    previousFnm = sweep.falseNonMatches();
                }
            }
        }
    }

    @Test
    void allEqualScoresGiveOneThresholdWhereEverythingMatches() {
        double[] same = new double[50];
        Arrays.fill(same, 0.5);
        StreamingScoreDistribution.FirstPass first = StreamingScoreDistribution.firstPass();
        Arrays.stream(same).forEach(first::addGenuine);
        Arrays.stream(same).forEach(first::addImpostor);
        StreamingScoreDistribution.SecondPass second = first.plan(List.of(0.1), List.of(0.5), 0).secondPass(first);
        Arrays.stream(same).forEach(second::addImpostor);
        for (ScoreDistribution scores : List.<ScoreDistribution>of(second.build(), SortedScoreDistribution.of(same, same, 0, 0))) {
            // Ties match: at 0.5 every impostor is a false match and no genuine a false non-match.
            assertThat(scores.falseMatches(0.5)).isEqualTo(50);
            assertThat(scores.falseNonMatches(0.5)).isZero();
            // FMR 0.1 is only reached above 0.5, where every genuine score is rejected.
            FmrOperatingPoint point = FmrOperatingPoint.find(scores, 0.1).get(0);
            assertThat(point.rates().threshold()).isEqualTo(Math.nextUp(0.5));
            assertThat(point.thresholdOrigin()).isEqualTo(ThresholdOrigin.BETWEEN_OBSERVED_SCORES);
            assertThat(point.rates().fnmr().events()).isEqualTo(50);
            // FMR - FNMR goes from +1 to -1 between the two candidates: EER 0.5 by interpolation.
            assertThat(EqualErrorRate.interpolated(scores).orElseThrow().rate()).isEqualTo(0.5);
        }
    }

    private static void assertContains(Proportion proportion) {
        if (!proportion.isDefined()) {
            return;
        }
        for (ConfidenceInterval ci : List.of(proportion.ci95(), proportion.wilson95())) {
            assertThat(ci.lower()).isLessThanOrEqualTo(proportion.rate());
            assertThat(ci.upper()).isGreaterThanOrEqualTo(proportion.rate());
        }
    }
}
