package org.touchstone.runner.engine.stage;

import java.util.List;
import org.touchstone.protocols.dataset.Sample;

/**
 * One template the protocol asks for: one or more images of one subject, and the roles it is needed in.
 *
 * @param index        position in the plan
 * @param templateId   id written to the run directory, e.g. {@code T000001}
 * @param subjectId    the subject shown
 * @param samples      the images, in the order given to the system
 * @param asEnrolment  whether a {@code VERIFICATION_ENROLMENT} template is needed
 * @param asProbe      whether a {@code VERIFICATION_PROBE} template is needed
 */
public record TemplateSpec(int index, String templateId, String subjectId, List<Sample> samples,
                           boolean asEnrolment, boolean asProbe) {
    /** Canonical form: the sample list is copied. */
    public TemplateSpec {
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("template " + templateId + " has no images");
        }
    }

    /**
     * @param index position in the plan
     * @return the id of the template at that position
     */
    public static String idOf(int index) {
        return String.format("T%06d", index + 1);
    }
}
