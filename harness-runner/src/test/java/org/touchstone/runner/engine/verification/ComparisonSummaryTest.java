package org.touchstone.runner.engine.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.touchstone.api.FailureCode;

/**
 * Summaries merge exactly: built over every pair at once, or unit by unit in any grouping, they are equal,
 * and their counts are those of the pairs. The pairs: 20,000 from a seeded generator, one in ten mated,
 * one in a hundred not compared (a template failed) and one in a hundred whose comparison failed.
 */
class ComparisonSummaryTest {
    private static final int PAIRS = 20_000;

    /** One generated pair: whether mated, and its outcome. */
    private record Pair(boolean mated, ComparisonSummary.Outcome outcome, FailureCode failure) {
        static Pair next(SplittableRandom random) {
            boolean mated = random.nextInt(10) == 0;
            int kind = random.nextInt(100);
            return kind == 0 ? new Pair(mated, ComparisonSummary.Outcome.TEMPLATE_FAILED, FailureCode.FACE_DETECTION_ERROR)
                    : kind == 1 ? new Pair(mated, ComparisonSummary.Outcome.COMPARISON_FAILED, FailureCode.TIMEOUT)
                    : new Pair(mated, ComparisonSummary.Outcome.OK, null);
        }
    }

    private static ComparisonSummary units(int unitSize) {
        SplittableRandom random = new SplittableRandom(42);
        ComparisonSummary merged = null;
        for (int start = 0; start < PAIRS; start += unitSize) {
            ComparisonSummary.Builder unit = new ComparisonSummary.Builder();
            for (int i = start; i < Math.min(PAIRS, start + unitSize); i++) {
                Pair p = Pair.next(random);
                unit.add(p.mated(), p.outcome(), p.failure());
            }
            ComparisonSummary s = unit.build(start == 0 ? 1 : 0);
            merged = merged == null ? s : merged.mergedWith(s);
        }
        return merged;
    }

    @Test
    void mergingUnitsInAnyGroupingGivesTheSummaryOfAllPairs() {
        ComparisonSummary whole = units(PAIRS);
        assertThat(units(1_000)).isEqualTo(whole).hasSameHashCodeAs(whole);
        assertThat(units(7)).isEqualTo(whole);

        // (a + b) + c and a + (b + c) from the same three runs of pairs.
        SplittableRandom random = new SplittableRandom(42);
        ComparisonSummary[] parts = new ComparisonSummary[3];
        for (int part = 0; part < 3; part++) {
            ComparisonSummary.Builder b = new ComparisonSummary.Builder();
            int n = part < 2 ? 6_000 : PAIRS - 12_000;
            for (int i = 0; i < n; i++) {
                Pair p = Pair.next(random);
                b.add(p.mated(), p.outcome(), p.failure());
            }
            parts[part] = b.build(part == 0 ? 1 : 0);
        }
        assertThat(parts[0].mergedWith(parts[1]).mergedWith(parts[2])).isEqualTo(whole)
                .isEqualTo(parts[0].mergedWith(parts[1].mergedWith(parts[2])));
        assertThat(parts[0].mergedWith(ComparisonSummary.empty())).isEqualTo(parts[0]);
    }

    @Test
    void theCountsAreThoseOfThePairs() {
        SplittableRandom random = new SplittableRandom(42);
        long scored = 0;
        long notCompared = 0;
        long failed = 0;
        Map<String, Long> failures = new TreeMap<>();
        for (int i = 0; i < PAIRS; i++) {
            Pair p = Pair.next(random);
            switch (p.outcome()) {
                case OK -> scored++;
                case TEMPLATE_FAILED -> notCompared++;
                case COMPARISON_FAILED -> failed++;
            }
            if (p.failure() != null) {
                String status = p.outcome() == ComparisonSummary.Outcome.TEMPLATE_FAILED ? "template_failed"
                        : "comparison_failed";
                failures.merge((p.mated() ? "mated " : "non_mated ") + status + " " + p.failure(), 1L, Long::sum);
            }
        }
        ComparisonSummary whole = units(333);
        assertThat(whole.pairs()).isEqualTo(PAIRS);
        assertThat(whole.compared()).isEqualTo(scored);
        assertThat(whole.notCompared()).isEqualTo(notCompared).isPositive();
        assertThat(whole.failedComparisons()).isEqualTo(failed).isPositive();
        assertThat(whole.failures()).isEqualTo(failures).containsKeys("mated template_failed FACE_DETECTION_ERROR",
                "non_mated comparison_failed TIMEOUT");
        assertThat(whole.batchRetries()).isEqualTo(1);
        assertThat(whole.toString()).contains("non_mated template_failed FACE_DETECTION_ERROR")
                .endsWith("batch retries 1]");
    }
}
