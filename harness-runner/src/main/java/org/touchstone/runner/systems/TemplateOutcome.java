package org.touchstone.runner.systems;

import org.touchstone.api.Failure;
import org.touchstone.api.Template;

/**
 * What one template-creation call produced, as the harness records it.
 *
 * @param template  the template, or null when the call failed
 * @param failure   why it failed, or null on success
 * @param latencyNs wall time of the call
 */
public record TemplateOutcome(Template template, Failure failure, long latencyNs) {
    /** @return true when a template was produced */
    public boolean ok() {
        return failure == null;
    }
}
