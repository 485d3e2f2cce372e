package org.touchstone.runner.cli.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.touchstone.api.TemplateRole;
import org.touchstone.runner.cli.validate.CheckResult.Verdict;
import org.touchstone.runner.systems.guard.ComparisonBatch;
import org.touchstone.runner.systems.guard.TemplateOutcome;

/**
 * {@code verification.concurrency}: templates and batched comparisons made from many threads at once give
 * the answers of the serial calls.
 */
final class VerificationConcurrencyCheck {
    private VerificationConcurrencyCheck() {
    }

    static void check(ValidationSubject s, Comparisons comparisons, List<ComparisonBatch> serial) {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < s.images().size(); i++) {
            int index = i;
            tasks.add(() -> {
                TemplateOutcome again = comparisons.verifier().createTemplate(List.of(s.images().get(index)),
                        TemplateRole.VERIFICATION_ENROLMENT);
                TemplateOutcome serialTemplate = comparisons.templates()[index];
                return Objects.equals(Comparisons.answer(serialTemplate), Comparisons.answer(again)) ? null
                        : "the template of " + s.images().get(index).id() + " (serially " + describe(serialTemplate)
                        + ", concurrently " + describe(again) + ")";
            });
        }
        List<Integer> good = comparisons.good();
        for (int p = 1; p < good.size(); p++) {
            int row = p;
            tasks.add(() -> {
                ComparisonBatch again = comparisons.compareRow(row);
                for (int k = 0; k < again.capacity(); k++) {
                    if (!Objects.equals(Comparisons.answer(again, k), Comparisons.answer(serial.get(row - 1), k))) {
                        return "the score of " + s.images().get(good.get(k)).id() + " vs "
                                + s.images().get(good.get(row)).id() + " (serially "
                                + Comparisons.describe(serial.get(row - 1), k) + ", concurrently "
                                + Comparisons.describe(again, k) + ")";
                    }
                }
                return null;
            });
        }
        List<String> differences = s.runConcurrently(tasks);
        s.log().add("verification.concurrency", "calls from " + s.threads() + " threads at once give the answers of"
                        + " serial calls", true, differences.isEmpty() ? Verdict.PASS : Verdict.FAIL,
                differences.isEmpty() ? tasks.size() + " calls (templates and batched comparisons) repeated concurrently"
                        : differences.size() + " of " + tasks.size() + " concurrent calls differed, e.g. "
                        + differences.get(0), Map.of("calls", tasks.size(), "differing", differences.size()));
    }

    private static String describe(TemplateOutcome o) {
        return o.ok() ? "a template of " + o.template().toByteArray().length + " bytes" : String.valueOf(o.failure());
    }
}
