package org.touchstone.reports.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
        NumericAttribute age = NumericAttribute.of(handMade(), FailurePolicy.UNDECIDED);
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
        NumericAttribute strict = NumericAttribute.of(handMade(), FailurePolicy.ERROR);
        assertThat(strict.at(0).coverage()).isEqualTo(new Proportion(5, 6));
        assertThat(strict.at(0).meanAbsoluteError()).isEqualTo(4.5);
    }

    @Test
    void overAndUnderAgeErrorsAtAThresholdAge() {
        // Below 18: 16 (estimated 19: over) and 17 (15); 18 and over: 30 (17: under) and 18 (18, a tie, is "18 or over").
        ThresholdErrors at18 = NumericAttribute.of(handMade(), FailurePolicy.UNDECIDED).thresholdErrors(18);
        assertThat(at18.over()).isEqualTo(new Proportion(1, 2));
        assertThat(at18.under()).isEqualTo(new Proportion(1, 2));
        // The failed 40-year-old counts as an under-age error under the error policy.
        ThresholdErrors strict = NumericAttribute.of(handMade(), FailurePolicy.ERROR).thresholdErrors(18);
        assertThat(strict.over()).isEqualTo(new Proportion(1, 2));
        assertThat(strict.under()).isEqualTo(new Proportion(2, 3));
        // Nobody is below 5: no trials, an undefined rate.
        assertThat(NumericAttribute.of(handMade(), FailurePolicy.UNDECIDED).thresholdErrors(5).over().isDefined()).isFalse();
    }
}
