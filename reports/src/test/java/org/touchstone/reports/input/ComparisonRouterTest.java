package org.touchstone.reports.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.touchstone.reports.verification.ScoreDistribution;

/**
 * The router feeds its distributions in parallel parts: what it builds must not depend on how many parts
 * ran, and must equal counting every comparison by hand.
 */
class ComparisonRouterTest {
    private static final List<Double> FMR_TARGETS = List.of(0.1, 0.01, 0.001);
    private static final List<Double> FIXED = List.of(0.5);
    private static final int SIDES = 240;
    private static final List<String> COLUMNS = List.of("sex", "tone");
    private static final List<List<String>> VALUES = List.of(List.of("F", "M"), List.of("dark", "light", "mid"));

    /** One comparison: enrolment side, probe side, scored, score. */
    private record Comparison(int enrolment, int probe, boolean scored, double score) {
    }

    private static int[] subjectOfSide() {
        int[] subjects = new int[SIDES];
        for (int side = 0; side < SIDES; side++) {
            subjects[side] = side / 3;
        }
        return subjects;
    }

    /** Per side, per column, its group: by subject, every 17th subject in no group for the second column. */
    private static int[][] sideGroups() {
        int[][] groups = new int[SIDES][2];
        for (int side = 0; side < SIDES; side++) {
            int subject = side / 3;
            groups[side][0] = subject % 2;
            groups[side][1] = subject % 17 == 0 ? TemplateTable.NO_GROUP : subject % 3;
        }
        return groups;
    }

    /** All against all (28,680 comparisons: several of the router's blocks), tied and failed ones among them. */
    private static List<Comparison> comparisons() {
        Random random = new Random(11);
        int[] subjects = subjectOfSide();
        List<Comparison> all = new ArrayList<>();
        for (int probe = 1; probe < SIDES; probe++) {
            for (int enrolment = 0; enrolment < probe; enrolment++) {
                boolean mated = subjects[enrolment] == subjects[probe];
                boolean scored = random.nextInt(50) != 0;
                double score = Math.round((mated ? 0.8 : 0.3) * 1000 + random.nextGaussian() * 120) / 1000.0;
                all.add(new Comparison(enrolment, probe, scored, scored ? score : Double.NaN));
            }
        }
        return all;
    }

    private static ComparisonData route(List<Comparison> comparisons, int maxParts) {
        int[] subjects = subjectOfSide();
        // Every impostor score kept (the limit is above their number), so any threshold can be asked exactly.
        ComparisonRouter router = new ComparisonRouter(COLUMNS, VALUES, sideGroups(), subjects, SIDES / 3, 1_000_000,
                maxParts);
        for (int pass = 0; pass < 2; pass++) {
            for (Comparison c : comparisons) {
                router.route(c.enrolment(), c.probe(), subjects[c.enrolment()] == subjects[c.probe()], c.scored(),
                        c.score());
            }
            if (pass == 0) {
                router.startSecondPass(FMR_TARGETS, FIXED);
            }
        }
        return router.finish(new TreeMap<>());
    }

    /** What a report reads from a distribution, at every score seen and between them. */
    private static List<Object> readings(ScoreDistribution d, TreeSet<Double> thresholds) {
        List<Object> out = new ArrayList<>(List.of(d.genuineComparisons(), d.impostorComparisons(),
                d.failedGenuineComparisons(), d.failedImpostorComparisons()));
        for (double t : thresholds) {
            out.add(d.falseMatches(t));
            out.add(d.falseNonMatches(t));
        }
        return out;
    }

    private static List<Object> everything(ComparisonData data, TreeSet<Double> thresholds) {
        List<Object> out = new ArrayList<>(readings(data.all(), thresholds));
        for (ComparisonData.Grouping grouping : data.groupings()) {
            out.add(grouping.columns());
            out.add(grouping.matedOutsideGroups());
            out.add(grouping.nonMatedOutsideGroups());
            for (ScoreDistribution group : grouping.groups()) {
                out.add(readings(group, thresholds));
            }
        }
        for (ComparisonData.CrossGroup cross : data.crossGroups()) {
            for (ScoreDistribution cell : cross.cells()) {
                out.add(readings(cell, thresholds));
            }
        }
        out.add(data.mated());
        out.add(data.nonMated());
        out.add(Arrays.toString(data.genuine().enrolmentSide()));
        out.add(Arrays.toString(data.genuine().probeSide()));
        out.add(Arrays.toString(data.genuine().score()));
        out.add(data.bootstrap().run(FMR_TARGETS, FIXED, 200, 42, 0.95));
        return out;
    }

    private static TreeSet<Double> thresholds(List<Comparison> comparisons) {
        TreeSet<Double> thresholds = new TreeSet<>();
        for (Comparison c : comparisons) {
            if (c.scored()) {
                thresholds.add(c.score());
                thresholds.add(Math.nextUp(c.score()));
            }
        }
        return thresholds;
    }

    @ParameterizedTest(name = "{0} parts")
    @ValueSource(ints = {2, 3, 5, 64})
    void theDistributionsDoNotDependOnHowManyPartsFedThem(int maxParts) {
        List<Comparison> comparisons = comparisons();
        TreeSet<Double> thresholds = thresholds(comparisons);
        assertThat(everything(route(comparisons, maxParts), thresholds))
                .isEqualTo(everything(route(comparisons, 1), thresholds));
    }

    @Test
    void eachGroupCountsWhatCountingByHandGives() {
        List<Comparison> comparisons = comparisons();
        ComparisonData data = route(comparisons, 3);
        int[] subjects = subjectOfSide();
        int[][] groups = sideGroups();
        double threshold = 0.5;
        // Grouping 1 is "tone": a comparison is in group g when both sides are in g.
        long[] falseMatches = new long[3];
        long[] impostors = new long[3];
        long outsideNonMated = 0;
        long crossLightDark = 0;
        for (Comparison c : comparisons) {
            boolean mated = subjects[c.enrolment()] == subjects[c.probe()];
            int g = groups[c.enrolment()][1];
            int h = groups[c.probe()][1];
            if (!mated && g != TemplateTable.NO_GROUP && h != TemplateTable.NO_GROUP && g == 1 && h == 0
                    && c.scored() && c.score() >= threshold) {
                crossLightDark++;
            }
            if (g == TemplateTable.NO_GROUP || g != h) {
                outsideNonMated += mated ? 0 : 1;
                continue;
            }
            if (!mated) {
                impostors[g]++; // failed ones too: impostorComparisons() counts every impostor comparison
                falseMatches[g] += c.scored() && c.score() >= threshold ? 1 : 0;
            }
        }
        ComparisonData.Grouping tone = data.groupings().get(1);
        assertThat(tone.columns()).containsExactly("tone");
        assertThat(tone.nonMatedOutsideGroups()).isEqualTo(outsideNonMated);
        for (int g = 0; g < 3; g++) {
            assertThat(tone.groups().get(g).impostorComparisons()).as("impostors in %s", VALUES.get(1).get(g))
                    .isEqualTo(impostors[g]);
            assertThat(tone.groups().get(g).falseMatches(threshold)).as("false matches in %s", VALUES.get(1).get(g))
                    .isEqualTo(falseMatches[g]);
        }
        assertThat(data.crossGroups().get(1).cell(1, 0).falseMatches(threshold)).isEqualTo(crossLightDark);
    }

    @Test
    void aDistributionsFailureInAnotherPartReachesTheCaller() {
        int[] subjects = subjectOfSide();
        ComparisonRouter router = new ComparisonRouter(COLUMNS, VALUES, sideGroups(), subjects, SIDES / 3, 1_000, 4);
        router.route(0, 3, false, true, Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> router.startSecondPass(FMR_TARGETS, FIXED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score must be finite");
    }
}
