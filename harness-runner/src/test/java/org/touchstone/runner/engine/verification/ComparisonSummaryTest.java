package org.touchstone.runner.engine.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.touchstone.api.FailureCode;

/**
 * Summaries merge exactly: built over every pair at once, or unit by unit in any grouping, they are equal.
 * The pairs: 20,000 of 30 subjects, scores from a seeded generator on a grid of 0.0005 (so bins and
 * the tail hold ties), a few failures of both kinds.
 */
class ComparisonSummaryTest {
    private static final int SUBJECTS = 30;
    private static final int PAIRS = 20_000;

    private static void add(ComparisonSummary.Builder builder, SplittableRandom random) {
        int enrolment = random.nextInt(SUBJECTS);
        int probe = random.nextInt(10) == 0 ? enrolment : random.nextInt(SUBJECTS);
        int kind = random.nextInt(100);
        if (kind == 0) {
            builder.add(enrolment, probe, ComparisonSummary.Outcome.TEMPLATE_FAILED, Double.NaN,
                    FailureCode.FACE_DETECTION_ERROR);
        } else if (kind == 1) {
            builder.add(enrolment, probe, ComparisonSummary.Outcome.COMPARISON_FAILED, Double.NaN, FailureCode.TIMEOUT);
        } else {
            builder.add(enrolment, probe, ComparisonSummary.Outcome.OK, random.nextInt(2001) / 2000.0, null);
        }
    }

    private static ComparisonSummary units(int unitSize) {
        SplittableRandom random = new SplittableRandom(42);
        ComparisonSummary merged = null;
        for (int start = 0; start < PAIRS; start += unitSize) {
            ComparisonSummary.Builder unit = new ComparisonSummary.Builder(SUBJECTS);
            for (int i = start; i < Math.min(PAIRS, start + unitSize); i++) {
                add(unit, random);
            }
            ComparisonSummary s = unit.build(start == 0 ? 1 : 0);
            merged = merged == null ? s : merged.mergedWith(s);
        }
        return merged;
    }

    @Test
    void mergingUnitsInAnyGroupingGivesTheSummaryOfAllPairs() {
        ComparisonSummary whole = units(PAIRS);
        assertThat(units(1_000)).isEqualTo(whole);
        assertThat(units(7)).isEqualTo(whole);

        // (a + b) + c and a + (b + c) from the same three runs of pairs.
        SplittableRandom random = new SplittableRandom(42);
        ComparisonSummary[] parts = new ComparisonSummary[3];
        for (int p = 0; p < 3; p++) {
            ComparisonSummary.Builder b = new ComparisonSummary.Builder(SUBJECTS);
            int n = p < 2 ? 6_000 : PAIRS - 12_000;
            for (int i = 0; i < n; i++) {
                add(b, random);
            }
            parts[p] = b.build(p == 0 ? 1 : 0);
        }
        assertThat(parts[0].mergedWith(parts[1]).mergedWith(parts[2])).isEqualTo(whole)
                .isEqualTo(parts[0].mergedWith(parts[1].mergedWith(parts[2])));
    }

    @Test
    void countsScoresAndTheTailAreThoseOfThePairs() {
        ComparisonSummary whole = units(PAIRS);
        assertThat(whole.pairs()).isEqualTo(PAIRS);
        assertThat(whole.genuineComparisons() + whole.impostorComparisons()).isEqualTo(PAIRS);
        assertThat(whole.genuineScores()).hasSize((int) (whole.genuineComparisons()
                - java.util.Arrays.stream(whole.failedGenuineBySubject()).sum())).isSorted();
        assertThat(java.util.Arrays.stream(whole.genuineBySubject()).sum()).isEqualTo(whole.genuineComparisons());
        assertThat(java.util.Arrays.stream(whole.impostorBySubject()).sum()).isEqualTo(2 * whole.impostorComparisons());
        assertThat(whole.batchRetries()).isEqualTo(1);

        double[] tail = whole.impostorTail();
        assertThat(tail).hasSize(ComparisonSummary.TAIL).isSorted();
        // At a score inside the tail the count is exact: the tail's scores at or above it.
        double threshold = tail[tail.length - 100];
        long expected = java.util.Arrays.stream(tail).filter(s -> s >= threshold).count();
        assertThat(whole.impostorsAtOrAbove(threshold)).isEqualTo(expected);
        // Below the tail, only at a bin's edge: the lowest scored impostor counts every one of them.
        long scoredImpostors = whole.impostorComparisons() - whole.failures().entrySet().stream()
                .filter(e -> e.getKey().startsWith("non_mated")).mapToLong(java.util.Map.Entry::getValue).sum();
        assertThat(whole.impostorsAtOrAbove(0.0)).isEqualTo(scoredImpostors);
        assertThatThrownBy(() -> whole.impostorsAtOrAbove(0.30025)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inside the histogram bin");
    }
}
