package org.touchstone.reports.attributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.touchstone.reports.stats.Proportion;

class NumericAttributeTest {
    /**
     * Ages: 16 estimated 19 (0.8); 17 estimated 15 (0.9); 30 estimated 17 (0.4); 18 estimated 18 (0.7); 40
     * whose analysis failed; 10 without an estimate.
     */
    static List<NumericOutcome> handMade() {
        return List.of(NumericOutcome.estimated(16, 19, 0.8), NumericOutcome.estimated(17, 15, 0.9),
                NumericOutcome.estimated(30, 17, 0.4), NumericOutcome.estimated(18, 18, 0.7),
                NumericOutcome.failedAnalysis(40), NumericOutcome.notEstimated(10));
    }

    @Test
    void meanAbsoluteErrorAndCoverage() {
        NumericAttribute age = NumericAttribute.of(handMade(), AnalysisFailurePolicy.UNDECIDED);
        assertThat(age.images()).isEqualTo(6);
        assertThat(age.estimates()).isEqualTo(4);
        // |19-16| + |15-17| + |17-30| + |18-18| = 3 + 2 + 13 + 0 = 18, over 4.
        NumericDecisions all = age.at(0);
        assertThat(all.meanAbsoluteError()).isEqualTo(4.5);
        assertThat(all.estimates()).isEqualTo(4);
        assertThat(all.coverage()).isEqualTo(new Proportion(4, 6));
        // >= 0.75: 16/19 and 17/15 only.
        assertThat(age.at(0.75).meanAbsoluteError()).isEqualTo(2.5);
        assertThat(age.at(0.75).coverage()).isEqualTo(new Proportion(2, 6));
        assertThat(age.at(0.95).meanAbsoluteError()).isNaN();
        // Under the error policy the failed image is decided, but has no value for the mean.
        NumericAttribute strict = NumericAttribute.of(handMade(), AnalysisFailurePolicy.ERROR);
        assertThat(strict.at(0).coverage()).isEqualTo(new Proportion(5, 6));
        assertThat(strict.at(0).meanAbsoluteError()).isEqualTo(4.5);
    }

    @Test
    void overAndUnderAgeErrorsAtAThresholdAge() {
        // Below 18: 16 (estimated 19: over) and 17 (15); 18 and over: 30 (17: under) and 18 (18, a tie, is "18 or over").
        ThresholdErrors at18 = NumericAttribute.of(handMade(), AnalysisFailurePolicy.UNDECIDED).thresholdErrors(18);
        assertThat(at18.over()).isEqualTo(new Proportion(1, 2));
        assertThat(at18.under()).isEqualTo(new Proportion(1, 2));
        // The failed 40-year-old counts as an under-age error under the error policy.
        ThresholdErrors strict = NumericAttribute.of(handMade(), AnalysisFailurePolicy.ERROR).thresholdErrors(18);
        assertThat(strict.over()).isEqualTo(new Proportion(1, 2));
        assertThat(strict.under()).isEqualTo(new Proportion(2, 3));
        // Nobody is below 5: no trials, an undefined rate.
        assertThat(NumericAttribute.of(handMade(), AnalysisFailurePolicy.UNDECIDED).thresholdErrors(5).over().isDefined()).isFalse();
    }

    /** Random ages against brute-force arithmetic, under both policies. */
    @Test
    void randomOutcomesAgreeWithBruteForce() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            List<NumericOutcome> outcomes = new ArrayList<>();
            for (int i = random.nextInt(30); i > 0; i--) {
                double truth = random.nextInt(10, 40);
                int kind = random.nextInt(10);
                outcomes.add(kind == 0 ? NumericOutcome.failedAnalysis(truth) : kind == 1 ? NumericOutcome.notEstimated(truth)
                        : NumericOutcome.estimated(truth, truth + random.nextInt(-8, 9), random.nextInt(11) * 0.1));
            }
            AnalysisFailurePolicy policy = random.nextBoolean() ? AnalysisFailurePolicy.ERROR : AnalysisFailurePolicy.UNDECIDED;
            NumericAttribute attribute = NumericAttribute.of(outcomes, policy);
            long failed = policy == AnalysisFailurePolicy.ERROR ? outcomes.stream().filter(NumericOutcome::failed).count() : 0;
            long previous = Long.MAX_VALUE;
            for (int step = 0; step <= 10; step++) {
                double c = step * 0.1;
                List<NumericOutcome> decided = outcomes.stream().filter(o -> o.hasEstimate() && o.confidence() >= c).toList();
                NumericDecisions at = attribute.at(c);
                assertThat(at.coverage()).isEqualTo(new Proportion(decided.size() + failed, outcomes.size()));
                assertThat(at.coverage().events()).isLessThanOrEqualTo(previous);
                previous = at.coverage().events();
                double sum = 0;
                for (NumericOutcome o : decided) {
                    sum += Math.abs(o.estimate() - o.truth());
                }
                if (decided.isEmpty()) {
                    assertThat(at.meanAbsoluteError()).isNaN();
                } else {
                    assertThat(at.meanAbsoluteError()).isCloseTo(sum / decided.size(), within(1e-9));
                }
            }
            for (double a : new double[] {18, 21, 25}) {
                ThresholdErrors errors = attribute.thresholdErrors(a);
                long below = outcomes.stream().filter(o -> o.truth() < a && (o.hasEstimate() || o.failed() && failed > 0)).count();
                long over = outcomes.stream().filter(o -> o.truth() < a && (o.hasEstimate() ? o.estimate() >= a : o.failed() && failed > 0)).count();
                assertThat(errors.over()).isEqualTo(new Proportion(over, below));
                long atOrAbove = outcomes.stream().filter(o -> o.truth() >= a && (o.hasEstimate() || o.failed() && failed > 0)).count();
                long under = outcomes.stream().filter(o -> o.truth() >= a && (o.hasEstimate() ? o.estimate() < a : o.failed() && failed > 0)).count();
                assertThat(errors.under()).isEqualTo(new Proportion(under, atOrAbove));
            }
        }
    }
}
