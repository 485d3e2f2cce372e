package org.touchstone.runner.cli.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.touchstone.api.Failure;
import org.touchstone.api.Template;
import org.touchstone.runner.cli.validate.CheckResult.Verdict;
import org.touchstone.runner.systems.guard.ComparisonBatch;

/**
 * {@code verification.bad-template}: an empty template, random bytes and a valid template cut in half,
 * compared as enrolment and as probe, give failure codes, not faults; scoring them is worth a warning.
 */
final class BadTemplateCheck {
    private BadTemplateCheck() {
    }

    static void check(ValidationSubject s, Comparisons comparisons) {
        List<Integer> good = comparisons.good();
        if (good.isEmpty()) {
            s.log().skip("verification.bad-template", "no valid template to compare with");
            return;
        }
        byte[] noise = new byte[256];
        new Random(7).nextBytes(noise);
        Template valid = comparisons.templates()[good.get(0)].template();
        List<String> faults = new ArrayList<>();
        List<String> scored = new ArrayList<>();
        Map<String, Template> broken = new LinkedHashMap<>();
        broken.put("an empty template", Template.of(new byte[0]));
        broken.put("256 random bytes", Template.of(noise));
        byte[] shortened = valid.toByteArray();
        broken.put("a valid template cut in half", Template.of(Arrays.copyOf(shortened, shortened.length / 2)));
        for (Map.Entry<String, Template> e : broken.entrySet()) {
            ComparisonBatch b = new ComparisonBatch(2);
            comparisons.verifier().compareMany(valid, List.of(e.getValue()), b, 0);
            comparisons.verifier().compareMany(e.getValue(), List.of(valid), b, 1);
            for (int k = 0; k < 2; k++) {
                Failure f = b.failure(k);
                String where = e.getKey() + (k == 0 ? " as enrolment" : " as probe");
                if (f == null) {
                    scored.add(where);
                } else if (f.code().isHarnessAssigned()) {
                    faults.add(where + ": " + f);
                }
            }
        }
        Verdict verdict = !faults.isEmpty() ? Verdict.FAIL : scored.isEmpty() ? Verdict.PASS : Verdict.WARN;
        s.log().add("verification.bad-template", "comparing a malformed template gives a failure code (e.g. "
                        + "TEMPLATE_FORMAT_ERROR), not a fault", true, verdict,
                !faults.isEmpty() ? String.join("; ", faults) : scored.isEmpty() ? "6 comparisons, each a failure code"
                        : "scored rather than refused: " + String.join("; ", scored), Map.of());
    }
}
