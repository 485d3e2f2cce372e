package org.touchstone.runner.systems.guard;

import java.util.List;
import org.touchstone.api.FaceImage;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateCreator;
import org.touchstone.api.TemplateRole;

/** Creates templates through the guard, whichever capability's {@link TemplateCreator} makes them. */
@FunctionalInterface
public interface TemplateMaker {
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
        return (images, role) -> {
            TemplateOutcome made = create(creator, images, role);
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
