package org.touchstone.runner.cli.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.touchstone.api.FaceImage;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.TemplateRole;
import org.touchstone.runner.systems.guard.CallRecorder;
import org.touchstone.runner.systems.guard.ComparisonBatch;
import org.touchstone.runner.systems.guard.GuardedVerifier;
import org.touchstone.runner.systems.guard.TemplateOutcome;

/**
 * The verification checks, in report order: templates answer without faults and deterministically;
 * the comparisons of every good template against every other ({@link ScoreChecks}), again
 * ({@link DeterministicScoresCheck}), and from many threads; multi-image templates; bad images and bad
 * templates; then the median times, measured on the second passes, when the system (and the JIT) has
 * warmed up.
 */
final class VerificationChecks {
    private VerificationChecks() {
    }

    static void check(ValidationSubject s) {
        // No size limit in the guard: TemplateSizeCheck judges the sizes, and the other checks still run.
        GuardedVerifier v = new GuardedVerifier(s.opened(), CallRecorder.discarding(), Long.MAX_VALUE);
        ScoreRange range = s.opened().descriptor().scoreRange().orElseThrow();
        List<FaceImage> images = s.images();
        TemplateOutcome[] first = templates(v, images);
        AnswersNotFaultsCheck.check("verification.templates", Arrays.asList(first), images, TemplateOutcome::failure,
                s.log());
        TemplateSizeCheck.check("verification.template-size", images,
                Arrays.stream(first).map(TemplateOutcome::template).toList(), s.limits().maxTemplateBytes(), s.log());
        TemplateOutcome[] second = templates(v, images);
        SameAnswersCheck.check("verification.templates.deterministic", "the same images give the same template bytes",
                images, i -> Comparisons.answer(first[i]), i -> Comparisons.answer(second[i]), "a second call", s.log());

        List<Integer> good = new ArrayList<>();
        for (int i = 0; i < first.length; i++) {
            if (first[i].ok()) {
                good.add(i);
            }
        }
        Comparisons comparisons = new Comparisons(v, first, good);
        List<ComparisonBatch> serial = comparisons.compareAll();
        ScoreChecks.check(s, comparisons, serial, range);
        List<ComparisonBatch> again = comparisons.compareAll();
        DeterministicScoresCheck.check(s, comparisons, serial, again);

        VerificationConcurrencyCheck.check(s, comparisons, serial);
        MultiImageCheck.check(s, comparisons, range);
        BadInputCheck.check("verification.bad-input", s.bad(), image -> {
            TemplateOutcome o = v.createTemplate(List.of(image), TemplateRole.VERIFICATION_ENROLMENT);
            return new Guarded.Outcome<>(o.template(), o.failure(), o.latencyNs());
        }, s.log());
        BadTemplateCheck.check(s, comparisons);

        MedianTimeCheck.check("timing.template", "median template-creation time per image",
                ValidationSubject.median(Arrays.stream(second).mapToDouble(o -> o.latencyNs() / 1e6).toArray()),
                s.limits().templateMillisPerImage(), "ms", s.log());
        List<Double> perComparison = new ArrayList<>();
        for (ComparisonBatch batch : again) {
            for (int k = 0; k < batch.capacity(); k++) {
                if (batch.latencyNs(k) >= 0) {
                    perComparison.add(batch.latencyNs(k) / 1e3);
                }
            }
        }
        MedianTimeCheck.check("timing.comparison", "median time per comparison (batched calls of up to "
                        + Comparisons.BATCH + ")",
                ValidationSubject.median(perComparison.stream().mapToDouble(Double::doubleValue).toArray()),
                s.limits().comparisonMicros(), "us", s.log());
    }

    private static TemplateOutcome[] templates(GuardedVerifier v, List<FaceImage> images) {
        TemplateOutcome[] made = new TemplateOutcome[images.size()];
        for (int i = 0; i < images.size(); i++) {
            made[i] = v.createTemplate(List.of(images.get(i)), TemplateRole.VERIFICATION_ENROLMENT);
        }
        return made;
    }
}
