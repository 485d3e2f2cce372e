package org.touchstone.runner.cli.validate;

import java.util.Locale;
import java.util.Map;
import org.touchstone.runner.cli.validate.CheckResult.Verdict;

/** {@code timing.<operation>}: an operation's median time is within its limit. */
final class MedianTimeCheck {
    private MedianTimeCheck() {
    }

    static void check(String id, String title, double median, double limit, String unit, CheckLog log) {
        boolean known = !Double.isNaN(median);
        log.add(id, title + " is at most " + limit + " " + unit, true, !known ? Verdict.SKIP
                        : median <= limit ? Verdict.PASS : Verdict.FAIL,
                known ? String.format(Locale.ROOT, "median %.4g %s (limit %s %s)", median, unit, limit, unit)
                        : "nothing was measured", known ? Map.of("median_" + unit, median, "limit_" + unit, limit)
                        : Map.of());
    }
}
