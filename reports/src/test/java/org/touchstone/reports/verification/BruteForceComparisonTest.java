package org.touchstone.reports.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Compares the metrics with brute-force references on many small random cases with heavy ties and
 * failures: counting by loops over every score, and trying every threshold that could matter.
 */
class BruteForceComparisonTest {
    private static final double[] TARGETS = {1.0, 0.5, 0.3, 0.1, 0.05, 0.01, 0.001};

    @Test
    void fnmrAtFmrIsTheBestAnyThresholdAchievesAndItsThresholdIsTheLowestCandidate() {
        SplittableRandom random = new SplittableRandom(20261126);
        for (int trial = 0; trial < 2000; trial++) {
            Case c = Case.random(random);
            SortedScoreDistribution scores = c.distribution();
            List<FmrOperatingPoint> points = FmrOperatingPoint.find(scores, TARGETS);
            for (int t = 0; t < TARGETS.length; t++) {
                double target = TARGETS[t];
                FmrOperatingPoint point = points.get(t);
                if (c.impostorComparisons() == 0 || c.genuine.length + c.impostor.length == 0) {
                    assertThat(point.thresholdOrigin()).isEqualTo(ThresholdOrigin.NONE);
                    continue;
                }
                // Every threshold that could matter: each score, its neighbours, and both infinities.
                TreeSet<Double> everyThreshold = new TreeSet<>(List.of(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
                for (double s : c.allScores()) {
                    everyThreshold.add(s);
                    everyThreshold.add(Math.nextUp(s));
                    everyThreshold.add(Math.nextDown(s));
                }
                long bestFnm = Long.MAX_VALUE;
                for (double threshold : everyThreshold) {
                    if ((double) c.falseMatches(threshold) / c.impostorComparisons() <= target) {
                        bestFnm = Math.min(bestFnm, c.falseNonMatches(threshold));
                    }
                }
                // The documented candidates: the observed scores, plus nextUp(highest impostor) when nothing is higher.
                TreeSet<Double> candidates = new TreeSet<>();
                for (double s : c.allScores()) {
                    candidates.add(s);
                }
                if (c.impostor.length > 0 && max(c.allScores()) == max(c.impostor)) {
                    candidates.add(Math.nextUp(max(c.impostor)));
                }
                double lowest = candidates.stream()
                        .filter(threshold -> (double) c.falseMatches(threshold) / c.impostorComparisons() <= target)
                        .findFirst().orElseThrow();
                String label = c + " target " + target;
                assertThat(point.rates().threshold()).as(label).isEqualTo(lowest);
                assertThat(point.rates().fnmr().events()).as(label).isEqualTo(bestFnm);
                assertThat(point.rates().fmr().events()).as(label).isEqualTo(c.falseMatches(lowest));
                assertThat(point.rates().fnmr().trials()).isEqualTo(c.genuineComparisons());
                assertThat(point.rates().fmr().trials()).isEqualTo(c.impostorComparisons());
                assertThat(point.thresholdOrigin() == ThresholdOrigin.OBSERVED_SCORE)
                        .as(label).isEqualTo(c.isObserved(lowest));
            }
        }
    }

    @Test
    void countsAtAnyThresholdMatchLoops() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 500; trial++) {
            Case c = Case.random(random);
            SortedScoreDistribution scores = c.distribution();
            for (int k = 0; k < 20; k++) {
                double threshold = Math.round(random.nextDouble(-0.1, 1.1) * 20) / 20.0;
                assertThat(scores.falseMatches(threshold)).isEqualTo(c.falseMatches(threshold));
                assertThat(scores.falseNonMatches(threshold)).isEqualTo(c.falseNonMatches(threshold));
            }
        }
    }

    @Test
    void rocchIsWhereTheLowestSegmentBetweenAnyTwoPointsCrossesTheDiagonal() {
        // The ROC convex hull meets FMR = FNMR at the lowest point of the hull on that line, which lies on
        // a segment between two of the points (the sweep points and the reject-all point (0, 1)).
        SplittableRandom random = new SplittableRandom(42);
        int compared = 0;
        for (int trial = 0; trial < 1000; trial++) {
            Case c = Case.random(random);
            SortedScoreDistribution scores = c.distribution();
            if (c.genuineComparisons() == 0 || c.impostorComparisons() == 0) {
                continue;
            }
            List<double[]> points = new ArrayList<>();
            ThresholdSweep sweep = scores.sweep();
            while (sweep.next()) {
                points.add(new double[] {(double) sweep.falseMatches() / c.impostorComparisons(),
                        (double) sweep.falseNonMatches() / c.genuineComparisons()});
            }
            points.add(new double[] {0, 1});
            double lowest = Double.POSITIVE_INFINITY;
            for (double[] a : points) {
                for (double[] b : points) {
                    double da = a[0] - a[1];
                    double db = b[0] - b[1];
                    if (da >= 0 && db <= 0) {
                        double crossing = da == db ? a[0] : a[0] + da / (da - db) * (b[0] - a[0]);
                        lowest = Math.min(lowest, crossing);
                    }
                }
            }
            var rocch = EqualErrorRate.rocch(scores);
            if (lowest == Double.POSITIVE_INFINITY || points.get(0)[0] < points.get(0)[1]) {
                assertThat(rocch).as(c.toString()).isEmpty();
                continue;
            }
            compared++;
            assertThat(rocch.orElseThrow().rate()).as(c.toString()).isCloseTo(lowest, within(1e-12));
            assertThat(rocch.orElseThrow().rate())
                    .isLessThanOrEqualTo(EqualErrorRate.interpolated(scores).orElseThrow().rate() + 1e-12);
        }
        assertThat(compared).isGreaterThan(500);
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** A small random case on a grid of 0.05, so ties are common. */
    private record Case(double[] genuine, double[] impostor, long failedGenuine, long failedImpostor) {
        static Case random(SplittableRandom random) {
            double[] genuine = new double[random.nextInt(0, 12)];
            double[] impostor = new double[random.nextInt(0, 25)];
            for (int i = 0; i < genuine.length; i++) {
                genuine[i] = Math.round(random.nextDouble(0.3, 1.0) * 20) / 20.0;
            }
            for (int i = 0; i < impostor.length; i++) {
                impostor[i] = Math.round(random.nextDouble(0.0, 0.7) * 20) / 20.0;
            }
            return new Case(genuine, impostor, random.nextInt(0, 3), random.nextInt(0, 3));
        }

        SortedScoreDistribution distribution() {
            return SortedScoreDistribution.of(genuine, impostor, failedGenuine, failedImpostor);
        }

        long genuineComparisons() {
            return genuine.length + failedGenuine;
        }

        long impostorComparisons() {
            return impostor.length + failedImpostor;
        }

        long falseMatches(double threshold) {
            long count = 0;
            for (double v : impostor) {
                if (v >= threshold) {
                    count++;
                }
            }
            return count;
        }

        long falseNonMatches(double threshold) {
            long count = failedGenuine;
            for (double u : genuine) {
                if (u < threshold) {
                    count++;
                }
            }
            return count;
        }

        boolean isObserved(double threshold) {
            for (double s : allScores()) {
                if (s == threshold) {
                    return true;
                }
            }
            return false;
        }

        double[] allScores() {
            double[] all = new double[genuine.length + impostor.length];
            System.arraycopy(genuine, 0, all, 0, genuine.length);
            System.arraycopy(impostor, 0, all, genuine.length, impostor.length);
            return all;
        }

        @Override
        public String toString() {
            return "genuine " + java.util.Arrays.toString(genuine) + " + " + failedGenuine + " failed, impostor "
                    + java.util.Arrays.toString(impostor) + " + " + failedImpostor + " failed";
        }
    }
}
