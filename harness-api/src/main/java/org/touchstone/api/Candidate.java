package org.touchstone.api;

import java.util.Objects;

/**
 * One entry of a 1:N candidate list.
 *
 * @param templateId the id of an enrolled {@link GalleryEntry}
 * @param score      the similarity between the probe and that template; finite, within the declared
 *                   {@link ScoreRange}, higher means more similar
 */
public record Candidate(String templateId, double score) {
    /**
     * @param templateId enrolled id
     * @param score      similarity
     */
    public Candidate {
        Objects.requireNonNull(templateId, "templateId");
    }
}
