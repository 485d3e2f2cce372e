package org.touchstone.runner.systems.guard;

import java.util.List;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FailureCode;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;
import org.touchstone.runner.systems.OpenedSystem;

/**
 * Calls a system's {@link Verifier} through the {@link Guard}: every call timed, exceptions and contract
 * breaches (null results, harness-only failure codes, scores that are not finite or lie outside the
 * declared range, batches of the wrong length) recorded as failures, never stopping the run.
 */
public final class GuardedVerifier implements TemplateMaker {
    private final OpenedSystem system;
    private final ScoreRange range;
    private final TemplateMaker templates;
    private final CallRecorder timings;
    private final java.util.concurrent.atomic.AtomicLong batchRetries = new java.util.concurrent.atomic.AtomicLong();

    /** @param system an opened system that offers verification */
    public GuardedVerifier(OpenedSystem system) {
        this(system, CallRecorder.discarding());
    }

    /**
     * @param system  an opened system that offers verification
     * @param timings where every call's latency is recorded
     */
    public GuardedVerifier(OpenedSystem system, CallRecorder timings) {
        this(system, timings, TemplateMaker.DEFAULT_MAX_TEMPLATE_BYTES);
    }

    /**
     * @param system  an opened system that offers verification
     * @param timings where every call's latency is recorded
     * @param maxTemplateBytes the run's template size limit ({@link TemplateMaker#guarding(Guard.Call,
     *                         CallRecorder, long)})
     */
    public GuardedVerifier(OpenedSystem system, CallRecorder timings, long maxTemplateBytes) {
        this.system = system;
        this.range = system.descriptor().scoreRange()
                .orElseThrow(() -> new IllegalArgumentException("verification system without a score range"));
        this.timings = timings;
        this.templates = TemplateMaker.guarding(this::verifier, timings, maxTemplateBytes);
    }

    private Verifier verifier() throws FaceSystemException {
        return system.instance().verifier().orElseThrow(() -> new FaceSystemException(
                FailureCode.INVALID_OUTPUT, "verifier() became empty after open"));
    }

    @Override
    public TemplateOutcome createTemplate(List<FaceImage> images, TemplateRole role) {
        return templates.createTemplate(images, role);
    }

    /** @return how many batched calls failed as a whole and were retried one comparison at a time */
    public long batchRetries() {
        return batchRetries.get();
    }

    /**
     * Compares one probe with several enrolment templates in one batched call and stores the outcomes in
     * {@code out[offset ..]}. The batch's wall time is attributed evenly to its comparisons.
     *
     * @param probe      the probe template
     * @param enrolments the enrolment templates
     * @param out        where outcomes go
     * @param offset     slot of the first enrolment's outcome
     */
    public void compareMany(Template probe, List<Template> enrolments, ComparisonBatch out, int offset) {
        int n = enrolments.size();
        if (n == 0) {
            return;
        }
        Guard.Outcome<List<ComparisonResult>> outcome = Guard.call("compare",
                () -> verifier().compareMany(probe, enrolments));
        long each = outcome.latencyNs() / n;
        org.touchstone.api.Failure whole = outcome.failure();
        if (whole == null && outcome.value().size() != n) {
            whole = Guard.invalid("compareMany returned " + outcome.value().size() + " results for " + n + " templates");
        }
        timings.record(TimedOperation.COMPARE_MANY, outcome.latencyNs(), whole != null);
        if (whole != null && n > 1) {
            // Batching must not change results: one pair's fault (an exception, a crash, a hang, a garbled
            // reply) must not fail the others of its block, so each is retried alone, unless the system is
            // down (Guard.meansSystemDown, twice in a row).
            batchRetries.incrementAndGet();
            int downInARow = 0;
            for (int i = 0; i < n; i++) {
                if (downInARow >= Guard.DEAD_AFTER_CONSECUTIVE_FAILURES) {
                    out.setFailure(offset + i, Guard.notRetried(out.failure(offset + i - 1)), each);
                    continue;
                }
                compareMany(probe, enrolments.subList(i, i + 1), out, offset + i);
                org.touchstone.api.Failure single = out.failure(offset + i);
                downInARow = single != null && Guard.meansSystemDown(single) ? downInARow + 1 : 0;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            if (whole != null) {
                out.setFailure(offset + i, whole, each);
                continue;
            }
            Object item = outcome.value().get(i);
            if (item == null) {
                out.setFailure(offset + i, Guard.invalid("compare returned null"), each);
            } else if (!(item instanceof ComparisonResult r)) {
                out.setFailure(offset + i, Guard.wrongType(item, ComparisonResult.class, "compareMany"), each);
            } else if (!r.isSuccess()) {
                out.setFailure(offset + i, Guard.checked(r.failure().orElseThrow()), each);
            } else if (!range.contains(r.similarity())) {
                out.setFailure(offset + i, Guard.invalid("score " + r.similarity() + " is not finite or outside the"
                        + " declared range [" + range.min() + ", " + range.max() + "]"), each);
            } else {
                out.setScore(offset + i, r.similarity(), each);
            }
        }
        int failed = 0;
        for (int i = 0; i < n; i++) {
            failed += out.failure(offset + i) != null ? 1 : 0;
        }
        timings.record(TimedOperation.COMPARISON, each, n, failed);
    }
}
