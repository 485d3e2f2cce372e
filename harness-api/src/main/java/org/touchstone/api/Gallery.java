package org.touchstone.api;

import java.util.List;

/**
 * A finalised 1:N enrolment gallery, ready to be searched. Obtained from
 * {@link Identifier#finalizeEnrolment}. Searches may run from many threads at once when the system
 * declares {@link Concurrency#THREAD_SAFE}.
 */
public interface Gallery extends AutoCloseable {
    /**
     * Searches the gallery.
     *
     * @param probe         a template created with role {@link TemplateRole#IDENTIFICATION_PROBE}
     * @param maxCandidates the candidate list length the protocol asks for, at least 1
     * @return at most {@code maxCandidates} candidates, sorted by descending score, each naming a distinct
     *         enrolled id; fewer only when the gallery holds fewer templates. Lists that break these
     *         rules are recorded as {@link FailureCode#INVALID_OUTPUT}, not repaired.
     */
    Result<List<Candidate>> search(Template probe, int maxCandidates);

    /**
     * Searches the gallery for several probes in one call. The harness uses this to batch searches; the
     * default calls {@link #search} for each probe. Override it when one pass over the gallery can serve
     * many probes (blocking over probes keeps gallery rows in cache) or when a call has a round trip.
     *
     * @param probes        probe templates
     * @param maxCandidates the candidate list length, at least 1
     * @return one result per probe, in the same order, each as {@link #search} would return it
     */
    default List<Result<List<Candidate>>> searchMany(List<Template> probes, int maxCandidates) {
        List<Result<List<Candidate>>> results = new java.util.ArrayList<>(probes.size());
        for (Template probe : probes) {
            results.add(search(probe, maxCandidates));
        }
        return results;
    }

    /** @return the number of templates enrolled */
    int size();

    /**
     * Adds a template to a finalised gallery. Optional: the default answers
     * {@link FailureCode#NOT_IMPLEMENTED}.
     *
     * @param entry the template and its id, which must not already be enrolled
     * @return success, or why it could not be added
     */
    default Result<String> insert(GalleryEntry entry) {
        return Result.failure(FailureCode.NOT_IMPLEMENTED, "this gallery does not support insertion");
    }

    /**
     * Removes a template from a finalised gallery. Optional: the default answers
     * {@link FailureCode#NOT_IMPLEMENTED}.
     *
     * @param templateId the id to remove
     * @return success with the removed id, or why it could not be removed
     */
    default Result<String> remove(String templateId) {
        return Result.failure(FailureCode.NOT_IMPLEMENTED, "this gallery does not support removal");
    }

    /** Releases the gallery's resources. The default does nothing. */
    @Override
    default void close() {
    }
}
