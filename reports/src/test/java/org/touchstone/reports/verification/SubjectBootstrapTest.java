package org.touchstone.reports.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.touchstone.reports.stats.BootstrapPercentiles;
import org.touchstone.reports.stats.ConfidenceInterval;

/**
 * The aggregated bootstrap against a brute-force one: the same subject draws (seed + r, S draws), every
 * comparison weighted m_a m_b or m_s, the FMR-target threshold found by trying every score.
 */
class SubjectBootstrapTest {
    private static final List<Double> TARGETS = List.of(0.3, 0.1, 0.02);

    private record Comparison(int enrolment, int probe, boolean scored, double score) {
    }

    /** How the subject pairs are compared. */
    private enum Design {
        /** 0 to 2 comparisons per pair: the dense count matrix. */
        IRREGULAR("dense"),
        /** Every pair once: few runs per row. */
        FULL_CROSS("runs"),
        /** Each subject meets about one in twelve others once: the nonzero cells as compressed rows. */
        SCATTERED("sparse");

        final String layout;

        Design(String layout) {
            this.layout = layout;
        }
    }

    /** Irregular subject-pair counts (0 to 2 comparisons per pair): the dense count matrix. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void equalsABruteForceBootstrapOnSmallRuns(long seed) {
        compareWithBruteForce(seed, 15, Design.IRREGULAR);
    }

    /** Every pair compared once (a full cross): few runs per row, the run-length path. */
    @ParameterizedTest
    @ValueSource(longs = {4, 5})
    void equalsABruteForceBootstrapOnAFullCross(long seed) {
        compareWithBruteForce(seed, 3, Design.FULL_CROSS);
    }

    /** Scattered impostor pairs (each subject against a random few): the compressed-row path. */
    @ParameterizedTest
    @ValueSource(longs = {6, 7})
    void equalsABruteForceBootstrapOnScatteredPairs(long seed) {
        compareWithBruteForce(seed, 3, Design.SCATTERED);
    }

    /**
     * The tail walk to integer bounds gives the same intervals as the walk that tests every score group, to
     * the last bit, on random data with a fixed seed: scores rounded to few digits (many ties, so targets
     * met inside and at the edges of score groups), scattered pairs and irregular counts, fixed thresholds
     * too, and FMR targets that fall below the tail in some replicates.
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void tailWalkToBoundsGivesTheSameIntervalsAsTestingEveryScoreGroup(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (boolean scattered : new boolean[] {true, false}) {
            int subjects = scattered ? 300 : 60;
            SubjectBootstrap.Collector byBounds = SubjectBootstrap.Collector.forSubjects(subjects, 1 << 20);
            SubjectBootstrap.Collector everyGroup = SubjectBootstrap.Collector.forSubjects(subjects, 1 << 20);
            StreamingScoreDistribution.FirstPass first = StreamingScoreDistribution.firstPass();
            List<Comparison> comparisons = new ArrayList<>();
            for (int a = 0; a < subjects; a++) {
                for (int b = 0; b < subjects; b++) {
                    int pairs = a == b ? random.nextInt(1, 4)
                            : scattered ? (random.nextInt(20) == 0 ? random.nextInt(1, 3) : 0) : random.nextInt(0, 4);
                    for (int k = 0; k < pairs; k++) {
                        boolean scored = random.nextInt(50) > 0;
                        double score = Math.round(((a == b ? 0.6 : 0.3) + random.nextGaussian() * 0.1) * 200) / 200.0;
                        comparisons.add(new Comparison(a, b, scored, score));
                    }
                }
            }
            for (SubjectBootstrap.Collector collector : List.of(byBounds, everyGroup)) {
                for (Comparison c : comparisons) {
                    if (c.enrolment == c.probe) {
                        collector.addGenuine(c.enrolment, c.scored, c.score);
                    } else {
                        collector.addImpostor(c.enrolment, c.probe, c.scored, c.score);
                    }
                }
            }
            comparisons.stream().filter(c -> c.enrolment != c.probe && c.scored).forEach(c -> first.addImpostor(c.score));
            List<Double> fixed = List.of(0.45, 0.6);
            List<Double> targets = List.of(0.3, 0.1, 0.02, 0.001, 1e-4);
            for (SubjectBootstrap.Collector collector : List.of(byBounds, everyGroup)) {
                collector.startSecondPass(first, targets, fixed, 1 << 20);
                comparisons.stream().filter(c -> c.enrolment != c.probe)
                        .forEach(c -> collector.addImpostor(c.enrolment, c.probe, c.scored, c.score));
            }
            SubjectBootstrap fast = byBounds.build(true);
            SubjectBootstrap slow = everyGroup.build(false);
            assertThat(fast.countLayout()).isEqualTo(scattered ? "sparse" : "dense");
            SubjectBootstrap.Result expected = slow.run(targets, fixed, 150, 99, 0.95);
            assertThat(fast.run(targets, fixed, 150, 99, 0.95)).isEqualTo(expected);
            // Not vacuous: the FMR intervals of the larger targets exist and vary.
            assertThat(expected.fmrTargets().subList(0, 3))
                    .allSatisfy(i -> assertThat(i.fmr().upper()).isGreaterThan(i.fmr().lower()));
        }
    }

    /**
     * Impostor comparisons summed several replicates at a time (packed into the lanes of a long) equal the sums
     * of one replicate at a time, for scattered and dense counts (up to 5 per pair, and up to 60,000 for the
     * wider lanes), at replicate counts that fill every group of lanes and not.
     */
    @ParameterizedTest
    @ValueSource(longs = {21, 22})
    void packedSumsOfImpostorComparisonsEqualOneReplicateAtATime(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (boolean scattered : new boolean[] {true, false}) {
            // One heavy subject pair widens the lanes: 4 lanes of 16 bits, then 3 of 21 (scattered) and 2 of 32.
            for (int heavy : new int[] {0, 200, 60_000}) {
                int subjects = scattered ? 400 : 50;
                SubjectBootstrap.Collector collector = SubjectBootstrap.Collector.forSubjects(subjects, 1 << 20);
                StreamingScoreDistribution.FirstPass first = StreamingScoreDistribution.firstPass();
                for (int a = 0; a < subjects; a++) {
                    collector.addGenuine(a, true, 0.9);
                    for (int b = 0; b < subjects; b++) {
                        int pairs = a == b ? 0 : a == 0 && b == 1 ? heavy
                                : scattered ? (random.nextInt(25) == 0 ? random.nextInt(1, 6) : 0) : random.nextInt(0, 6);
                        for (int k = 0; k < pairs; k++) {
                            collector.addImpostor(a, b, true, 0.1);
                            first.addImpostor(0.1);
                        }
                    }
                }
                collector.startSecondPass(first, TARGETS, List.of(), 1 << 20);
                SubjectBootstrap bootstrap = collector.build();
                assertThat(bootstrap.countLayout()).isEqualTo(scattered ? "sparse" : "dense");
                for (int replicates : new int[] {1, 7, 12, 130}) {
                    int[][] draws = new int[replicates][subjects];
                    for (int[] m : draws) {
                        for (int i = 0; i < subjects; i++) {
                            m[random.nextInt(subjects)]++;
                        }
                    }
                    long[] packed = bootstrap.impostorComparisons(draws);
                    for (int r = 0; r < replicates; r++) {
                        assertThat(packed[r]).as("replicate %d of %d, heavy pair %d", r, replicates, heavy)
                                .isEqualTo(bootstrap.impostorComparisons(draws[r])).isPositive();
                    }
                }
            }
        }
    }

    private static void compareWithBruteForce(long seed, int trials, Design design) {
        boolean fullCross = design == Design.FULL_CROSS;
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < trials; trial++) {
            int subjects = design == Design.SCATTERED ? 30 : fullCross ? 24 : random.nextInt(3, 9);
            List<Comparison> comparisons = new ArrayList<>();
            StreamingScoreDistribution.FirstPass first = StreamingScoreDistribution.firstPass();
            SubjectBootstrap.Collector collector = SubjectBootstrap.Collector.forSubjects(subjects, 1000);
            for (int a = 0; a < subjects; a++) {
                for (int b = 0; b < subjects; b++) {
                    int pairs = switch (design) {
                        case FULL_CROSS -> 1;
                        case IRREGULAR -> random.nextInt(0, 3);
                        case SCATTERED -> a == b ? random.nextInt(1, 3) : random.nextInt(12) == 0 ? 1 : 0;
                    };
                    for (int k = pairs; k > 0; k--) {
                        boolean scored = random.nextInt(10) > 0;
                        double score = Math.round((a == b ? 0.6 : 0.4) * 20 + random.nextGaussian() * 3) / 20.0;
                        comparisons.add(new Comparison(a, b, scored, score));
                    }
                }
            }
            for (Comparison c : comparisons) {
                if (c.enrolment == c.probe) {
                    collector.addGenuine(c.enrolment, c.scored, c.score);
                } else {
                    collector.addImpostor(c.enrolment, c.probe, c.scored, c.score);
                    if (c.scored) {
                        first.addImpostor(c.score);
                    }
                }
            }
            List<Double> fixed = List.of(0.5);
            collector.startSecondPass(first, TARGETS, fixed, 1 << 20);
            for (Comparison c : comparisons) {
                if (c.enrolment != c.probe) {
                    collector.addImpostor(c.enrolment, c.probe, c.scored, c.score);
                }
            }
            SubjectBootstrap bootstrap = collector.build();
            if (design != Design.IRREGULAR) {
                // Small irregular runs may have fewer runs than cells either way; the other designs pin their path.
                assertThat(bootstrap.countLayout()).isEqualTo(design.layout);
            }
            SubjectBootstrap.Result result = bootstrap.run(TARGETS, fixed, 200, 77, 0.95);

            double[][] fmr = new double[TARGETS.size() + 1][200];
            double[][] fnmr = new double[TARGETS.size() + 1][200];
            for (int r = 0; r < 200; r++) {
                SplittableRandom draws = new SplittableRandom(77 + r);
                long[] m = new long[subjects];
                for (int i = 0; i < subjects; i++) {
                    m[draws.nextInt(subjects)]++;
                }
                TreeSet<Double> candidates = new TreeSet<>(List.of(Double.POSITIVE_INFINITY));
                comparisons.stream().filter(Comparison::scored).forEach(c -> candidates.add(c.score));
                for (int t = 0; t < TARGETS.size(); t++) {
                    double chosen = Double.NaN;
                    for (double threshold : candidates) {
                        if (rate(comparisons, m, false, threshold)[0] <= TARGETS.get(t)) {
                            chosen = threshold;
                            break;
                        }
                    }
                    // Without impostor trials there is no FMR, hence no threshold and no FNMR for a target.
                    fmr[t][r] = rate(comparisons, m, false, chosen)[0];
                    fnmr[t][r] = Double.isNaN(chosen) ? Double.NaN : rate(comparisons, m, true, chosen)[0];
                }
                fmr[TARGETS.size()][r] = rate(comparisons, m, false, 0.5)[0];
                fnmr[TARGETS.size()][r] = rate(comparisons, m, true, 0.5)[0];
            }
            String label = "trial " + trial + " seed " + seed + ", " + comparisons.size() + " comparisons";
            for (int t = 0; t < TARGETS.size(); t++) {
                assertThat(result.fmrTargets().get(t).fnmr()).as(label).isEqualTo(interval(fnmr[t]));
                assertThat(result.fmrTargets().get(t).fmr()).as(label).isEqualTo(interval(fmr[t]));
                assertThat(result.fmrTargets().get(t).replicatesBeyondTail()).isZero();
            }
            assertThat(result.fixed().get(0).fmr()).as(label).isEqualTo(interval(fmr[TARGETS.size()]));
            assertThat(result.fixed().get(0).fnmr()).as(label).isEqualTo(interval(fnmr[TARGETS.size()]));
        }
    }

    private static ConfidenceInterval interval(double[] replicates) {
        return BootstrapPercentiles.interval(replicates, 0.95, SubjectBootstrap.METHOD);
    }

    /** Weighted FMR (genuine false) or FNMR (genuine true) at a threshold, as {rate}. */
    private static double[] rate(List<Comparison> comparisons, long[] m, boolean genuine, double threshold) {
        long events = 0;
        long trials = 0;
        for (Comparison c : comparisons) {
            if ((c.enrolment == c.probe) != genuine) {
                continue;
            }
            long weight = genuine ? m[c.enrolment] : m[c.enrolment] * m[c.probe];
            trials += weight;
            boolean event = genuine ? (!c.scored || c.score < threshold) : (c.scored && c.score >= threshold);
            if (event) {
                events += weight;
            }
        }
        return new double[] {trials == 0 ? Double.NaN : (double) events / trials};
    }
}
