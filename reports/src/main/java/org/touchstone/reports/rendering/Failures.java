package org.touchstone.reports.rendering;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.touchstone.reports.input.FailureKey;
import org.touchstone.reports.input.TemplateTable;
import org.touchstone.runformat.columns.TemplatesCsv;

/**
 * The failures every capability's report lists, one count per kind ({@link FailureKey}) out of the records
 * of that kind: metrics.json's {@code failures} array and {@value #TABLE}.
 */
public final class Failures {
    /** The table, relative to the run directory. */
    public static final String TABLE = "tables/failures.csv";
    /**
     * metrics.json's array of the dataset's failures to acquire (records whose code is
     * {@link TemplatesCsv#MISSING_IMAGE_CODE}: an image missing or unreadable, the system never called), present
     * only when there are any, so that they are counted apart from the system's failures.
     */
    public static final String DATASET_KEY = "dataset_failure_to_acquire";

    private Failures() {
    }

    /**
     * A number of failures of one kind out of the records of that kind.
     *
     * @param key   what failed
     * @param count how many
     * @param total how many records of its record type and category there are
     */
    public record Count(FailureKey key, long count, long total) {
    }

    /**
     * Failed templates (per role, out of the templates of that role) and other failures, in
     * {@link FailureKey} order.
     *
     * @param templates the run's templates
     * @param others    failures of other records, by key
     * @param totals    the number of records of each category of {@code others}
     * @return every failure count with its total
     */
    public static List<Count> count(List<TemplateTable.Template> templates, SortedMap<FailureKey, Long> others,
                                    Map<String, Long> totals) {
        SortedMap<FailureKey, Long> counts = new TreeMap<>(others);
        Map<String, Long> allTotals = new LinkedHashMap<>(totals);
        for (TemplateTable.Template template : templates) {
            allTotals.merge(template.role(), 1L, Long::sum);
            if (template.failed()) {
                counts.merge(new FailureKey(FailureKey.TEMPLATE, template.role(), "failed", template.failureCode()),
                        1L, Long::sum);
            }
        }
        return count(counts, allTotals);
    }

    /**
     * Failure counts with their totals, in {@link FailureKey} order.
     *
     * @param counts failures by key
     * @param totals the number of records of each category
     * @return every failure count with its total
     */
    public static List<Count> count(SortedMap<FailureKey, Long> counts, Map<String, Long> totals) {
        List<Count> failures = new ArrayList<>();
        new TreeMap<>(counts).forEach((key, count) -> failures.add(new Count(key, count, totals.get(key.category()))));
        return failures;
    }

    /**
     * Adds metrics.json's {@code failures} array.
     *
     * @param root     the document
     * @param failures the counts
     */
    public static void json(ObjectNode root, List<Count> failures) {
        ArrayNode array = root.putArray("failures");
        for (Count failure : failures) {
            ObjectNode node = array.addObject();
            node.put("record_type", failure.key().recordType());
            node.put("category", failure.key().category());
            node.put("status", failure.key().status());
            node.put("failure_code", failure.key().failureCode());
            node.put("count", failure.count());
            node.put("total", failure.total());
        }
        List<Count> dataset = datasetFailures(failures);
        if (!dataset.isEmpty()) {
            ArrayNode datasetArray = root.putArray(DATASET_KEY);
            for (Count failure : dataset) {
                ObjectNode node = datasetArray.addObject();
                node.put("record_type", failure.key().recordType());
                node.put("category", failure.key().category());
                node.put("status", failure.key().status());
                node.put("count", failure.count());
                node.put("total", failure.total());
            }
        }
    }

    /**
     * The dataset's failures to acquire among the failures: its fault, not the system's.
     *
     * @param failures the counts
     * @return those whose code is {@link TemplatesCsv#MISSING_IMAGE_CODE}, in order
     */
    public static List<Count> datasetFailures(List<Count> failures) {
        String code = TemplatesCsv.MISSING_IMAGE_CODE.name();
        return failures.stream().filter(f -> f.key().failureCode().equals(code)).toList();
    }

    /**
     * The report's line on the dataset's failures to acquire, e.g. "failure to acquire, the dataset's ...:
     * template verification_probe 2 of 200".
     *
     * @param failures the counts
     * @return the line, or empty when the dataset supplied every image
     */
    public static Optional<String> datasetHeadline(List<Count> failures) {
        List<Count> dataset = datasetFailures(failures);
        if (dataset.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (Count failure : dataset) {
            parts.add(failure.key().recordType() + " " + failure.key().category() + " " + failure.count() + " of "
                    + failure.total());
        }
        return Optional.of("failure to acquire, the dataset's (images missing or unreadable; the system was not"
                + " called, and these are not its failures): " + String.join(", ", parts));
    }

    /**
     * {@value #TABLE}: one row per kind of failure.
     *
     * @param failures the counts
     * @return the table
     */
    public static byte[] table(List<Count> failures) {
        List<String> header = List.of("record_type", "category", "status", "failure_code", "count", "total");
        List<List<String>> rows = new ArrayList<>();
        for (Count failure : failures) {
            rows.add(List.of(failure.key().recordType(), failure.key().category(), failure.key().status(),
                    failure.key().failureCode(), String.valueOf(failure.count()), String.valueOf(failure.total())));
        }
        return CsvTables.csv(header, rows);
    }
}
