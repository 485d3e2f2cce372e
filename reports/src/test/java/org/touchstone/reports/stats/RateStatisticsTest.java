package org.touchstone.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Intervals, bounds and support against hand arithmetic and published values. */
class RateStatisticsTest {
    private static final double Z975 = 1.959963984540054;

    @Test
    void wilsonMatchesTheFormulaAndPublishedValues() {
        // 5/10: the textbook Wilson interval (0.2366, 0.7634).
        ConfidenceInterval half = Wilson.interval(5, 10, 0.95);
        assertThat(half.lower()).isCloseTo(0.2366, within(5e-5));
        assertThat(half.upper()).isCloseTo(0.7634, within(5e-5));
        assertThat(half.method()).isEqualTo("wilson");
        // 0/10: lower 0, upper z^2 / (n + z^2) = 0.2775.
        ConfidenceInterval zero = Wilson.interval(0, 10, 0.95);
        assertThat(zero.lower()).isZero();
        assertThat(zero.upper()).isCloseTo(Z975 * Z975 / (10 + Z975 * Z975), within(1e-12));
        assertThat(Wilson.interval(10, 10, 0.95).upper()).isEqualTo(1.0);
        assertThat(Wilson.interval(0, 0, 0.95)).isEqualTo(new ConfidenceInterval(0, 1, 0.95, "wilson"));
        // 3/40 by hand from the metrics.md formula.
        double p = 3.0 / 40;
        double centre = (p + Z975 * Z975 / 80) / (1 + Z975 * Z975 / 40);
        double half2 = Z975 * Math.sqrt(p * (1 - p) / 40 + Z975 * Z975 / 6400) / (1 + Z975 * Z975 / 40);
        ConfidenceInterval small = Wilson.interval(3, 40, 0.95);
        assertThat(small.lower()).isCloseTo(centre - half2, within(1e-12));
        assertThat(small.upper()).isCloseTo(centre + half2, within(1e-12));
    }

    @Test
    void zeroErrorUpperBoundIsTheRuleOfThree() {
        // metrics.md: 0 errors need about 3.0e6 trials to claim 1e-6 at 95%; 1 error 4.74e6; 3 errors 7.75e6.
        assertThat(ClopperPearson.upperBound(0, 3_000_000, 0.95)).isCloseTo(0.99858e-6, within(1e-10));
        assertThat(ClopperPearson.upperBound(0, 10, 0.95)).isCloseTo(1 - Math.pow(0.05, 0.1), within(1e-15));
        assertThat(ClopperPearson.upperBound(1, 4_740_000, 0.95)).isCloseTo(1e-6, within(0.002e-6));
        assertThat(ClopperPearson.upperBound(3, 7_750_000, 0.95)).isCloseTo(1e-6, within(0.002e-6));
        assertThat(ClopperPearson.upperBound(4, 4, 0.95)).isEqualTo(1.0);
        assertThat(ClopperPearson.upperBound(0, 0, 0.95)).isEqualTo(1.0);
        assertThat(new Proportion(0, 20).upper95()).isCloseTo(1 - Math.pow(0.05, 1.0 / 20), within(1e-15));
        assertThat(RuleOfThree.minimumTrials(1e-6)).isEqualTo(3_000_000);
        assertThat(RuleOfThree.minimumTrials(0.001)).isEqualTo(3000);
        assertThat(RuleOfThree.supports(2999, 0.001)).isFalse();
        assertThat(RuleOfThree.supports(3000, 0.001)).isTrue();
    }

    /** Property: every interval contains its point estimate and nests as it should, on random counts. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void intervalsContainThePointEstimate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 300; i++) {
            long n = random.nextInt(5) == 0 ? random.nextLong(1, 10_000_000) : random.nextLong(1, 200);
            long x = random.nextInt(4) == 0 ? 0 : random.nextLong(0, n + 1);
            double rate = (double) x / n;
            Proportion proportion = new Proportion(x, n);
            for (ConfidenceInterval ci : List.of(proportion.ci95(), proportion.wilson95())) {
                assertThat(ci.lower()).as(x + "/" + n + " " + ci).isLessThanOrEqualTo(rate);
                assertThat(ci.upper()).as(x + "/" + n + " " + ci).isGreaterThanOrEqualTo(rate);
            }
            // The one-sided 95% bound lies inside the two-sided 95% (= one-sided 97.5%) interval.
            assertThat(proportion.upper95()).isBetween(rate, proportion.ci95().upper());
            // Clopper-Pearson is conservative: it contains Wilson's interval (up to rounding) except near 0 or n.
            if (x > 0 && x < n) {
                assertThat(proportion.ci95().upper()).isGreaterThanOrEqualTo(proportion.wilson95().upper() - 1e-3);
            }
        }
    }

    @Test
    void clusteredBootstrapIsReproducibleAndDegenerateWithoutVariation() {
        List<Proportion> sameRate = List.of(new Proportion(1, 10), new Proportion(2, 20), new Proportion(3, 30));
        ConfidenceInterval flat = new ClusteredBootstrap(sameRate).interval(200, 42, 0.95);
        assertThat(flat.lower()).isCloseTo(0.1, within(1e-15));
        assertThat(flat.upper()).isCloseTo(0.1, within(1e-15));
        assertThat(flat.method()).isEqualTo("cluster-bootstrap-percentile");

        SplittableRandom random = new SplittableRandom(3);
        List<Proportion> clusters = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            clusters.add(new Proportion(random.nextInt(3), 2 + random.nextInt(3)));
        }
        ClusteredBootstrap bootstrap = new ClusteredBootstrap(clusters);
        assertThat(bootstrap.replicates(50, 7)).containsExactly(bootstrap.replicates(50, 7));
        assertThat(bootstrap.replicates(50, 7)).isNotEqualTo(bootstrap.replicates(50, 8));
        long x = clusters.stream().mapToLong(Proportion::events).sum();
        long n = clusters.stream().mapToLong(Proportion::trials).sum();
        ConfidenceInterval ci = bootstrap.interval(1000, 11, 0.95);
        assertThat(ci.lower()).isLessThan((double) x / n);
        assertThat(ci.upper()).isGreaterThan((double) x / n);
        assertThat(new ClusteredBootstrap(List.of()).interval(10, 1, 0.95)).isNull();
    }
}
