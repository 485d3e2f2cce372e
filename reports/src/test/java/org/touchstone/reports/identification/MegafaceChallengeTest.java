package org.touchstone.reports.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * MegaFace Challenge 1's ranks and TAR at FAR against brute force: every distractor score of every probe is drawn
 * here, ranks counted over all of them and thresholds found by trying every observed score, then the class sees
 * only each probe's K best.
 */
class MegafaceChallengeTest {
    /** A small world: probes with all their distractor scores and genuine pairs drawn at random. */
    private record World(double[][] distractorScores, List<MegafaceChallenge.GenuinePair> pairs) {
        static World draw(long seed, int probes, int distractors, int pairsPerProbe) {
            SplittableRandom random = new SplittableRandom(seed);
            double[][] scores = new double[probes][distractors];
            List<MegafaceChallenge.GenuinePair> pairs = new ArrayList<>();
            for (int p = 0; p < probes; p++) {
                for (int d = 0; d < distractors; d++) {
                    // Two decimals: ties between distractors and genuine scores happen.
                    scores[p][d] = Math.round(random.nextDouble() * 70) / 100.0;
                }
                for (int g = 0; g < pairsPerProbe; g++) {
                    pairs.add(new MegafaceChallenge.GenuinePair(p, p == 1 && g == 0 ? Double.NaN
                            : Math.round((0.3 + random.nextDouble() * 0.7) * 100) / 100.0));
                }
            }
            return new World(scores, pairs);
        }

        List<MegafaceChallenge.DistractorSearch> searches(int k, int failedProbe) {
            List<MegafaceChallenge.DistractorSearch> out = new ArrayList<>();
            for (int p = 0; p < distractorScores.length; p++) {
                if (p == failedProbe) {
                    out.add(MegafaceChallenge.DistractorSearch.failed());
                    continue;
                }
                double[] sorted = distractorScores[p].clone();
                Arrays.sort(sorted);
                double[] top = new double[Math.min(k, sorted.length)];
                for (int i = 0; i < top.length; i++) {
                    top[i] = sorted[sorted.length - 1 - i];
                }
                out.add(new MegafaceChallenge.DistractorSearch(true, top, sorted.length > k));
            }
            return out;
        }
    }

    @Test
    void ranksUpToKAreThoseOfTheWholeDistractorSet() {
        World world = World.draw(7, 12, 40, 5);
        int k = 10;
        int failedProbe = 3;
        MegafaceChallenge.Result result = MegafaceChallenge.measure(k, 40, world.searches(k, failedProbe),
                world.pairs(), List.of());
        assertThat(result.pairs()).isEqualTo(60);
        for (int r = 1; r <= k; r++) {
            long hits = 0;
            for (MegafaceChallenge.GenuinePair pair : world.pairs()) {
                if (pair.probe() == failedProbe || Double.isNaN(pair.score())) {
                    continue;
                }
                long atOrAbove = Arrays.stream(world.distractorScores()[pair.probe()]).filter(s -> s >= pair.score()).count();
                if (atOrAbove + 1 <= r) {
                    hits++;
                }
            }
            assertThat(result.hitsWithin()[r]).as("rank %d", r).isEqualTo(hits);
        }
        assertThat(result.hitsWithin()[1]).isGreaterThan(0).isLessThan(result.hitsWithin()[k]);
    }

    @Test
    void tarAtFarIsBruteForceWhenTheListsSettleItAndUndeterminedWhenNot() {
        World world = World.draw(11, 12, 40, 5);
        int failedProbe = 3;
        List<Double> targets = List.of(0.1, 0.02, 0.005, 1.0e-3);
        long impostors = 12 * 40;
        List<Double> genuine = world.pairs().stream().filter(p -> p.probe() != failedProbe)
                .map(MegafaceChallenge.GenuinePair::score).filter(s -> !s.isNaN()).toList();
        List<Double> impostor = new ArrayList<>();
        for (int p = 0; p < 12; p++) {
            if (p != failedProbe) {
                Arrays.stream(world.distractorScores()[p]).forEach(impostor::add);
            }
        }
        // The pairs of the failed probe are non-matches: their scores are not what the class sees.
        List<MegafaceChallenge.GenuinePair> pairs = world.pairs().stream().map(p -> p.probe() == failedProbe
                ? new MegafaceChallenge.GenuinePair(p.probe(), Double.NaN) : p).toList();
        List<Double> observed = new ArrayList<>(genuine);
        observed.addAll(impostor);
        observed.sort(null);
        boolean sawUndetermined = false;
        boolean sawExact = false;
        for (int k : List.of(40, 5)) {
            MegafaceChallenge.Result result = MegafaceChallenge.measure(k, 40, world.searches(k, failedProbe), pairs,
                    targets);
            for (int i = 0; i < targets.size(); i++) {
                double f = targets.get(i);
                double expected = Double.NaN;
                for (double t : observed) {
                    if ((double) impostor.stream().filter(v -> v >= t).count() / impostors <= f) {
                        expected = t;
                        break;
                    }
                }
                MegafaceChallenge.TarPoint point = result.tar().get(i);
                assertThat(point.supported()).isEqualTo(impostors >= Math.ceil(3 / f));
                assertThat(point.impostorComparisons()).isEqualTo(impostors);
                assertThat(point.genuinePairs()).isEqualTo(60);
                if (point.threshold() == null) {
                    assertThat(k).as("full lists always settle the threshold").isEqualTo(5);
                    assertThat(point.thresholdOrigin()).isEqualTo("undetermined");
                    sawUndetermined = true;
                    continue;
                }
                double t = expected;
                assertThat(point.threshold()).as("threshold at %s, K %d", f, k).isEqualTo(t);
                assertThat(point.falseAccepts()).isEqualTo(impostor.stream().filter(v -> v >= t).count());
                assertThat(point.acceptedGenuinePairs()).isEqualTo(genuine.stream().filter(v -> v >= t).count());
                assertThat(point.tar()).isEqualTo((double) genuine.stream().filter(v -> v >= t).count() / 60);
                if (k == 5) {
                    sawExact = true;
                }
            }
        }
        assertThat(sawUndetermined).isTrue();
        assertThat(sawExact).isTrue();
    }
}
