package org.touchstone.runner.cli.validate;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.touchstone.api.FaceImage;
import org.touchstone.api.Failure;
import org.touchstone.runner.cli.validate.CheckResult.Verdict;

/**
 * {@code <capability>.templates} / {@code analysis.results}: every face image gives an answer (a result or
 * a failure code), never a fault; more than one failure in ten is worth a warning.
 */
final class AnswersNotFaultsCheck {
    private AnswersNotFaultsCheck() {
    }

    static <O> void check(String id, List<O> outcomes, List<FaceImage> images, Function<O, Failure> failureOf,
                          CheckLog log) {
        int faults = 0;
        int failures = 0;
        String example = "";
        for (int i = 0; i < outcomes.size(); i++) {
            Failure f = failureOf.apply(outcomes.get(i));
            if (f != null && f.code().isHarnessAssigned()) {
                faults++;
                example = images.get(i).id() + ": " + f;
            } else if (f != null) {
                failures++;
                if (example.isEmpty()) {
                    example = images.get(i).id() + ": " + f;
                }
            }
        }
        int n = outcomes.size();
        Verdict verdict = faults > 0 ? Verdict.FAIL : failures * 10 > n ? Verdict.WARN : Verdict.PASS;
        log.add(id, "face images give answers, never faults (exceptions, invalid output, timeouts, crashes)", true,
                verdict, faults > 0 ? faults + " of " + n + " calls faulted, e.g. " + example
                        : failures + " of " + n + " face images failed" + (failures > 0 ? ", e.g. " + example : "")
                        + (verdict == Verdict.WARN ? " (more than 10%)" : ""),
                Map.of("calls", n, "faults", faults, "failures", failures));
    }
}
