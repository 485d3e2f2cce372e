package org.touchstone.api;

import java.nio.file.Path;

/**
 * 1:N identification: who, among the enrolled, is this? Implement this to offer
 * {@link Capability#IDENTIFICATION}.
 *
 * <p>The life cycle follows NIST FRVT 1:N: create enrolment templates
 * ({@link TemplateRole#IDENTIFICATION_ENROLMENT}), finalise them into a gallery once, then search it
 * with probe templates ({@link TemplateRole#IDENTIFICATION_PROBE}).
 */
public interface Identifier extends TemplateCreator {
    /**
     * Builds the searchable gallery from all enrolment templates. Called once per gallery; the entries
     * may be streamed from disk, so iterate them once and keep what you need.
     *
     * @param entries          the templates to enrol, each with a unique id; iterable once
     * @param workingDirectory an empty directory owned by this gallery, for indexes or files the
     *                         system wants to write
     * @return the gallery, or why it could not be built (for example {@link FailureCode#ENROLL_DIR_ERROR})
     */
    Result<Gallery> finalizeEnrolment(Iterable<GalleryEntry> entries, Path workingDirectory);
}
