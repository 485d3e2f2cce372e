package org.touchstone.runner.systems.guard;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.touchstone.api.Candidate;
import org.touchstone.api.Concurrency;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Identifier;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.runner.systems.OpenedSystem;

/**
 * Calls a system's {@link Identifier} and its galleries through the {@link Guard}. Candidate lists are
 * checked against the SPI contract (at most as long as asked, sorted by descending score, each id
 * distinct and enrolled in this gallery, scores finite and inside the declared range); a list that
 * breaks it is recorded as {@link FailureCode#INVALID_OUTPUT}, never repaired.
 */
public final class GuardedIdentifier implements TemplateMaker {
    private final OpenedSystem system;
    private final ScoreRange range;
    private final TemplateMaker templates;
    private final CallRecorder timings;
    private final java.util.concurrent.atomic.AtomicLong batchRetries = new java.util.concurrent.atomic.AtomicLong();

    /** @param system an opened system that offers identification */
    public GuardedIdentifier(OpenedSystem system) {
        this(system, CallRecorder.discarding());
    }

    /**
     * @param system  an opened system that offers identification
     * @param timings where every call's latency is recorded
     */
    public GuardedIdentifier(OpenedSystem system, CallRecorder timings) {
        this(system, timings, TemplateMaker.DEFAULT_MAX_TEMPLATE_BYTES);
    }

    /**
     * @param system  an opened system that offers identification
     * @param timings where every call's latency is recorded
     * @param maxTemplateBytes the run's template size limit ({@link TemplateMaker#guarding(Guard.Call,
     *                         CallRecorder, long)})
     */
    public GuardedIdentifier(OpenedSystem system, CallRecorder timings, long maxTemplateBytes) {
        this.system = system;
        this.range = system.descriptor().scoreRange()
                .orElseThrow(() -> new IllegalArgumentException("identification system without a score range"));
        this.timings = timings;
        this.templates = TemplateMaker.guarding(this::identifier, timings, maxTemplateBytes);
    }

    private Identifier identifier() throws FaceSystemException {
        return system.instance().identifier().orElseThrow(() -> new FaceSystemException(
                FailureCode.INVALID_OUTPUT, "identifier() became empty after open"));
    }

    @Override
    public TemplateOutcome createTemplate(List<FaceImage> images, TemplateRole role) {
        return templates.createTemplate(images, role);
    }

    /** @return how many batched searches failed as a whole and were retried one probe at a time */
    public long batchRetries() {
        return batchRetries.get();
    }

    /** A gallery under the guard: which ids it holds, and how it may be called. */
    public final class GuardedGallery implements AutoCloseable {
        private final Gallery gallery;
        private final Set<String> enrolled;

        private GuardedGallery(Gallery gallery, Set<String> enrolled) {
            this.gallery = gallery;
            this.enrolled = enrolled;
        }

        /**
         * Searches a block of probes in one batched call and stores each outcome in {@code out[offset ..]};
         * the call's wall time is attributed evenly to its searches.
         *
         * @param probes        probe templates
         * @param maxCandidates the candidate list length asked for
         * @param out           where outcomes go
         * @param offset        slot of the first probe's outcome
         * @return how many batched calls failed as a whole and were retried one probe at a time (0 or 1 here,
         *         counted also in {@link GuardedIdentifier#batchRetries()})
         */
        public int searchMany(List<Template> probes, int maxCandidates, SearchOutcome[] out, int offset) {
            int n = probes.size();
            if (n == 0) {
                return 0;
            }
            Guard.Outcome<List<Result<List<Candidate>>>> outcome = serialised(
                    () -> Guard.call("search", () -> gallery.searchMany(probes, maxCandidates)));
            long each = outcome.latencyNs() / n;
            Failure whole = outcome.failure();
            if (whole == null && outcome.value().size() != n) {
                whole = Guard.invalid("searchMany returned " + outcome.value().size() + " results for " + n + " probes");
            }
            timings.record(TimedOperation.SEARCH_MANY, outcome.latencyNs(), whole != null);
            if (whole != null && n > 1) {
                // Batching must not change results: one probe's fault (an exception, a crash, a hang, a garbled
                // reply) must not fail the others of its block, so each is retried alone, unless the system is
                // down (Guard.meansSystemDown, twice in a row).
                batchRetries.incrementAndGet();
                int downInARow = 0;
                for (int i = 0; i < n; i++) {
                    if (downInARow >= Guard.DEAD_AFTER_CONSECUTIVE_FAILURES) {
                        out[offset + i] = new SearchOutcome(null, Guard.notRetried(out[offset + i - 1].failure()), each);
                        continue;
                    }
                    searchMany(probes.subList(i, i + 1), maxCandidates, out, offset + i);
                    Failure single = out[offset + i].failure();
                    downInARow = single != null && Guard.meansSystemDown(single) ? downInARow + 1 : 0;
                }
                return 1;
            }
            for (int i = 0; i < n; i++) {
                if (whole != null) {
                    out[offset + i] = new SearchOutcome(null, whole, each);
                    continue;
                }
                Object item = outcome.value().get(i);
                if (!(item instanceof Result<?>) && item != null) {
                    out[offset + i] = new SearchOutcome(null, Guard.wrongType(item, Result.class, "searchMany"), each);
                    continue;
                }
                @SuppressWarnings("unchecked")
                Result<List<Candidate>> r = (Result<List<Candidate>>) item;
                if (r == null) {
                    out[offset + i] = new SearchOutcome(null, Guard.invalid("search returned null"), each);
                } else if (!r.isSuccess()) {
                    out[offset + i] = new SearchOutcome(null, Guard.checked(r.failure().orElseThrow()), each);
                } else {
                    Object list = r.value();
                    String problem = contractBreach(list, maxCandidates);
                    out[offset + i] = problem == null ? new SearchOutcome(List.copyOf(r.value()), null, each)
                            : new SearchOutcome(null, Guard.invalid(problem), each);
                }
            }
            int failed = 0;
            for (int i = 0; i < n; i++) {
                failed += out[offset + i].ok() ? 0 : 1;
            }
            timings.record(TimedOperation.SEARCH, each, n, failed);
            return 0;
        }

        private String contractBreach(Object list, int maxCandidates) {
            if (!(list instanceof List<?> candidates)) {
                return "search returned a " + list.getClass().getName() + ", not a list of candidates";
            }
            if (candidates.size() > maxCandidates) {
                return "candidate list has " + candidates.size() + " entries, more than the " + maxCandidates + " asked for";
            }
            Set<String> seen = new HashSet<>();
            double previous = Double.POSITIVE_INFINITY;
            for (int rank = 1; rank <= candidates.size(); rank++) {
                if (!(candidates.get(rank - 1) instanceof Candidate c)) {
                    return "candidate at rank " + rank + " is " + (candidates.get(rank - 1) == null ? "null"
                            : "a " + candidates.get(rank - 1).getClass().getName());
                }
                if (!enrolled.contains(c.templateId())) {
                    return "candidate at rank " + rank + " names '" + c.templateId() + "', which is not enrolled in this gallery";
                }
                if (!seen.add(c.templateId())) {
                    return "candidate at rank " + rank + " repeats '" + c.templateId() + "'";
                }
                if (!range.contains(c.score())) {
                    return "candidate at rank " + rank + " has score " + c.score() + ", not finite or outside the declared"
                            + " range [" + range.min() + ", " + range.max() + "]";
                }
                if (c.score() > previous) {
                    return "candidates are not sorted by descending score: rank " + rank + " scores " + c.score()
                            + ", above rank " + (rank - 1) + "'s " + previous;
                }
                previous = c.score();
            }
            return null;
        }

        @Override
        public void close() {
            serialised(() -> Guard.call("close", () -> {
                gallery.close();
                return Boolean.TRUE;
            }));
        }
    }

    /**
     * Builds a gallery.
     *
     * @param entries          the enrolment templates
     * @param workingDirectory an empty folder for the gallery
     * @return the gallery, or why it could not be built, with the call's latency
     */
    public Guard.Outcome<GuardedGallery> finalizeEnrolment(List<GalleryEntry> entries, Path workingDirectory) {
        Guard.Outcome<GuardedGallery> built = guardedFinalize(entries, workingDirectory);
        timings.record(TimedOperation.FINALIZE_ENROLMENT, built.latencyNs(), !built.ok());
        return built;
    }

    private Guard.Outcome<GuardedGallery> guardedFinalize(List<GalleryEntry> entries, Path workingDirectory) {
        Guard.Outcome<Result<Gallery>> outcome = Guard.call("finalizeEnrolment",
                () -> identifier().finalizeEnrolment(entries, workingDirectory));
        if (!outcome.ok()) {
            return new Guard.Outcome<>(null, outcome.failure(), outcome.latencyNs());
        }
        Result<Gallery> result = outcome.value();
        if (!result.isSuccess()) {
            return new Guard.Outcome<>(null, Guard.checked(result.failure().orElseThrow()), outcome.latencyNs());
        }
        Set<String> ids = new HashSet<>();
        entries.forEach(e -> ids.add(e.templateId()));
        return new Guard.Outcome<>(new GuardedGallery(result.value(), ids), null, outcome.latencyNs());
    }

    /**
     * A gallery belongs to the instance that built it; a system that may not be called from several
     * threads at once has its gallery calls serialised.
     */
    private <T> T serialised(java.util.function.Supplier<T> call) {
        if (system.descriptor().concurrency() == Concurrency.THREAD_SAFE) {
            return call.get();
        }
        synchronized (this) {
            return call.get();
        }
    }
}
