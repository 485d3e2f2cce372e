package org.touchstone.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;
import org.junit.jupiter.api.Test;

/**
 * Our Wilson and Clopper-Pearson intervals against Commons Statistics' ({@code commons-statistics-interval}),
 * wherever theirs can compute (counts that fit an {@code int}), and against closed forms beyond.
 */
class BinomialIntervalReferenceTest {
    private static final double[] LEVELS = {0.8, 0.9, 0.95, 0.99, 0.999};

    @Test
    void wilsonAgreesWithCommonsStatistics() {
        forEachCase((events, trials, level) -> assertSameInterval(Wilson.interval(events, trials, level),
                BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate((int) trials, (int) events, 1 - level)));
    }

    @Test
    void clopperPearsonAgreesWithCommonsStatistics() {
        forEachCase((events, trials, level) -> assertSameInterval(ClopperPearson.interval(events, trials, level),
                BinomialConfidenceInterval.CLOPPER_PEARSON.fromErrorRate((int) trials, (int) events, 1 - level)));
    }

    @Test
    void wilsonBeyondIntCountsMatchesItsClosedFormAtZeroEvents() {
        // With p = 0 the centre and the half-width are both (z^2 / 2n) / (1 + z^2 / n): lower 0, upper z^2 / (n + z^2).
        long trials = 10_000_000_000L;
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(0.025);
        ConfidenceInterval ci = Wilson.interval(0, trials, 0.95);
        assertThat(ci.lower()).isZero();
        assertThat(ci.upper()).isCloseTo(z * z / (trials + z * z), within(1e-22));
    }

    @Test
    void wilsonBeyondIntCountsIsSymmetricAboutOneHalf() {
        // x events of n and n - x events of n mirror each other about 1/2.
        long trials = 6_000_000_001L;
        ConfidenceInterval low = Wilson.interval(1_000_000_000L, trials, 0.95);
        ConfidenceInterval high = Wilson.interval(trials - 1_000_000_000L, trials, 0.95);
        assertThat(low.lower()).isCloseTo(1 - high.upper(), within(1e-15));
        assertThat(low.upper()).isCloseTo(1 - high.lower(), within(1e-15));
        assertThat(low.lower()).isLessThan(1.0 / 6).isGreaterThan(1.0 / 6 - 1e-4);
    }

    private interface Case {
        void check(long events, long trials, double level);
    }

    /** Edges (no trials but one, no events, every event) and random counts up to a million trials. */
    private static void forEachCase(Case check) {
        SplittableRandom random = new SplittableRandom(42);
        for (double level : LEVELS) {
            for (long trials : new long[] {1, 2, 3, 10, 100, 1_000_003}) {
                check.check(0, trials, level);
                check.check(1, trials, level);
                check.check(trials, trials, level);
                check.check(trials / 2, trials, level);
            }
            for (int i = 0; i < 200; i++) {
                long trials = 1 + random.nextLong(1_000_000);
                check.check(random.nextLong(trials + 1), trials, level);
            }
        }
    }

    private static void assertSameInterval(ConfidenceInterval ours, Interval theirs) {
        assertThat(ours.lower()).isCloseTo(theirs.getLowerBound(), within(1e-12));
        assertThat(ours.upper()).isCloseTo(theirs.getUpperBound(), within(1e-12));
    }
}
