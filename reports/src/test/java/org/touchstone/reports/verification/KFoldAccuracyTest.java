package org.touchstone.reports.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** LFW's k-fold accuracy against arithmetic done by hand and against a brute-force search. */
class KFoldAccuracyTest {
    private static KFoldAccuracy.Pair g(int fold, double score) {
        return new KFoldAccuracy.Pair(fold, true, score);
    }

    private static KFoldAccuracy.Pair i(int fold, double score) {
        return new KFoldAccuracy.Pair(fold, false, score);
    }

    @Test
    void twoFoldsByHand() {
        // Fold 1: genuine 0.9, 0.6; impostor 0.7, 0.2. Fold 2: genuine 0.8 and one failed; impostor 0.3, 0.85.
        List<KFoldAccuracy.Pair> pairs = List.of(g(1, 0.9), g(1, 0.6), i(1, 0.7), i(1, 0.2),
                g(2, 0.8), g(2, Double.NaN), i(2, 0.3), i(2, 0.85));
        KFoldAccuracy.Result r = KFoldAccuracy.compute(pairs, 2);

        // Fold 1 trains on fold 2: t=0.3 -> 1 correct, 0.8 -> 2, 0.85 -> 1, accept nothing -> 2; lowest best 0.8.
        // At 0.8 fold 1 gets 0.9 right, 0.6 wrong, both impostors right: 3/4.
        KFoldAccuracy.Fold f1 = r.folds().get(0);
        assertThat(f1.threshold()).isEqualTo(0.8);
        assertThat(f1.trainingAccuracy()).isEqualTo(0.5);
        assertThat(f1.correct()).isEqualTo(3);
        assertThat(f1.accuracy()).isEqualTo(0.75);
        // Fold 2 trains on fold 1: t=0.2 -> 2, 0.6 -> 3, 0.7 -> 2, 0.9 -> 3, nothing -> 2; lowest best 0.6.
        // At 0.6: 0.8 right, the failed genuine wrong, 0.3 right, 0.85 wrong: 2/4.
        KFoldAccuracy.Fold f2 = r.folds().get(1);
        assertThat(f2.threshold()).isEqualTo(0.6);
        assertThat(f2.trainingAccuracy()).isEqualTo(0.75);
        assertThat(f2.failed()).isEqualTo(1);
        assertThat(f2.accuracy()).isEqualTo(0.5);

        assertThat(r.meanAccuracy()).isEqualTo(0.625);
        // Deviations +-0.125: sample sd sqrt(2 x 0.125^2 / 1) = 0.1768, SE = that / sqrt(2) = 0.125,
        // population sd sqrt(2 x 0.125^2 / 2) = 0.125.
        assertThat(r.sampleStdDev()).isCloseTo(0.125 * Math.sqrt(2), within(1e-12));
        assertThat(r.standardError()).isCloseTo(0.125, within(1e-12));
        assertThat(r.populationStdDev()).isCloseTo(0.125, within(1e-12));

        // At threshold 0.85: fold 1 TMR 1/2, FMR 0/2; fold 2 TMR 0/2 (the failed pair counts), FMR 1/2.
        KFoldAccuracy.RocPoint at085 = r.roc().stream().filter(p -> p.threshold() == 0.85).findFirst().orElseThrow();
        assertThat(at085.meanTmr()).isEqualTo(0.25);
        assertThat(at085.meanFmr()).isEqualTo(0.25);
        assertThat(r.roc().get(0).threshold()).isEqualTo(0.9);
        assertThat(r.roc().get(r.roc().size() - 1).threshold()).isEqualTo(0.2);
        assertThat(r.rocFolds()).isEqualTo(2);
    }

    @Test
    void matchesABruteForceSearchOnRandomPairsWithTiesAndFailures() {
        Random random = new Random(13);
        for (int trial = 0; trial < 40; trial++) {
            int k = 2 + random.nextInt(9);
            List<KFoldAccuracy.Pair> pairs = new ArrayList<>();
            for (int n = 0; n < 20 * k; n++) {
                boolean mated = random.nextBoolean();
                double score = random.nextInt(20) == 0 ? Double.NaN
                        : Math.round((mated ? 0.6 : 0.4) * 20 + random.nextGaussian() * 3) / 20.0; // coarse: ties
                pairs.add(new KFoldAccuracy.Pair(1 + n % k, mated, score));
            }
            KFoldAccuracy.Result r = KFoldAccuracy.compute(pairs, k);
            double sum = 0;
            for (int f = 1; f <= k; f++) {
                int fold = f;
                List<KFoldAccuracy.Pair> train = pairs.stream().filter(p -> p.fold() != fold).toList();
                List<KFoldAccuracy.Pair> test = pairs.stream().filter(p -> p.fold() == fold).toList();
                double best = Double.POSITIVE_INFINITY;
                double bestAccuracy = accuracy(train, best);
                for (KFoldAccuracy.Pair candidate : train) {
                    double t = candidate.score();
                    if (Double.isNaN(t)) {
                        continue;
                    }
                    double a = accuracy(train, t);
                    if (a > bestAccuracy || a == bestAccuracy && t < best) {
                        best = t;
                        bestAccuracy = a;
                    }
                }
                assertThat(r.folds().get(f - 1).threshold()).isEqualTo(best);
                assertThat(r.folds().get(f - 1).accuracy()).isEqualTo(accuracy(test, best));
                sum += accuracy(test, best);
            }
            assertThat(r.meanAccuracy()).isCloseTo(sum / k, within(1e-12));
        }
    }

    /** Accuracy counted pair by pair: accepted when scored and >= t. */
    private static double accuracy(List<KFoldAccuracy.Pair> pairs, double t) {
        int correct = 0;
        for (KFoldAccuracy.Pair p : pairs) {
            boolean accepted = !Double.isNaN(p.score()) && p.score() >= t;
            if (accepted == p.mated()) {
                correct++;
            }
        }
        return (double) correct / pairs.size();
    }

    @Test
    void anEmptyFoldIsRefused() {
        assertThatThrownBy(() -> KFoldAccuracy.compute(List.of(g(1, 0.5), i(3, 0.1)), 3))
                .hasMessageContaining("fold 2 has no pairs");
    }
}
