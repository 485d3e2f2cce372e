package org.touchstone.reports.input;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoublePredicate;
import org.touchstone.reports.verification.NamedThreshold;

/**
 * Reading the fields of {@code run.json}'s {@code evaluation} block that several capabilities share, with
 * the same checks and messages whichever capability reads them.
 */
final class EvaluationFields {
    private EvaluationFields() {
    }

    /**
     * A required array of distinct numbers, each passing a range check.
     *
     * @param evaluation the evaluation object
     * @param field      the field name
     * @param what       what one element is, for messages, e.g. "an FMR target"
     * @param range      the range as written in messages, e.g. "(0, 1]"
     * @param valid      the range check
     */
    static List<Double> distinctNumbers(JsonDocument.Value evaluation, String field, String what, String range,
                                        DoublePredicate valid) throws RunDirectoryException {
        List<Double> numbers = new ArrayList<>();
        for (JsonDocument.Value element : evaluation.required(field, "an array of numbers in " + range)
                .asArray("numbers in " + range)) {
            double value = element.asNumber();
            if (!valid.test(value)) {
                throw element.error("expected " + what + " in " + range + ", found " + value);
            }
            if (numbers.contains(value)) {
                throw element.error("duplicate " + what.replaceFirst("^an? ", "") + " " + value);
            }
            numbers.add(value);
        }
        return numbers;
    }

    /** A required whole number from {@code minimum} to {@code maximum}. */
    static int wholeNumber(JsonDocument.Value evaluation, String field, int minimum, int maximum)
            throws RunDirectoryException {
        String expected = "a whole number from " + minimum + " to " + maximum;
        JsonDocument.Value value = evaluation.required(field, expected);
        double number = value.asNumber();
        if (number != Math.rint(number) || number < minimum || number > maximum) {
            throw value.error("expected " + expected + ", found " + number);
        }
        return (int) number;
    }

    /** The required {@code thresholds} array of named thresholds, names unique. */
    static List<NamedThreshold> namedThresholds(JsonDocument.Value evaluation, DoublePredicate valid, String range)
            throws RunDirectoryException {
        List<NamedThreshold> thresholds = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonDocument.Value threshold : evaluation.required("thresholds", "an array of threshold objects")
                .asArray("threshold objects")) {
            threshold.asObject();
            JsonDocument.Value name = threshold.required("name", "a string");
            if (!names.add(name.asText())) {
                throw name.error("duplicate threshold name \"" + name.asText() + "\"");
            }
            JsonDocument.Value value = threshold.required("value", "a finite number");
            if (!valid.test(value.asNumber())) {
                throw value.error("expected a threshold in " + range + ", found " + value.asNumber());
            }
            String source = threshold.required("source", "a string such as \"vendor\"").asText();
            JsonDocument.Value description = threshold.optional("description");
            thresholds.add(new NamedThreshold(name.asText(), value.asNumber(), source,
                    description == null ? "" : description.asTextOrEmpty()));
        }
        return thresholds;
    }

    /** The required {@code group_columns} array, names unique. */
    static List<String> groupColumns(JsonDocument.Value evaluation) throws RunDirectoryException {
        return distinctNames(evaluation, "group_columns", "group column");
    }

    /** A required array of distinct non-empty strings; {@code what} names one, e.g. "group column". */
    static List<String> distinctNames(JsonDocument.Value evaluation, String field, String what)
            throws RunDirectoryException {
        List<String> names = new ArrayList<>();
        for (JsonDocument.Value name : evaluation.required(field, "an array of " + what + " names")
                .asArray(what + " names")) {
            if (names.contains(name.asText())) {
                throw name.error("duplicate " + what + " \"" + name.asText() + "\"");
            }
            names.add(name.asText());
        }
        return names;
    }

    /**
     * The optional {@code intersections} array: each an array of two or more distinct group columns.
     *
     * @return the intersections, empty when the field is absent
     */
    static List<List<String>> intersections(JsonDocument.Value evaluation, List<String> groupColumns)
            throws RunDirectoryException {
        JsonDocument.Value field = evaluation.optional("intersections");
        List<List<String>> intersections = new ArrayList<>();
        if (field == null) {
            return intersections;
        }
        for (JsonDocument.Value intersection : field.asArray("arrays of group column names")) {
            List<JsonDocument.Value> parts = intersection.asArray("group column names");
            if (parts.size() < 2) {
                throw intersection.error("expected at least two group columns, found " + parts.size());
            }
            List<String> columns = new ArrayList<>();
            for (JsonDocument.Value part : parts) {
                if (!groupColumns.contains(part.asText())) {
                    throw part.error("unknown group column \"" + part.asText() + "\": expected one of " + groupColumns);
                }
                if (columns.contains(part.asText())) {
                    throw part.error("group column \"" + part.asText() + "\" appears twice in one intersection");
                }
                columns.add(part.asText());
            }
            if (intersections.contains(columns)) {
                throw intersection.error("duplicate intersection " + columns);
            }
            intersections.add(List.copyOf(columns));
        }
        return intersections;
    }

    /** The required {@code failure_policy}, which must be one of {@code allowed}. */
    static String failurePolicy(JsonDocument.Value evaluation, List<String> allowed) throws RunDirectoryException {
        String expected = allowed.size() == 1 ? "\"" + allowed.get(0) + "\"" : "one of " + allowed;
        JsonDocument.Value policy = evaluation.required("failure_policy", expected);
        if (!allowed.contains(policy.asText())) {
            throw policy.error("unknown failure policy \"" + policy.asText() + "\": expected " + expected);
        }
        return policy.asText();
    }
}
