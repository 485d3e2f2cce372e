package org.touchstone.runner.cli.validate;

import java.util.Map;
import java.util.Objects;

/**
 * The verdict of one conformance check.
 *
 * @param id           a stable name, e.g. {@code verification.templates.deterministic}
 * @param title        what is checked, for people
 * @param required     whether a failure fails the validation (advisory checks only warn)
 * @param verdict      the outcome
 * @param detail       what was found, with an example when something is wrong
 * @param measurements numbers behind the verdict (counts, medians), by name
 */
public record CheckResult(String id, String title, boolean required, Verdict verdict, String detail,
                          Map<String, Object> measurements) {
    /** The outcome of a check. */
    public enum Verdict {
        /** The system conforms. */
        PASS,
        /** It does not: fails the validation when the check is required. */
        FAIL,
        /** Something a submission should look at; never fails the validation. */
        WARN,
        /** Not applicable: the capability is not offered, or an earlier check prevented it. */
        SKIP
    }

    /** Canonical form: the measurements are copied in order. */
    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(verdict, "verdict");
        detail = detail == null ? "" : detail;
        measurements = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(measurements));
    }

    /** @return true when this check fails the validation */
    public boolean failsValidation() {
        return required && verdict == Verdict.FAIL;
    }
}
