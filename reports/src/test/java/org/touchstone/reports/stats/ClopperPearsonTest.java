package org.touchstone.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

class ClopperPearsonTest {

    @Test
    void zeroEventsHasLowerZeroAndTheClosedFormUpperBound() {
        ConfidenceInterval ci = ClopperPearson.interval(0, 10, 0.95);
        assertThat(ci.lower()).isZero();
        // Beta(1, n) has CDF 1 - (1 - p)^n, so the upper bound is 1 - 0.025^(1/n).
        assertThat(ci.upper()).isCloseTo(0.3084971078187608, within(1e-12));
        assertThat(ci.method()).isEqualTo("clopper-pearson");
    }

    @Test
    void allEventsHasUpperOneAndTheMirroredLowerBound() {
        ConfidenceInterval ci = ClopperPearson.interval(10, 10, 0.95);
        assertThat(ci.upper()).isEqualTo(1.0);
        assertThat(ci.lower()).isCloseTo(Math.pow(0.025, 0.1), within(1e-12));
    }

    @Test
    void oneEventLowerBoundHasAClosedForm() {
        // Beta(1, n) again: lower = 1 - 0.975^(1/n).
        ConfidenceInterval ci = ClopperPearson.interval(1, 10, 0.95);
        assertThat(ci.lower()).isCloseTo(1 - Math.pow(0.975, 0.1), within(1e-12));
    }

    @Test
    void matchesPublishedTableValues() {
        // Values as tabulated for the exact binomial interval (e.g. Collett, Modelling Binary Data, table;
        // and the classic 5/10 example): 5/10 -> (0.1871, 0.8129), 1/10 -> (0.0025, 0.4450),
        // 2/20 -> (0.0123, 0.3170).
        ConfidenceInterval half = ClopperPearson.interval(5, 10, 0.95);
        assertThat(half.lower()).isCloseTo(0.1871, within(5e-5));
        assertThat(half.upper()).isCloseTo(0.8129, within(5e-5));
        ConfidenceInterval oneOfTen = ClopperPearson.interval(1, 10, 0.95);
        assertThat(oneOfTen.lower()).isCloseTo(0.0025, within(5e-5));
        assertThat(oneOfTen.upper()).isCloseTo(0.4450, within(5e-5));
        ConfidenceInterval twoOfTwenty = ClopperPearson.interval(2, 20, 0.95);
        assertThat(twoOfTwenty.lower()).isCloseTo(0.0123, within(5e-5));
        assertThat(twoOfTwenty.upper()).isCloseTo(0.3170, within(5e-5));
    }

    @Test
    void boundsAreWhereTheBinomialTailsEqualHalfAlpha() {
        long n = 200;
        long x = 7;
        ConfidenceInterval ci = ClopperPearson.interval(x, n, 0.95);
        // Definition: P(X >= x | p = lower) = 0.025 and P(X <= x | p = upper) = 0.025.
        assertThat(BinomialDistribution.of((int) n, ci.lower()).survivalProbability((int) x - 1))
                .isCloseTo(0.025, within(1e-9));
        assertThat(BinomialDistribution.of((int) n, ci.upper()).cumulativeProbability((int) x))
                .isCloseTo(0.025, within(1e-9));
    }

    @Test
    void zeroEventsInThreeMillionTrialsIsTheRuleOfThree() {
        ConfidenceInterval ci = ClopperPearson.interval(0, 3_000_000, 0.95);
        // Two-sided 95% puts 2.5% in the upper tail: -ln(0.025)/n = 3.689/n.
        assertThat(ci.upper()).isCloseTo(-Math.log(0.025) / 3_000_000, within(1e-12));
    }

    @Test
    void noTrialsMeansNothingIsKnown() {
        ConfidenceInterval ci = ClopperPearson.interval(0, 0, 0.95);
        assertThat(ci.lower()).isZero();
        assertThat(ci.upper()).isEqualTo(1.0);
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> ClopperPearson.interval(3, 2, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClopperPearson.interval(-1, 2, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClopperPearson.interval(1, 2, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void proportionRateIsUndefinedWithoutTrials() {
        assertThat(new Proportion(0, 0).rate()).isNaN();
        assertThat(new Proportion(0, 0).isDefined()).isFalse();
        assertThat(new Proportion(3, 12).rate()).isEqualTo(0.25);
        assertThat(new Proportion(3, 12).ci95().level()).isEqualTo(0.95);
    }
}
