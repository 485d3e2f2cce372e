package org.touchstone.api;

import java.util.ArrayList;
import java.util.List;

/**
 * 1:1 verification: are two templates of the same person? Implement this to offer
 * {@link Capability#VERIFICATION}.
 *
 * <p>Templates are created with {@link TemplateRole#VERIFICATION_ENROLMENT} and
 * {@link TemplateRole#VERIFICATION_PROBE}. The harness calls from many threads at once when the
 * system declares {@link Concurrency#THREAD_SAFE}.
 */
public interface Verifier extends TemplateCreator {
    /**
     * Compares an enrolment template with a probe template.
     *
     * @param enrolment a template this system created with role {@link TemplateRole#VERIFICATION_ENROLMENT}
     * @param probe     a template this system created with role {@link TemplateRole#VERIFICATION_PROBE}
     * @return a finite similarity inside the declared {@link ScoreRange} (higher means more similar), or
     *         a failure such as {@link FailureCode#TEMPLATE_FORMAT_ERROR}
     */
    ComparisonResult compare(Template enrolment, Template probe);

    /**
     * Compares one probe with many enrolment templates. The harness uses this to batch comparisons; the
     * default calls {@link #compare} for each. Override it when one call can amortise work (parsing the
     * probe once, a round trip to a device or a service).
     *
     * @param probe      a probe template
     * @param enrolments enrolment templates
     * @return one result per enrolment template, in the same order
     */
    default List<ComparisonResult> compareMany(Template probe, List<Template> enrolments) {
        List<ComparisonResult> results = new ArrayList<>(enrolments.size());
        for (Template enrolment : enrolments) {
            results.add(compare(enrolment, probe));
        }
        return results;
    }
}
