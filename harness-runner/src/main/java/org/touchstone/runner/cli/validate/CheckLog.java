package org.touchstone.runner.cli.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.touchstone.runner.cli.validate.CheckResult.Verdict;

/** The verdicts of a validation, in the order the checks ran (the order of the report). Not thread safe. */
final class CheckLog {
    private final List<CheckResult> results = new ArrayList<>();

    /**
     * @param id           the check's stable name
     * @param title        what it checks
     * @param required     whether a failure fails the validation
     * @param verdict      the outcome
     * @param detail       what was found
     * @param measurements the numbers behind the verdict
     */
    void add(String id, String title, boolean required, Verdict verdict, String detail,
             Map<String, Object> measurements) {
        results.add(new CheckResult(id, title, required, verdict, detail, measurements));
    }

    /**
     * An advisory check that does not apply.
     *
     * @param id  the check's name
     * @param why why not, also its title
     */
    void skip(String id, String why) {
        add(id, why, false, Verdict.SKIP, why, Map.of());
    }

    /** @return the verdicts so far */
    List<CheckResult> results() {
        return List.copyOf(results);
    }
}
