package org.touchstone.runner.cli.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touchstone.api.FaceImage;
import org.touchstone.api.Template;
import org.touchstone.runner.cli.validate.CheckResult.Verdict;

/**
 * {@code verification.template-size} / {@code identification.template-size}: every template the system made
 * is within the template size limit a run enforces ({@code run --max-template-bytes}, 1 MiB by default), so
 * that no template of the system's would be its {@code TEMPLATE_TOO_LARGE} failure in a run.
 */
final class TemplateSizeCheck {
    private TemplateSizeCheck() {
    }

    /**
     * @param id        the check's id
     * @param images    the images, one per template
     * @param templates the templates made from them, null where the call failed (judged by other checks)
     * @param limit     the largest template accepted, in bytes
     * @param log       where the verdict goes
     */
    static void check(String id, List<FaceImage> images, List<Template> templates, long limit, CheckLog log) {
        long largest = 0;
        List<String> over = new ArrayList<>();
        int measured = 0;
        for (int i = 0; i < templates.size(); i++) {
            Template template = templates.get(i);
            if (template == null) {
                continue;
            }
            measured++;
            largest = Math.max(largest, template.size());
            if (template.size() > limit) {
                over.add(images.get(i).id() + " (" + template.size() + " bytes)");
            }
        }
        Map<String, Object> measurements = new LinkedHashMap<>();
        measurements.put("largest_template_bytes", largest);
        measurements.put("limit_bytes", limit);
        String detail;
        Verdict verdict;
        if (measured == 0) {
            verdict = Verdict.FAIL;
            detail = "no template was made, so none could be measured";
        } else if (over.isEmpty()) {
            verdict = Verdict.PASS;
            detail = "the largest of " + measured + " templates is " + largest + " bytes, within the limit of "
                    + limit + " bytes";
        } else {
            verdict = Verdict.FAIL;
            detail = over.size() + " of " + measured + " templates are over the limit of " + limit + " bytes (a run"
                    + " records each as TEMPLATE_TOO_LARGE): " + String.join(", ", over.subList(0, Math.min(5,
                    over.size()))) + (over.size() > 5 ? ", ..." : "");
        }
        log.add(id, "templates are within the size limit a run enforces", true, verdict, detail, measurements);
    }
}
