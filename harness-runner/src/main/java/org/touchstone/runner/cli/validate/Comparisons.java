package org.touchstone.runner.cli.validate;

import java.util.ArrayList;
import java.util.List;
import org.touchstone.api.Template;
import org.touchstone.runner.systems.guard.ComparisonBatch;
import org.touchstone.runner.systems.guard.GuardedVerifier;
import org.touchstone.runner.systems.guard.TemplateOutcome;

/**
 * The validation's comparisons: each good template as a probe against every good template before it, in
 * batched calls of up to {@value #BATCH}, one batch per probe.
 *
 * @param verifier  the guarded verifier
 * @param templates the templates made, one per validation image
 * @param good      indexes of the templates that were made
 */
record Comparisons(GuardedVerifier verifier, TemplateOutcome[] templates, List<Integer> good) {
    /** Enrolment templates per batched call. */
    static final int BATCH = 64;

    /** @return probe {@code good[p+1]} against enrolments {@code good[0..p]}, one batch per probe */
    List<ComparisonBatch> compareAll() {
        List<ComparisonBatch> batches = new ArrayList<>();
        for (int p = 1; p < good.size(); p++) {
            batches.add(compareRow(p));
        }
        return batches;
    }

    /**
     * @param p a probe's position in {@link #good}
     * @return its scores against every good template before it
     */
    ComparisonBatch compareRow(int p) {
        ComparisonBatch batch = new ComparisonBatch(p);
        for (int k0 = 0; k0 < p; k0 += BATCH) {
            List<Template> block = new ArrayList<>();
            for (int k = k0; k < Math.min(p, k0 + BATCH); k++) {
                block.add(templates[good.get(k)].template());
            }
            verifier.compareMany(templates[good.get(p)].template(), block, batch, k0);
        }
        return batch;
    }

    /**
     * @param batches the batches of {@link #compareAll()}
     * @return the comparisons they hold
     */
    static int pairs(List<ComparisonBatch> batches) {
        return batches.stream().mapToInt(ComparisonBatch::capacity).sum();
    }

    /** @return a comparison's answer, to compare two calls: the score's exact bits, or the failure code */
    static Object answer(ComparisonBatch b, int k) {
        return b.failure(k) == null ? (Object) Double.doubleToRawLongBits(b.score(k)) : b.failure(k).code();
    }

    /** @return a comparison's answer for a reader: the score, or the failure with its message */
    static String describe(ComparisonBatch b, int k) {
        return b.failure(k) == null ? "score " + b.score(k) : String.valueOf(b.failure(k));
    }

    /** @return a template call's answer, to compare two calls: the template, or the failure code */
    static Object answer(TemplateOutcome o) {
        return o.ok() ? o.template() : o.failure().code();
    }
}
