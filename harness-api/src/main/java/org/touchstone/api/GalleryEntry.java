package org.touchstone.api;

import java.util.Objects;

/**
 * One template to enrol into a 1:N gallery under an id that candidate lists will name.
 *
 * @param templateId the id, unique within the gallery, that {@link Candidate#templateId()} refers to
 * @param template   a template created with role {@link TemplateRole#IDENTIFICATION_ENROLMENT}
 */
public record GalleryEntry(String templateId, Template template) {
    /**
     * @param templateId unique id, not blank
     * @param template   the template
     */
    public GalleryEntry {
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(template, "template");
        if (templateId.isBlank()) {
            throw new IllegalArgumentException("templateId must not be blank");
        }
    }
}
