package org.touchstone.reports.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.reports.verification.ThresholdOrigin;

class SearchOutcomesTest {
    /**
     * L = 3. Mated: mate at rank 1 (0.9); at rank 2 (0.7, behind a stranger at 0.8); at rank 3 (0.5); not
     * returned; search failed. Non-mated: [0.8, 0.6, 0.6]; [0.7, 0.7]; empty list; failed; [0.5].
     */
    static SearchOutcomes handMade() {
        return SearchOutcomes.builder(3)
                .addMatedHit(1, 0.9).addMatedHit(2, 0.7).addMatedHit(3, 0.5).addMatedMiss().addMatedMiss()
                .addNonMated(0.8, 0.6, 0.6).addNonMated(0.7, 0.7).addNonMated().addNonMated().addNonMated(0.5)
                .build();
    }

    @Test
    void cmcCountsMatesByRankWhateverTheirScore() {
        SearchOutcomes outcomes = handMade();
        assertThat(outcomes.cmc()).containsExactly(new Proportion(1, 5), new Proportion(2, 5), new Proportion(3, 5));
        assertThat(outcomes.identificationRate(2)).isEqualTo(new Proportion(2, 5));
        assertThat(outcomes.matedSearches()).isEqualTo(5);
        assertThat(outcomes.nonMatedSearches()).isEqualTo(5);
        assertThat(outcomes.nonMatedSearchesWithoutCandidates()).isEqualTo(2);
    }

    @Test
    void fnirNeedsTheMateWithinRankAndAtOrAboveTheThreshold() {
        SearchOutcomes outcomes = handMade();
        // T = 0.7, R = 3: 0.9 and 0.7 (a tie is a hit) are hits; 0.5, the miss and the failure are not.
        assertThat(outcomes.fnir(3, 0.7)).isEqualTo(new Proportion(3, 5));
        // R = 1: only the rank-1 mate.
        assertThat(outcomes.fnir(1, 0.7)).isEqualTo(new Proportion(4, 5));
        assertThat(outcomes.fnir(2, Double.NEGATIVE_INFINITY)).isEqualTo(new Proportion(3, 5));
        assertThat(outcomes.fnir(3, 0.95)).isEqualTo(new Proportion(5, 5));
    }

    @Test
    void fpirLooksAtTheTopCandidateAndSelectivityAtAllOfThem() {
        SearchOutcomes outcomes = handMade();
        // Top scores 0.8, 0.7, 0.5; two searches returned nothing.
        assertThat(outcomes.fpir(0.7)).isEqualTo(new Proportion(2, 5));
        assertThat(outcomes.fpir(0.8)).isEqualTo(new Proportion(1, 5));
        assertThat(outcomes.fpir(0.81)).isEqualTo(new Proportion(0, 5));
        // >= 0.6: 0.8, 0.6, 0.6 and 0.7, 0.7: five candidates over five searches.
        assertThat(outcomes.selectivity(0.6)).isEqualTo(new Selectivity(5, 5));
        assertThat(outcomes.selectivity(0.7).mean()).isEqualTo(0.6);
    }

    @Test
    void investigativeModeCountsEveryReturnedCandidate() {
        IdentificationRates rates = handMade().investigative();
        assertThat(rates.threshold()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(rates.rank()).isEqualTo(3);
        assertThat(rates.fnir()).isEqualTo(new Proportion(2, 5));
        assertThat(rates.tpir()).isEqualTo(new Proportion(3, 5));
        assertThat(rates.fpir()).isEqualTo(new Proportion(3, 5));
        assertThat(rates.selectivity()).isEqualTo(new Selectivity(6, 5));
    }

    @Test
    void fpirTargetsTakeTheLowestThresholdMeetingThemWithTiesAsHits() {
        // Sweep at R = 3: 0.5 (3 false positives, 2 misses), 0.7 (2, 3), 0.8 (1, 4), 0.9 (0, 4).
        List<FpirOperatingPoint> points = handMade().fpirOperatingPoints(List.of(0.5, 0.2, 0.1, 1.0), 3);
        FpirOperatingPoint half = points.get(0);
        assertThat(half.rates().threshold()).isEqualTo(0.7);
        assertThat(half.rates().fpir()).isEqualTo(new Proportion(2, 5));
        assertThat(half.rates().fnir()).isEqualTo(new Proportion(3, 5));
        assertThat(half.thresholdOrigin()).isEqualTo(ThresholdOrigin.OBSERVED_SCORE);
        // ceil(3 / 0.5) = 6 non-mated searches needed, 5 held.
        assertThat(half.minimumNonMatedSearches()).isEqualTo(6);
        assertThat(half.supported()).isFalse();
        assertThat(points.get(1).rates().threshold()).isEqualTo(0.8);
        assertThat(points.get(1).rates().fnir()).isEqualTo(new Proportion(4, 5));
        assertThat(points.get(2).rates().threshold()).isEqualTo(0.9);
        assertThat(points.get(2).rates().fpir()).isEqualTo(new Proportion(0, 5));
        assertThat(points.get(3).rates().threshold()).isEqualTo(0.5);
        assertThat(points.get(3).rates().fnir()).isEqualTo(new Proportion(2, 5));
        assertThat(points.get(3).supported()).isTrue();
        // At rank 1 only the 0.9 mate is within reach.
        assertThat(handMade().fpirOperatingPoints(List.of(0.5), 1).get(0).rates().fnir()).isEqualTo(new Proportion(4, 5));
    }

    @Test
    void aboveTheHighestNonMatedScoreWhenNoMateScoresHigher() {
        SearchOutcomes outcomes = SearchOutcomes.builder(1).addMatedHit(1, 0.4).addNonMated(0.6).build();
        FpirOperatingPoint point = outcomes.fpirOperatingPoints(List.of(0.1), 1).get(0);
        assertThat(point.thresholdOrigin()).isEqualTo(ThresholdOrigin.BETWEEN_OBSERVED_SCORES);
        assertThat(point.rates().threshold()).isEqualTo(Math.nextUp(0.6));
        assertThat(point.rates().fpir()).isEqualTo(new Proportion(0, 1));
        assertThat(point.rates().fnir()).isEqualTo(new Proportion(1, 1));
    }

    @Test
    void noThresholdWithoutNonMatedSearchesAndNoRatesWithoutSearches() {
        SearchOutcomes onlyMated = SearchOutcomes.builder(2).addMatedHit(1, 0.4).build();
        FpirOperatingPoint point = onlyMated.fpirOperatingPoints(List.of(0.1), 2).get(0);
        assertThat(point.thresholdOrigin()).isEqualTo(ThresholdOrigin.NONE);
        assertThat(point.rates()).isNull();
        assertThat(point.supported()).isFalse();

        SearchOutcomes none = SearchOutcomes.builder(2).build();
        assertThat(none.cmc()).allMatch(p -> !p.isDefined());
        assertThat(none.investigative().fpir().isDefined()).isFalse();
        assertThat(none.selectivity(0).mean()).isNaN();
    }

    @Test
    void allEmptyCandidateListsGiveNoFalsePositiveAndAThresholdNowhere() {
        // Every non-mated list is empty: FPIR is 0 at any threshold, and no score exists to choose one from.
        SearchOutcomes outcomes = SearchOutcomes.builder(2).addMatedMiss().addNonMated().addNonMated().build();
        assertThat(outcomes.investigative().fpir()).isEqualTo(new Proportion(0, 2));
        assertThat(outcomes.investigative().fnir()).isEqualTo(new Proportion(1, 1));
        assertThat(outcomes.fpirOperatingPoints(List.of(0.5), 2).get(0).thresholdOrigin()).isEqualTo(ThresholdOrigin.NONE);
    }

    @Test
    void rejectsWhatCannotBeAListOfCandidates() {
        SearchOutcomes.Builder builder = SearchOutcomes.builder(2);
        assertThatThrownBy(() -> builder.addNonMated(0.5, 0.6)).hasMessageContaining("must not increase with rank");
        assertThatThrownBy(() -> builder.addNonMated(0.5, 0.4, 0.3)).hasMessageContaining("more than L = 2");
        assertThatThrownBy(() -> builder.addNonMated(Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> builder.addMatedHit(3, 0.5)).hasMessageContaining("1..2");
        assertThatThrownBy(() -> handMade().fnir(4, 0)).hasMessageContaining("1..3");
        assertThatThrownBy(() -> handMade().fpir(Double.NaN)).hasMessageContaining("NaN");
    }

    /** Random candidate lists checked against a brute-force reading of the definitions. */
    @Test
    void randomSearchesAgreeWithTheDefinitionsAndKeepTheirInvariants() {
        SplittableRandom random = new SplittableRandom(20261126);
        for (int trial = 0; trial < 200; trial++) {
            int length = 1 + random.nextInt(6);
            List<double[]> matedScores = new ArrayList<>();
            List<boolean[]> matedIsMate = new ArrayList<>();
            List<double[]> nonMated = new ArrayList<>();
            SearchOutcomes.Builder builder = SearchOutcomes.builder(length);
            int searches = random.nextInt(30);
            for (int s = 0; s < searches; s++) {
                double[] scores = randomList(random, length);
                if (random.nextBoolean()) {
                    boolean[] isMate = new boolean[scores.length];
                    int firstMate = -1;
                    for (int i = 0; i < scores.length; i++) {
                        // A subject may have several enrolment templates: the mate may appear more than once.
                        isMate[i] = random.nextInt(4) == 0;
                        if (isMate[i] && firstMate < 0) {
                            firstMate = i;
                        }
                    }
                    matedScores.add(scores);
                    matedIsMate.add(isMate);
                    if (firstMate < 0) {
                        builder.addMatedMiss();
                    } else {
                        builder.addMatedHit(firstMate + 1, scores[firstMate]);
                    }
                } else {
                    nonMated.add(scores);
                    builder.addNonMated(scores);
                }
            }
            SearchOutcomes outcomes = builder.build();
            double[] thresholds = {Double.NEGATIVE_INFINITY, 0, 0.25, 0.5, 0.55, 0.75, 1, 2};
            Proportion previousCmc = null;
            for (int k = 1; k <= length; k++) {
                Proportion cmc = outcomes.identificationRate(k);
                if (previousCmc != null && cmc.isDefined()) {
                    assertThat(cmc.rate()).as("CMC non-decreasing in k").isGreaterThanOrEqualTo(previousCmc.rate());
                }
                previousCmc = cmc;
                assertThat(cmc.events()).isEqualTo(matedScores.size() - bruteMisses(matedScores, matedIsMate, k,
                        Double.NEGATIVE_INFINITY));
            }
            for (double threshold : thresholds) {
                long previousMisses = Long.MAX_VALUE;
                for (int rank = 1; rank <= length; rank++) {
                    Proportion fnir = outcomes.fnir(rank, threshold);
                    assertThat(fnir.events()).isEqualTo(bruteMisses(matedScores, matedIsMate, rank, threshold));
                    assertThat(fnir.events()).as("FNIR non-increasing in R").isLessThanOrEqualTo(previousMisses);
                    previousMisses = fnir.events();
                    assertContains(fnir);
                }
                Proportion fpir = outcomes.fpir(threshold);
                assertThat(fpir.events()).isEqualTo(nonMated.stream().filter(l -> l.length > 0 && l[0] >= threshold).count());
                assertThat(fpir.trials()).isEqualTo(nonMated.size());
                assertContains(fpir);
                long candidates = nonMated.stream().flatMapToDouble(Arrays::stream).filter(v -> v >= threshold).count();
                assertThat(outcomes.selectivity(threshold).candidates()).isEqualTo(candidates);
                assertThat(candidates).isGreaterThanOrEqualTo(fpir.events());
            }
            for (FpirOperatingPoint point : outcomes.fpirOperatingPoints(List.of(1.0, 0.5, 0.2, 0.05), length)) {
                if (point.rates() == null) {
                    // Only without non-mated searches, or without any score to choose a threshold from.
                    boolean noScore = outcomes.identificationRate(length).events() == 0
                            && nonMated.stream().allMatch(l -> l.length == 0);
                    assertThat(nonMated.isEmpty() || noScore).isTrue();
                    continue;
                }
                double t = point.rates().threshold();
                assertThat(point.rates().fpir().rate()).isLessThanOrEqualTo(point.fpirTarget());
                // No threshold at any score a list holds does better: meeting the target, FNIR is no lower.
                Stream.concat(nonMated.stream(), matedScores.stream())
                        .flatMapToDouble(Arrays::stream)
                        .filter(v -> outcomes.fpir(v).rate() <= point.fpirTarget())
                        .forEach(v -> assertThat(outcomes.fnir(length, v).events())
                                .isGreaterThanOrEqualTo(point.rates().fnir().events()));
                assertThat(point.rates().fnir()).isEqualTo(outcomes.fnir(length, t));
            }
        }
    }

    /** A list of up to {@code length} scores on a 0.05 grid (so ties happen), non-increasing. */
    private static double[] randomList(SplittableRandom random, int length) {
        int size = random.nextInt(length + 1);
        double[] scores = new double[size];
        for (int i = 0; i < size; i++) {
            scores[i] = random.nextInt(21) * 0.05;
        }
        Arrays.sort(scores);
        for (int i = 0; i < size / 2; i++) {
            double swap = scores[i];
            scores[i] = scores[size - 1 - i];
            scores[size - 1 - i] = swap;
        }
        return scores;
    }

    /** Mated searches with no mate among the first {@code rank} candidates scoring at least {@code threshold}. */
    private static long bruteMisses(List<double[]> scores, List<boolean[]> isMate, int rank, double threshold) {
        long misses = 0;
        for (int s = 0; s < scores.size(); s++) {
            boolean hit = false;
            for (int i = 0; i < Math.min(rank, scores.get(s).length); i++) {
                hit |= isMate.get(s)[i] && scores.get(s)[i] >= threshold;
            }
            misses += hit ? 0 : 1;
        }
        return misses;
    }

    private static void assertContains(Proportion proportion) {
        if (proportion.isDefined()) {
            assertThat(proportion.ci95().lower()).isLessThanOrEqualTo(proportion.rate());
            assertThat(proportion.ci95().upper()).isGreaterThanOrEqualTo(proportion.rate());
        }
    }
}
