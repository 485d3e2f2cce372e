package org.touchstone.reports.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Streaming equals full sort: seeded random cases (hundreds per seed) with heavy ties, failures and a coarse
 * histogram (13 to 16 bin bits, so that bins hold many distinct scores) checked against
 * {@link SortedScoreDistribution}, the in-memory reference.
 */
class StreamingScoreDistributionTest {
    private static final List<Double> TARGETS = List.of(0.5, 0.2, 0.1, 0.05, 0.01, 0.001, 1e-6);

    /** A random case: scores on a grid (ties) or continuous, on one of several scales. */
    private record Case(double[] genuine, double[] impostor, long failedGenuine, long failedImpostor,
                        double[] fixed, int binBits) {
        static Case random(SplittableRandom random) {
            double scale = new double[] {1, 100, 1e-3, -1}[random.nextInt(4)];
            boolean grid = random.nextBoolean();
            double[] genuine = new double[random.nextInt(0, 60)];
            double[] impostor = new double[random.nextInt(0, 400)];
            for (int i = 0; i < genuine.length; i++) {
                genuine[i] = score(random, 0.55, grid) * scale;
            }
            for (int i = 0; i < impostor.length; i++) {
                impostor[i] = score(random, 0.35, grid) * scale;
            }
            double[] fixed = {score(random, 0.5, grid) * scale, score(random, 0.45, false) * scale};
            return new Case(genuine, impostor, random.nextInt(0, 3), random.nextInt(0, 3), fixed,
                    13 + random.nextInt(4));
        }

        private static double score(SplittableRandom random, double mean, boolean grid) {
            double value = mean + 0.12 * random.nextGaussian();
            return grid ? Math.round(value * 200) / 200.0 : value;
        }

        SortedScoreDistribution sorted() {
            return SortedScoreDistribution.of(genuine, impostor, failedGenuine, failedImpostor);
        }

        StreamingScoreDistribution.FirstPass firstPass() {
            StreamingScoreDistribution.FirstPass first = StreamingScoreDistribution.firstPass(binBits);
            stream(first);
            return first;
        }

        void stream(ScoreSink sink) {
            for (double u : genuine) {
                sink.addGenuine(u);
            }
            for (double v : impostor) {
                sink.addImpostor(v);
            }
            sink.addFailedGenuine(failedGenuine);
            sink.addFailedImpostor(failedImpostor);
        }

        StreamingScoreDistribution streaming(long exactLimit) {
            StreamingScoreDistribution.FirstPass first = firstPass();
            StreamingScoreDistribution.SecondPass second = first.plan(TARGETS, List.of(fixed[0], fixed[1]), exactLimit)
                    .secondPass(first);
            stream(second);
            return second.build();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void fnmrAtFmrTargetsEerAndFixedThresholdsEqualAFullSort(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int coarseCases = 0;
        for (int trial = 0; trial < 300; trial++) {
            Case c = Case.random(random);
            SortedScoreDistribution reference = c.sorted();
            StreamingScoreDistribution streaming = c.streaming(0);
            if (streaming.keptImpostorScores() < c.impostor.length) {
                coarseCases++;
            }
            String label = "case " + trial + " of seed " + seed;
            assertThat(FmrOperatingPoint.find(streaming, TARGETS)).as(label)
                    .isEqualTo(FmrOperatingPoint.find(reference, TARGETS));
            assertThat(EqualErrorRate.interpolated(streaming)).as(label).isEqualTo(EqualErrorRate.interpolated(reference));
            for (double threshold : c.fixed) {
                assertThat(ErrorRates.at(streaming, threshold)).as(label).isEqualTo(ErrorRates.at(reference, threshold));
            }
            assertThat(streaming.genuineComparisons()).isEqualTo(reference.genuineComparisons());
            assertThat(streaming.impostorComparisons()).isEqualTo(reference.impostorComparisons());
            assertThat(streaming.genuineScores()).isEqualTo(reference.genuineScores());
            ScoreSummary expected = reference.impostorScores();
            ScoreSummary actual = streaming.impostorScores();
            assertThat(actual.count()).isEqualTo(expected.count());
            if (expected.count() > 0) {
                assertThat(actual.min()).isEqualTo(expected.min());
                assertThat(actual.max()).isEqualTo(expected.max());
                assertThat(actual.mean()).isCloseTo(expected.mean(), within(1e-9 * Math.abs(expected.max()) + 1e-12));
            }
            assertSweepIsAnExactSubsequence(streaming, reference, label);
        }
        assertThat(coarseCases).as("cases where some impostor scores were not kept").isGreaterThan(100);
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6})
    void withinTheExactLimitEverythingEqualsAFullSort(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 200; trial++) {
            Case c = Case.random(random);
            SortedScoreDistribution reference = c.sorted();
            StreamingScoreDistribution streaming = c.streaming(Long.MAX_VALUE);
            assertThat(streaming.isExactEverywhere()).isTrue();
            assertThat(sweepOf(streaming)).isEqualTo(sweepOf(reference));
            assertThat(EqualErrorRate.rocch(streaming)).isEqualTo(EqualErrorRate.rocch(reference));
            assertThat(DetCurve.sample(streaming, 0.001)).isEqualTo(DetCurve.sample(reference, 0.001));
            assertThat(streaming.impostorScores()).isEqualTo(reference.impostorScores());
            ScoreHistogram a = ScoreHistogram.of(streaming, 7);
            ScoreHistogram b = ScoreHistogram.of(reference, 7);
            assertThat(a.genuineCounts()).containsExactly(b.genuineCounts());
            assertThat(a.impostorCounts()).containsExactly(b.impostorCounts());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8})
    void aSubsetTakingTheGlobalPlanIsExactAtTheGlobalThresholds(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 200; trial++) {
            Case c = Case.random(random);
            StreamingScoreDistribution.FirstPass first = c.firstPass();
            StreamingScoreDistribution.Plan plan = first.plan(TARGETS, List.of(c.fixed[0], c.fixed[1]), 0);
            // The "group": a random half of the comparisons.
            boolean[] genuineIn = new boolean[c.genuine.length];
            boolean[] impostorIn = new boolean[c.impostor.length];
            StreamingScoreDistribution.FirstPass groupFirst = StreamingScoreDistribution.firstPass(c.binBits);
            SortedScoreDistribution.Builder groupReference = SortedScoreDistribution.builder();
            for (int i = 0; i < genuineIn.length; i++) {
                genuineIn[i] = random.nextBoolean();
                if (genuineIn[i]) {
                    groupFirst.addGenuine(c.genuine[i]);
                    groupReference.addGenuine(c.genuine[i]);
                }
            }
            for (int i = 0; i < impostorIn.length; i++) {
                impostorIn[i] = random.nextBoolean();
                if (impostorIn[i]) {
                    groupFirst.addImpostor(c.impostor[i]);
                    groupReference.addImpostor(c.impostor[i]);
                }
            }
            StreamingScoreDistribution.SecondPass second = plan.secondPass(first);
            StreamingScoreDistribution.SecondPass groupSecond = plan.secondPass(groupFirst);
            c.stream(second);
            for (int i = 0; i < impostorIn.length; i++) {
                if (impostorIn[i]) {
                    groupSecond.addImpostor(c.impostor[i]);
                }
            }
            StreamingScoreDistribution global = second.build();
            StreamingScoreDistribution group = groupSecond.build();
            SortedScoreDistribution reference = groupReference.build();
            List<Double> thresholds = new ArrayList<>(List.of(c.fixed[0], c.fixed[1]));
            FmrOperatingPoint.find(global, TARGETS).stream().filter(p -> p.rates() != null)
                    .forEach(p -> thresholds.add(p.rates().threshold()));
            for (double threshold : thresholds) {
                assertThat(ErrorRates.at(group, threshold)).isEqualTo(ErrorRates.at(reference, threshold));
            }
        }
    }

    @Test
    void aThresholdInsideACoarseBinIsRefusedAndPassesMustMatch() {
        StreamingScoreDistribution.FirstPass first = StreamingScoreDistribution.firstPass(13);
        for (int i = 0; i < 100; i++) {
            first.addImpostor(0.5 + i * 1e-6);
        }
        // No genuine score, so no EER bin to keep, and no target or fixed threshold either: nothing is kept.
        StreamingScoreDistribution.SecondPass second = first.plan(List.of(), List.of(), 0).secondPass(first);
        for (int i = 0; i < 100; i++) {
            second.addImpostor(0.5 + i * 1e-6);
        }
        StreamingScoreDistribution scores = second.build();
        assertThat(scores.keptImpostorScores()).isZero();
        assertThat(scores.falseMatches(0.5)).isEqualTo(100);
        assertThat(scores.falseMatches(0.6)).isZero();
        assertThatThrownBy(() -> scores.falseMatches(0.50005)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not kept");

        StreamingScoreDistribution.SecondPass short_ = first.plan(List.of(), List.of(), 0).secondPass(first);
        short_.addImpostor(0.5);
        assertThatThrownBy(short_::build).isInstanceOf(IllegalStateException.class);
        StreamingScoreDistribution.SecondPass other = first.plan(List.of(), List.of(), 0).secondPass(first);
        assertThatThrownBy(() -> other.addImpostor(7.0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> first.addImpostor(Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> first.addGenuine(Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
    }

    @Test
    void binsPreserveScoreOrderAcrossSignsAndZero() {
        double[] ordered = {-1e300, -2.5, -1, -Double.MIN_VALUE, 0.0, Double.MIN_VALUE, 1e-300, 0.3, 1, 7, 1e300};
        for (int i = 1; i < ordered.length; i++) {
            assertThat(StreamingScoreDistribution.binOf(ordered[i], 20))
                    .isGreaterThanOrEqualTo(StreamingScoreDistribution.binOf(ordered[i - 1], 20));
        }
        assertThat(StreamingScoreDistribution.binOf(0.3, 20)).isLessThan(StreamingScoreDistribution.binOf(0.31, 20));
    }

    private static void assertSweepIsAnExactSubsequence(ScoreDistribution streaming, ScoreDistribution reference,
                                                        String label) {
        List<List<Double>> full = sweepOf(reference);
        int position = 0;
        ThresholdSweep sweep = streaming.sweep();
        while (sweep.next()) {
            while (position < full.size() && full.get(position).get(0) != sweep.threshold()) {
                position++;
            }
            assertThat(position).as(label + ": streaming threshold " + sweep.threshold() + " not in the full sweep")
                    .isLessThan(full.size());
            assertThat(List.of(sweep.threshold(), (double) sweep.falseMatches(), (double) sweep.falseNonMatches()))
                    .as(label).isEqualTo(full.get(position));
        }
    }

    private static List<List<Double>> sweepOf(ScoreDistribution scores) {
        List<List<Double>> points = new ArrayList<>();
        ThresholdSweep sweep = scores.sweep();
        while (sweep.next()) {
            points.add(List.of(sweep.threshold(), (double) sweep.falseMatches(), (double) sweep.falseNonMatches()));
        }
        return points;
    }
}
