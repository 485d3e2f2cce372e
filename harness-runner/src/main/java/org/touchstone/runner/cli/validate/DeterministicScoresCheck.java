package org.touchstone.runner.cli.validate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.touchstone.runner.cli.validate.CheckResult.Verdict;
import org.touchstone.runner.systems.guard.ComparisonBatch;

/** {@code verification.scores.deterministic}: a second pass of comparisons gives the same scores, bit for bit. */
final class DeterministicScoresCheck {
    private DeterministicScoresCheck() {
    }

    static void check(ValidationSubject s, Comparisons comparisons, List<ComparisonBatch> serial,
                      List<ComparisonBatch> again) {
        int differing = 0;
        String example = "";
        for (int p = 0; p < serial.size(); p++) {
            for (int k = 0; k < serial.get(p).capacity(); k++) {
                if (!Objects.equals(Comparisons.answer(serial.get(p), k), Comparisons.answer(again.get(p), k))) {
                    differing++;
                    example = s.images().get(comparisons.good().get(k)).id() + " vs "
                            + s.images().get(comparisons.good().get(p + 1)).id();
                }
            }
        }
        int pairs = Comparisons.pairs(serial);
        s.log().add("verification.scores.deterministic", "the same pair of templates gives the same score, bit for bit",
                true, differing == 0 ? Verdict.PASS : Verdict.FAIL, differing == 0 ? pairs + " comparisons repeated"
                        : differing + " of " + pairs + " comparisons changed on a second call, e.g. " + example,
                Map.of("comparisons", pairs, "differing", differing));
    }
}
