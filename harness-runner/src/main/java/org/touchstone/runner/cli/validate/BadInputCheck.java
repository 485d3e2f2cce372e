package org.touchstone.runner.cli.validate;

import java.util.Map;
import java.util.function.Function;
import org.touchstone.api.FaceImage;
import org.touchstone.runner.cli.validate.BadImages.BadImage;
import org.touchstone.runner.cli.validate.BadImages.Expectation;
import org.touchstone.runner.cli.validate.CheckResult.Verdict;

/**
 * {@code <capability>.bad-input.<name>}, one per bad input: an empty, corrupt, truncated, huge or
 * faceless image gives a failure code (or, where allowed, any answer), never a fault.
 */
final class BadInputCheck {
    private BadInputCheck() {
    }

    static void check(String prefix, Map<String, BadImage> bad, Function<FaceImage, Guarded.Outcome<?>> call,
                      CheckLog log) {
        for (BadImage b : bad.values()) {
            Guarded.Outcome<?> o = call.apply(b.image());
            Verdict verdict;
            String detail;
            if (o.fault()) {
                verdict = Verdict.FAIL;
                detail = b.description() + ": " + o.failure();
            } else if (o.ok()) {
                verdict = b.expectation() == Expectation.FAILURE ? Verdict.FAIL
                        : b.expectation() == Expectation.FAILURE_PREFERRED ? Verdict.WARN : Verdict.PASS;
                detail = b.description() + ": " + (b.expectation() == Expectation.ANY_ANSWER ? "answered"
                        : "accepted as a face");
            } else {
                verdict = Verdict.PASS;
                detail = b.description() + ": " + o.failure().code();
            }
            log.add(prefix + "." + b.name(), b.description() + " gives " + (b.expectation() == Expectation.ANY_ANSWER
                    ? "an answer" : "a failure code") + ", not a fault", true, verdict, detail,
                    Map.of("latency_ms", o.latencyNs() / 1e6));
        }
    }
}
