package org.touchstone.runner.systems;

import java.util.List;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;

/**
 * Calls a system's {@link Verifier} the way the harness must call untrusted code: it times every call,
 * turns exceptions and contract breaches (null results, harness-only failure codes, scores that are not
 * finite or lie outside the declared range, batches of the wrong length) into recorded failures, and
 * never lets them stop the run. A {@link SystemFault} raised by the harness's own adapters (a timeout, a
 * crashed worker) is recorded with its code as it is.
 */
public final class GuardedVerifier {
    private final OpenedSystem system;
    private final ScoreRange range;

    /** @param system an opened system that offers verification */
    public GuardedVerifier(OpenedSystem system) {
        this.system = system;
        this.range = system.descriptor().scoreRange()
                .orElseThrow(() -> new IllegalArgumentException("verification system without a score range"));
    }

    private Verifier verifier() throws FaceSystemException {
        return system.instance().verifier().orElseThrow(() -> new FaceSystemException(
                FailureCode.INVALID_OUTPUT, "verifier() became empty after open"));
    }

    /**
     * @param images images of one subject
     * @param role   the role
     * @return what the call produced, with its latency
     */
    public TemplateOutcome createTemplate(List<FaceImage> images, TemplateRole role) {
        long start = System.nanoTime();
        Result<Template> result;
        try {
            result = verifier().createTemplate(images, role);
        } catch (FaceSystemException e) {
            return new TemplateOutcome(null, new Failure(e.code(), e.getMessage()), System.nanoTime() - start);
        } catch (SystemFault e) {
            return new TemplateOutcome(null, e.failure(), System.nanoTime() - start);
        } catch (OutOfMemoryError e) {
            return new TemplateOutcome(null, new Failure(FailureCode.MEMORY_ERROR, "createTemplate: " + e),
                    System.nanoTime() - start);
        } catch (RuntimeException | Error e) {
            return new TemplateOutcome(null, thrown("createTemplate", e), System.nanoTime() - start);
        }
        long latency = System.nanoTime() - start;
        if (result == null) {
            return new TemplateOutcome(null, invalid("createTemplate returned null"), latency);
        }
        if (result.isSuccess()) {
            // Erased generics let a system smuggle any object into a Result: check before trusting it.
            Object value = result.value();
            if (!(value instanceof Template template)) {
                return new TemplateOutcome(null, invalid("createTemplate returned a success holding a "
                        + value.getClass().getName() + ", not a Template"), latency);
            }
            return new TemplateOutcome(template, null, latency);
        }
        return new TemplateOutcome(null, checked(result.failure().orElseThrow()), latency);
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
        long start = System.nanoTime();
        List<ComparisonResult> results;
        Failure whole = null;
        try {
            results = verifier().compareMany(probe, enrolments);
        } catch (FaceSystemException e) {
            results = null;
            whole = new Failure(e.code(), e.getMessage());
        } catch (SystemFault e) {
            results = null;
            whole = e.failure();
        } catch (OutOfMemoryError e) {
            results = null;
            whole = new Failure(FailureCode.MEMORY_ERROR, "compare: " + e);
        } catch (RuntimeException | Error e) {
            results = null;
            whole = thrown("compare", e);
        }
        long each = (System.nanoTime() - start) / n;
        if (whole == null && (results == null || results.size() != n)) {
            whole = invalid("compareMany returned " + (results == null ? "null" : results.size() + " results")
                    + " for " + n + " templates");
        }
        for (int i = 0; i < n; i++) {
            if (whole != null) {
                out.setFailure(offset + i, whole, each);
                continue;
            }
            Object item = results.get(i);
            if (item == null) {
                out.setFailure(offset + i, invalid("compare returned null"), each);
            } else if (!(item instanceof ComparisonResult r)) {
                out.setFailure(offset + i, invalid("compareMany returned a " + item.getClass().getName()
                        + ", not a ComparisonResult"), each);
            } else if (!r.isSuccess()) {
                out.setFailure(offset + i, checked(r.failure().orElseThrow()), each);
            } else if (!range.contains(r.similarity())) {
                out.setFailure(offset + i, invalid("score " + r.similarity() + " is not finite or outside the declared"
                        + " range [" + range.min() + ", " + range.max() + "]"), each);
            } else {
                out.setScore(offset + i, r.similarity(), each);
            }
        }
    }

    private static Failure checked(Failure failure) {
        if (failure.code().isHarnessAssigned()) {
            return invalid("system returned the harness-only code " + failure.code() + ": " + failure.message());
        }
        return failure;
    }

    private static Failure invalid(String message) {
        return new Failure(FailureCode.INVALID_OUTPUT, message);
    }

    private static Failure thrown(String operation, Throwable e) {
        return SystemFault.thrown(operation, e).failure();
    }
}
