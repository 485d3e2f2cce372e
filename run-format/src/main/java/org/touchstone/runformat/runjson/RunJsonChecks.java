package org.touchstone.runformat.runjson;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoublePredicate;
import org.touchstone.runformat.RunDirectoryException;
import org.touchstone.runformat.json.LocatedJson;

/**
 * What format 1 asks of the run.json values the reports use, beyond their JSON types: required fields,
 * ranges, distinct list elements, known names. Each problem is located at the value at fault.
 */
final class RunJsonChecks {
    private static final JsonPointer ROOT = JsonPointer.empty();
    private static final JsonPointer EVALUATION = LocatedJson.child(ROOT, "evaluation");
    private static final JsonPointer SYSTEM = LocatedJson.child(ROOT, "system");

    private final LocatedJson document;

    RunJsonChecks(LocatedJson document) {
        this.document = document;
    }

    void check(RunJson run) throws RunDirectoryException {
        if (run.runId() != null) {
            nonEmpty(LocatedJson.child(ROOT, "run_id"), run.runId(), "a string");
        }
        system(run.system());
        Evaluation evaluation = run.evaluation();
        if (evaluation instanceof VerificationEvaluation v) {
            verification(v);
        } else if (evaluation instanceof IdentificationEvaluation i) {
            identification(i);
        } else {
            analysis((AnalysisEvaluation) evaluation);
        }
    }

    private void system(SystemBlock system) throws RunDirectoryException {
        required(SYSTEM, system, "an object");
        nonEmpty(at(SYSTEM, "id"), system.id(), "a string");
        if (system.vendor() != null) {
            nonEmpty(at(SYSTEM, "vendor"), system.vendor(), "a string");
        }
        nonEmpty(at(SYSTEM, "name"), system.name(), "a string");
        nonEmpty(at(SYSTEM, "version"), system.version(), "a string");
        ScoreRangeBlock range = system.scoreRange();
        if (range != null) {
            JsonPointer pointer = at(SYSTEM, "score_range");
            // An unbounded side (the worker protocol's null) is recorded as "-Infinity" or "Infinity".
            double min = notNaN(at(pointer, "min"), range.min());
            double max = notNaN(at(pointer, "max"), range.max());
            if (!(min < max)) {
                throw document.error(pointer, "expected min < max, found [" + min + ", " + max + "]");
            }
        }
    }

    private void verification(VerificationEvaluation e) throws RunDirectoryException {
        failurePolicy(e.failurePolicy(), List.of(VerificationEvaluation.NON_MATCH));
        distinctNumbers("fmr_targets", e.fmrTargets(), "an FMR target", "(0, 1]", v -> v > 0 && v <= 1);
        thresholds(e.thresholds(), Double::isFinite, "(-infinity, infinity)");
        groupColumns(e.groupColumns());
        if (e.equivalenceMargin() != null) {
            double margin = finite(at(EVALUATION, "equivalence_margin"), e.equivalenceMargin(), "a number");
            if (!(margin > 0 && margin < 1)) {
                throw document.error(at(EVALUATION, "equivalence_margin"),
                        "expected an equivalence margin in (0, 1), found " + margin);
            }
        }
    }

    private void identification(IdentificationEvaluation e) throws RunDirectoryException {
        failurePolicy(e.failurePolicy(), List.of(VerificationEvaluation.NON_MATCH));
        int length = wholeNumber("candidate_list_length", e.candidateListLength(), 1, Integer.MAX_VALUE - 1);
        distinctNumbers("ranks", e.ranks(), "a rank", "1.." + length, v -> v >= 1 && v <= length);
        distinctNumbers("fpir_targets", e.fpirTargets(), "an FPIR target", "(0, 1]", v -> v > 0 && v <= 1);
        if (e.fnirRank() != null) {
            wholeNumber("fnir_rank", e.fnirRank(), 1, length);
        }
        thresholds(e.thresholds(), Double::isFinite, "(-infinity, infinity)");
        groupColumns(e.groupColumns());
        intersections(e.intersections(), e.groupColumns());
        if (e.design() != null && !e.megafaceChallenge()) {
            throw document.error(at(EVALUATION, "design"), "expected no design or \""
                    + IdentificationEvaluation.MEGAFACE_C1 + "\", found \"" + e.design() + "\"");
        }
        if (e.megafaceChallenge() != (e.farTargets() != null)) {
            throw document.error(at(EVALUATION, "far_targets"), "expected FAR targets exactly when the design is \""
                    + IdentificationEvaluation.MEGAFACE_C1 + "\"");
        }
        if (e.farTargets() != null) {
            distinctNumbers("far_targets", e.farTargets(), "a FAR target", "(0, 1)", v -> v > 0 && v < 1);
        }
    }

    private void analysis(AnalysisEvaluation e) throws RunDirectoryException {
        failurePolicy(e.failurePolicy(), AnalysisEvaluation.FAILURE_POLICIES);
        JsonPointer attributes = at(EVALUATION, "attributes");
        distinctNames(attributes, e.attributes(), "attribute");
        if (e.attributes().isEmpty()) {
            throw document.error(attributes, "expected at least one attribute");
        }
        for (int i = 0; i < e.attributes().size(); i++) {
            if (!AnalysisEvaluation.ATTRIBUTE_NAME.matcher(e.attributes().get(i)).matches()) {
                throw document.error(LocatedJson.child(attributes, i), "expected an attribute name of letters,"
                        + " digits, '_', '.' and '-', starting with a letter or digit, found \""
                        + e.attributes().get(i) + "\"");
            }
        }
        distinctNumbers("confidence_thresholds", e.confidenceThresholds(), "a confidence threshold", "[0, 1]",
                v -> v >= 0 && v <= 1);
        thresholds(e.thresholds(), v -> v >= 0 && v <= 1, "[0, 1]");
        if (e.ageThresholds() != null) {
            distinctNumbers("age_thresholds", e.ageThresholds(), "an age threshold", "(-infinity, infinity)",
                    Double::isFinite);
        }
        wholeNumber("calibration_bins", e.calibrationBins(), 1, AnalysisEvaluation.MAX_CALIBRATION_BINS);
        groupColumns(e.groupColumns());
        intersections(e.intersections(), e.groupColumns());
    }

    private void failurePolicy(String policy, List<String> allowed) throws RunDirectoryException {
        JsonPointer pointer = at(EVALUATION, "failure_policy");
        String expected = allowed.size() == 1 ? "\"" + allowed.get(0) + "\"" : "one of " + allowed;
        nonEmpty(pointer, policy, expected);
        if (!allowed.contains(policy)) {
            throw document.error(pointer, "unknown failure policy \"" + policy + "\": expected " + expected);
        }
    }

    private void distinctNumbers(String field, List<? extends Number> numbers, String what, String range,
                                 DoublePredicate valid) throws RunDirectoryException {
        JsonPointer pointer = at(EVALUATION, field);
        required(pointer, numbers, "an array of numbers in " + range);
        List<Number> seen = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            JsonPointer element = LocatedJson.child(pointer, i);
            Number value = numbers.get(i);
            if (value == null) {
                throw document.wrongKind(element, "a finite number");
            }
            finite(element, value.doubleValue(), "a finite number");
            if (!valid.test(value.doubleValue())) {
                throw document.error(element, "expected " + what + " in " + range + ", found " + value);
            }
            if (seen.contains(value)) {
                throw document.error(element, "duplicate " + what.replaceFirst("^an? ", "") + " " + value);
            }
            seen.add(value);
        }
    }

    private int wholeNumber(String field, Integer value, int minimum, int maximum) throws RunDirectoryException {
        String expected = "a whole number from " + minimum + " to " + maximum;
        JsonPointer pointer = at(EVALUATION, field);
        required(pointer, value, expected);
        if (value < minimum || value > maximum) {
            throw document.error(pointer, "expected " + expected + ", found " + value);
        }
        return value;
    }

    private void thresholds(List<ThresholdEntry> thresholds, DoublePredicate valid, String range)
            throws RunDirectoryException {
        JsonPointer pointer = at(EVALUATION, "thresholds");
        required(pointer, thresholds, "an array of threshold objects");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < thresholds.size(); i++) {
            JsonPointer element = LocatedJson.child(pointer, i);
            ThresholdEntry threshold = thresholds.get(i);
            if (threshold == null) {
                throw document.wrongKind(element, "an object");
            }
            nonEmpty(at(element, "name"), threshold.name(), "a string");
            if (!names.add(threshold.name())) {
                throw document.error(at(element, "name"), "duplicate threshold name \"" + threshold.name() + "\"");
            }
            double value = finite(at(element, "value"), threshold.value(), "a finite number");
            if (!valid.test(value)) {
                throw document.error(at(element, "value"), "expected a threshold in " + range + ", found " + value);
            }
            nonEmpty(at(element, "source"), threshold.source(), "a string such as \"vendor\"");
        }
    }

    private void groupColumns(List<String> groupColumns) throws RunDirectoryException {
        distinctNames(at(EVALUATION, "group_columns"), groupColumns, "group column");
    }

    private void distinctNames(JsonPointer pointer, List<String> names, String what) throws RunDirectoryException {
        required(pointer, names, "an array of " + what + " names");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            JsonPointer element = LocatedJson.child(pointer, i);
            if (names.get(i) == null) {
                throw document.wrongKind(element, "a non-empty string");
            }
            nonEmpty(element, names.get(i), "a non-empty string");
            if (!seen.add(names.get(i))) {
                throw document.error(element, "duplicate " + what + " \"" + names.get(i) + "\"");
            }
        }
    }

    private void intersections(List<List<String>> intersections, List<String> groupColumns)
            throws RunDirectoryException {
        if (intersections == null) {
            return;
        }
        JsonPointer pointer = at(EVALUATION, "intersections");
        List<List<String>> seen = new ArrayList<>();
        for (int i = 0; i < intersections.size(); i++) {
            JsonPointer intersection = LocatedJson.child(pointer, i);
            List<String> parts = intersections.get(i);
            required(intersection, parts, "an array of group column names");
            if (parts.size() < 2) {
                throw document.error(intersection, "expected at least two group columns, found " + parts.size());
            }
            for (int p = 0; p < parts.size(); p++) {
                JsonPointer part = LocatedJson.child(intersection, p);
                nonEmpty(part, parts.get(p), "a non-empty string");
                if (!groupColumns.contains(parts.get(p))) {
                    throw document.error(part, "unknown group column \"" + parts.get(p) + "\": expected one of "
                            + groupColumns);
                }
                if (parts.subList(0, p).contains(parts.get(p))) {
                    throw document.error(part, "group column \"" + parts.get(p) + "\" appears twice in one"
                            + " intersection");
                }
            }
            if (seen.contains(parts)) {
                throw document.error(intersection, "duplicate intersection " + parts);
            }
            seen.add(parts);
        }
    }

    private void required(JsonPointer pointer, Object value, String expected) throws RunDirectoryException {
        if (value == null) {
            throw document.missing(pointer, expected);
        }
    }

    private void nonEmpty(JsonPointer pointer, String value, String expected) throws RunDirectoryException {
        required(pointer, value, expected);
        if (value.isEmpty()) {
            throw document.wrongKind(pointer, "a non-empty string");
        }
    }

    private double notNaN(JsonPointer pointer, Double value) throws RunDirectoryException {
        required(pointer, value, "a number, \"-Infinity\" or \"Infinity\"");
        if (Double.isNaN(value)) {
            throw document.wrongKind(pointer, "a number, \"-Infinity\" or \"Infinity\"");
        }
        return value;
    }

    private double finite(JsonPointer pointer, Double value, String expected) throws RunDirectoryException {
        required(pointer, value, expected);
        if (!Double.isFinite(value)) {
            throw document.wrongKind(pointer, "a finite number");
        }
        return value;
    }

    private static JsonPointer at(JsonPointer parent, String field) {
        return LocatedJson.child(parent, field);
    }
}
