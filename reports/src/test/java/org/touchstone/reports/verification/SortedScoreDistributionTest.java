package org.touchstone.reports.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SortedScoreDistributionTest {

    /** Genuine {0.5, 0.7, 0.7, 0.9}, impostor {0.1, 0.3, 0.5, 0.5, 0.7}: ties across and within classes. */
    static SortedScoreDistribution tied() {
        return SortedScoreDistribution.of(new double[] {0.9, 0.7, 0.5, 0.7}, new double[] {0.5, 0.1, 0.7, 0.3, 0.5}, 0, 0);
    }

    @Test
    void scoresEqualToTheThresholdCountAsMatches() {
        SortedScoreDistribution scores = tied();
        // T = 0.5: impostors >= 0.5 are 0.5, 0.5, 0.7; no genuine score is below 0.5.
        assertThat(scores.falseMatches(0.5)).isEqualTo(3);
        assertThat(scores.falseNonMatches(0.5)).isZero();
        // T = 0.7: impostor 0.7 matches; genuine 0.5 does not.
        assertThat(scores.falseMatches(0.7)).isEqualTo(1);
        assertThat(scores.falseNonMatches(0.7)).isEqualTo(1);
        // Between scores and beyond both ends.
        assertThat(scores.falseMatches(0.6)).isEqualTo(1);
        assertThat(scores.falseNonMatches(0.6)).isEqualTo(1);
        assertThat(scores.falseMatches(0.0)).isEqualTo(5);
        assertThat(scores.falseNonMatches(1.0)).isEqualTo(4);
        assertThat(scores.falseMatches(1.0)).isZero();
    }

    @Test
    void sweepVisitsEachDistinctScoreOnceWithItsCounts() {
        List<String> visited = sweep(tied());
        assertThat(visited).containsExactly(
                "0.1 fm=5 fnm=0 observed", "0.3 fm=4 fnm=0 observed", "0.5 fm=3 fnm=0 observed",
                "0.7 fm=1 fnm=1 observed", "0.9 fm=0 fnm=3 observed");
    }

    @Test
    void sweepEndsJustAboveTheHighestImpostorWhenNothingScoresHigher() {
        SortedScoreDistribution scores = SortedScoreDistribution.of(new double[] {0.2, 0.4}, new double[] {0.1, 0.3, 0.5}, 0, 0);
        assertThat(sweep(scores)).containsExactly(
                "0.1 fm=3 fnm=0 observed", "0.2 fm=2 fnm=0 observed", "0.3 fm=2 fnm=1 observed",
                "0.4 fm=1 fnm=1 observed", "0.5 fm=1 fnm=2 observed",
                Math.nextUp(0.5) + " fm=0 fnm=2 between");
    }

    @Test
    void allEqualScoresGiveOneObservedThresholdAndTheOneAboveIt() {
        SortedScoreDistribution scores = SortedScoreDistribution.of(new double[] {0.5, 0.5}, new double[] {0.5, 0.5, 0.5}, 0, 0);
        assertThat(sweep(scores)).containsExactly("0.5 fm=3 fnm=0 observed", Math.nextUp(0.5) + " fm=0 fnm=2 between");
    }

    @Test
    void failedComparisonsStayInTheDenominatorsAndOnlyFailedGenuineOnesAreErrors() {
        SortedScoreDistribution scores = SortedScoreDistribution.of(new double[] {0.6, 0.8}, new double[] {0.2, 0.7}, 1, 2);
        assertThat(scores.genuineComparisons()).isEqualTo(3);
        assertThat(scores.impostorComparisons()).isEqualTo(4);
        // Below every score: both scored impostors match, the failed ones never do; the failed genuine pair
        // is a false non-match even here.
        assertThat(scores.falseMatches(-1e9)).isEqualTo(2);
        assertThat(scores.falseNonMatches(-1e9)).isEqualTo(1);
        assertThat(scores.falseNonMatches(0.7)).isEqualTo(2);
        assertThat(sweep(scores)).containsExactly(
                "0.2 fm=2 fnm=1 observed", "0.6 fm=1 fnm=1 observed", "0.7 fm=1 fnm=2 observed",
                "0.8 fm=0 fnm=2 observed");
    }

    @Test
    void negativeZeroIsTheSameScoreAsZero() {
        SortedScoreDistribution scores = SortedScoreDistribution.of(new double[] {0.0}, new double[] {-0.0}, 0, 0);
        assertThat(scores.falseMatches(0.0)).isEqualTo(1);
        assertThat(sweep(scores)).containsExactly("0.0 fm=1 fnm=0 observed", Double.MIN_VALUE + " fm=0 fnm=1 between");
    }

    @Test
    void noScoresAtAllGiveAnEmptySweep() {
        SortedScoreDistribution scores = SortedScoreDistribution.of(new double[0], new double[0], 2, 3);
        assertThat(sweep(scores)).isEmpty();
        assertThat(scores.falseNonMatches(0)).isEqualTo(2);
        assertThat(scores.genuineScores()).isEqualTo(ScoreSummary.EMPTY);
    }

    @Test
    void summariesHoldExtremesMeanAndUnbiasedVariance() {
        SortedScoreDistribution scores = SortedScoreDistribution.of(new double[] {3, 1}, new double[] {0, 3, 0}, 0, 0);
        assertThat(scores.genuineScores()).isEqualTo(new ScoreSummary(2, 1, 3, 2, 2));
        assertThat(scores.impostorScores()).isEqualTo(new ScoreSummary(3, 0, 3, 1, 3));
    }

    @Test
    void rejectsScoresThatAreNotFinite() {
        SortedScoreDistribution.Builder builder = SortedScoreDistribution.builder();
        assertThatThrownBy(() -> builder.addGenuine(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.addImpostor(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tied().falseMatches(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    static List<String> sweep(ScoreDistribution scores) {
        List<String> visited = new ArrayList<>();
        ThresholdSweep sweep = scores.sweep();
        while (sweep.next()) {
            visited.add(sweep.threshold() + " fm=" + sweep.falseMatches() + " fnm=" + sweep.falseNonMatches()
                    + (sweep.observedScore() ? " observed" : " between"));
        }
        assertThat(sweep.next()).as("an exhausted sweep stays exhausted").isFalse();
        return visited;
    }
}
