package org.touchstone.runner.systems.guard;

import java.util.List;
import org.touchstone.api.FaceImage;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateCreator;
import org.touchstone.api.TemplateRole;

/** Creates templates through the guard, whichever capability's {@link TemplateCreator} makes them. */
@FunctionalInterface
public interface TemplateMaker {
    /**
     * The default template size limit: 1 MiB, some twenty times the largest template of any system we know of
     * (FRVT's largest are tens of KB), so that only a runaway system reaches it.
     */
    long DEFAULT_MAX_TEMPLATE_BYTES = 1L << 20;
    /** The start of the message of a template over the limit. */
    String TOO_LARGE_MESSAGE = "template over the size limit:";
    /**
     * @param images images of one subject
     * @param role   the role
     * @return what the call produced, with its latency
     */
    TemplateOutcome createTemplate(List<FaceImage> images, TemplateRole role);

    /**
     * @param creator the calling thread's template creator
     * @param timings where each call's latency and each template's size are recorded
     * @return a maker that guards every call
     */
    static TemplateMaker guarding(Guard.Call<TemplateCreator> creator, CallRecorder timings) {
        return guarding(creator, timings, DEFAULT_MAX_TEMPLATE_BYTES);
    }

    /**
     * @param creator          the calling thread's template creator
     * @param timings          where each call's latency and each template's size are recorded
     * @param maxTemplateBytes the largest template accepted: a larger one is the system's failure
     *                         {@link FailureCode#TEMPLATE_TOO_LARGE}, and is not kept
     * @return a maker that guards every call
     */
    static TemplateMaker guarding(Guard.Call<TemplateCreator> creator, CallRecorder timings, long maxTemplateBytes) {
        if (maxTemplateBytes < 1) {
            throw new IllegalArgumentException("the template size limit must be at least 1 byte, was "
                    + maxTemplateBytes);
        }
        return (images, role) -> {
            TemplateOutcome made = create(creator, images, role);
            if (made.ok() && made.template().size() > maxTemplateBytes) {
                made = new TemplateOutcome(null, new Failure(FailureCode.TEMPLATE_TOO_LARGE, TOO_LARGE_MESSAGE + " "
                        + made.template().size() + " bytes, the limit is " + maxTemplateBytes + " bytes"),
                        made.latencyNs());
            }
            timings.record(TimedOperation.CREATE_TEMPLATE, made.latencyNs(), !made.ok());
            if (made.ok()) {
                timings.recordTemplateSize(made.template().size());
            }
            return made;
        };
    }

    private static TemplateOutcome create(Guard.Call<TemplateCreator> creator, List<FaceImage> images,
                                          TemplateRole role) {
        Guard.Outcome<Result<Template>> outcome = Guard.call("createTemplate",
                () -> creator.call().createTemplate(images, role));
        if (!outcome.ok()) {
            return new TemplateOutcome(null, outcome.failure(), outcome.latencyNs());
        }
        Result<Template> result = outcome.value();
        if (!result.isSuccess()) {
            return new TemplateOutcome(null, Guard.checked(result.failure().orElseThrow()), outcome.latencyNs());
        }
        Object value = result.value();
        org.touchstone.api.Failure wrong = Guard.wrongType(value, Template.class, "createTemplate");
        return wrong != null ? new TemplateOutcome(null, wrong, outcome.latencyNs())
                : new TemplateOutcome((Template) value, null, outcome.latencyNs());
    }
}
