package org.touchstone.api;

import java.util.List;

/** The part shared by {@link Verifier} and {@link Identifier}: turning images of one person into a template. */
public interface TemplateCreator {
    /**
     * Creates one template from one or more images of the same person.
     *
     * <p>Must be deterministic: the same images and role give the same bytes. Must not throw; a face
     * that cannot be found or an image that cannot be decoded is a {@link Result#failure failure} with
     * the appropriate {@link FailureCode} (for example {@link FailureCode#FACE_DETECTION_ERROR} or
     * {@link FailureCode#PARSE_ERROR}).
     *
     * @param images one or more images of the same person, never empty
     * @param role   what the template will be used for
     * @return the template, or why none could be made
     */
    Result<Template> createTemplate(List<FaceImage> images, TemplateRole role);
}
