package org.touchstone.runner.cli.validate;

import java.util.List;
import java.util.Map;
import org.touchstone.api.FaceImage;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.TemplateRole;
import org.touchstone.runner.cli.validate.CheckResult.Verdict;
import org.touchstone.runner.systems.guard.ComparisonBatch;
import org.touchstone.runner.systems.guard.TemplateOutcome;

/**
 * {@code verification.multi-image}: a template made from all the images of one person compares, in range,
 * against a template of one of them.
 */
final class MultiImageCheck {
    private MultiImageCheck() {
    }

    static void check(ValidationSubject s, Comparisons comparisons, ScoreRange range) {
        List<FaceImage> images = s.images();
        String subject = s.subjectOf(images.get(0));
        List<FaceImage> own = images.stream().filter(i -> s.subjectOf(i).equals(subject)).toList();
        TemplateOutcome multi = comparisons.verifier().createTemplate(own, TemplateRole.VERIFICATION_ENROLMENT);
        TemplateOutcome single = comparisons.templates()[0];
        String detail;
        boolean ok = false;
        if (!multi.ok()) {
            detail = "a template from " + own.size() + " images of " + subject + " failed: " + multi.failure();
        } else if (!single.ok()) {
            detail = "could not compare: the single-image template of " + images.get(0).id() + " failed";
        } else {
            ComparisonBatch b = new ComparisonBatch(1);
            comparisons.verifier().compareMany(single.template(), List.of(multi.template()), b, 0);
            ok = b.failure(0) == null && range.contains(b.score(0));
            detail = ok ? "a template from " + own.size() + " images of " + subject + " scores " + b.score(0)
                    + " against one of them" : "comparing it failed: " + b.failure(0);
        }
        s.log().add("verification.multi-image", "a template can be made from several images of one person", true,
                ok ? Verdict.PASS : Verdict.FAIL, detail, Map.of("images", own.size()));
    }
}
