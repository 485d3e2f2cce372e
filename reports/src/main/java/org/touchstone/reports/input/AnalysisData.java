package org.touchstone.reports.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.touchstone.reports.attributes.AttributeKind;

/**
 * The analyses and attribute estimates of an analysis run ({@code analyses.csv}, {@code estimates.csv}),
 * validated against each other and the evaluated attributes.
 *
 * <p>An attribute's kind comes from its estimates: labels make it categorical, values numeric (mixing both
 * is an error). An attribute with no estimate at all is numeric when every known true value is a decimal
 * number, else categorical. The true values of a numeric attribute must be decimal numbers.
 */
public final class AnalysisData {
    /** Status of an analysis that found a face. */
    public static final String OK = "ok";
    /** Status of an analysis that found no face: a failure to acquire. */
    public static final String NO_FACE = "no_face";
    /** Status of an analysis whose call failed. */
    public static final String FAILED = "failed";
    private static final List<String> STATUSES = List.of(OK, NO_FACE, FAILED);
    private static final String LABEL_PREFIX = "label:";
    private static final String GROUP_PREFIX = "group:";

    /**
     * One row of {@code analyses.csv}.
     *
     * @param index       0-based position in the file
     * @param sampleId    the image
     * @param subjectId   the subject it shows
     * @param status      {@link #OK}, {@link #NO_FACE} or {@link #FAILED}
     * @param failureCode empty when ok
     */
    public record Image(int index, String sampleId, String subjectId, String status, String failureCode) {
        /**
         * Whether the analysis failed (no face, or the call failed).
         *
         * @return status is not ok
         */
        public boolean failed() {
            return !status.equals(OK);
        }
    }

    /**
     * One row of {@code estimates.csv}.
     *
     * @param label      the estimated label of a categorical attribute, null for a numeric one
     * @param value      the estimated value of a numeric attribute, NaN for a categorical one
     * @param confidence in [0, 1]
     */
    public record Estimate(String label, double value, double confidence) {
    }

    private final List<Image> images;
    private final List<String> attributes;
    private final List<AttributeKind> kinds;
    /** truths[attribute][image]: the true label or value as written, empty when unknown. */
    private final String[][] truths;
    /** estimates[attribute][image], null where there is none. */
    private final Estimate[][] estimates;
    private final GroupAssignment groups;
    private final SortedMap<FailureKey, Long> failures;

    private AnalysisData(List<Image> images, List<String> attributes, List<AttributeKind> kinds, String[][] truths,
                         Estimate[][] estimates, GroupAssignment groups, SortedMap<FailureKey, Long> failures) {
        this.images = images;
        this.attributes = attributes;
        this.kinds = kinds;
        this.truths = truths;
        this.estimates = estimates;
        this.groups = groups;
        this.failures = failures;
    }

    /**
     * Every image, in file order.
     *
     * @return the images
     */
    public List<Image> images() {
        return images;
    }

    /**
     * The evaluated attributes, in run.json order.
     *
     * @return attribute names
     */
    public List<String> attributes() {
        return attributes;
    }

    /**
     * An attribute's kind.
     *
     * @param attribute index into {@link #attributes()}
     * @return categorical or numeric
     */
    public AttributeKind kind(int attribute) {
        return kinds.get(attribute);
    }

    /**
     * The true label of a categorical attribute, or the true value of a numeric one as written.
     *
     * @param attribute index into {@link #attributes()}
     * @param image     index into {@link #images()}
     * @return the truth, empty when unknown
     */
    public String truth(int attribute, int image) {
        return truths[attribute][image];
    }

    /**
     * The estimate of an attribute for an image's first face.
     *
     * @param attribute index into {@link #attributes()}
     * @param image     index into {@link #images()}
     * @return the estimate, or null when there is none
     */
    public Estimate estimate(int attribute, int image) {
        return estimates[attribute][image];
    }

    /**
     * The images' groups, per group column and intersection.
     *
     * @return the assignment; record i is image i
     */
    public GroupAssignment groups() {
        return groups;
    }

    /**
     * Failed analyses by status and failure code.
     *
     * @return the counts, in {@link FailureKey} order
     */
    public SortedMap<FailureKey, Long> failures() {
        return failures;
    }

    /**
     * Reads and validates the two files.
     *
     * @param runDir   the run directory
     * @param settings the run's analysis settings
     * @return the analyses
     * @throws RunDirectoryException when a file breaks the contract: a missing column, a malformed field, a
     *                               duplicate image or estimate, an estimate of an unknown image, of a failed
     *                               analysis or of an attribute not evaluated, a label where a value is
     *                               expected or the reverse, a confidence outside [0, 1]
     * @throws IOException           when a file cannot be read
     */
    public static AnalysisData read(Path runDir, AnalysisRunSettings settings) throws IOException {
        Path analysesFile = runDir.resolve("analyses.csv");
        List<String> attributes = settings.attributes();
        List<Image> images = new ArrayList<>();
        List<String[]> truthRows = new ArrayList<>();
        List<String[]> groupRows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        Map<String, Image> bySample = new HashMap<>();
        SortedMap<FailureKey, Long> failures = new TreeMap<>();
        int[] truthColumns;
        List<String> required = new ArrayList<>(List.of("sample_id", "subject_id", "status", "failure_code"));
        attributes.forEach(attribute -> required.add(LABEL_PREFIX + attribute));
        settings.groupColumns().forEach(column -> required.add(GROUP_PREFIX + column));
        try (CsvTable table = CsvTable.open(analysesFile, required)) {
            int sample = table.column("sample_id");
            int subject = table.column("subject_id");
            int status = table.column("status");
            int code = table.column("failure_code");
            truthColumns = attributes.stream().mapToInt(a -> table.column(LABEL_PREFIX + a)).toArray();
            int[] groupColumns = settings.groupColumns().stream().mapToInt(c -> table.column(GROUP_PREFIX + c)).toArray();
            while (table.next()) {
                String sampleId = table.nonEmpty(sample);
                if (!STATUSES.contains(table.get(status))) {
                    throw table.error(status, "expected one of " + STATUSES + ", found \"" + table.get(status) + "\"");
                }
                boolean failed = !table.get(status).equals(OK);
                table.requireCodeExactlyWhenFailed(code, failed, table.get(status));
                Image image = new Image(images.size(), sampleId, table.nonEmpty(subject), table.get(status),
                        table.get(code));
                Image previous = bySample.putIfAbsent(sampleId, image);
                if (previous != null) {
                    throw table.error(sample, "duplicate sample \"" + sampleId + "\", first on line "
                            + lines.get(previous.index()));
                }
                if (failed) {
                    failures.merge(new FailureKey(FailureKey.ANALYSIS, FailureKey.IMAGE, image.status(),
                            image.failureCode()), 1L, Long::sum);
                }
                images.add(image);
                lines.add(table.line());
                truthRows.add(cells(table, truthColumns));
                groupRows.add(cells(table, groupColumns));
            }
        }

        String[][] truths = new String[attributes.size()][images.size()];
        for (int i = 0; i < images.size(); i++) {
            for (int a = 0; a < attributes.size(); a++) {
                truths[a][i] = truthRows.get(i)[a];
            }
        }
        Estimate[][] estimates = new Estimate[attributes.size()][images.size()];
        AttributeKind[] kinds = readEstimates(runDir.resolve("estimates.csv"), attributes, bySample, estimates);
        for (int a = 0; a < attributes.size(); a++) {
            if (kinds[a] == null) {
                kinds[a] = allNumbers(truths[a]) ? AttributeKind.NUMERIC : AttributeKind.CATEGORICAL;
            }
            if (kinds[a] == AttributeKind.NUMERIC) {
                for (int i = 0; i < images.size(); i++) {
                    if (!truths[a][i].isEmpty() && Double.isNaN(CsvTable.parseFiniteDecimal(truths[a][i]))) {
                        throw new RunDirectoryException(analysesFile, lines.get(i), truthColumns[a] + 1L,
                                LABEL_PREFIX + attributes.get(a), "attribute " + attributes.get(a)
                                + " is numeric (its estimates are values), so its truth must be a finite decimal"
                                + " number or empty, found \"" + truths[a][i] + "\"");
                    }
                }
            }
        }
        GroupAssignment groups = GroupAssignment.of(settings.groupColumns(), groupRows, settings.intersections());
        return new AnalysisData(List.copyOf(images), attributes, List.of(kinds), truths, estimates, groups,
                Collections.unmodifiableSortedMap(failures));
    }

    /** Reads estimates.csv into {@code estimates}; returns each attribute's kind, null where it has no estimate. */
    private static AttributeKind[] readEstimates(Path file, List<String> attributes, Map<String, Image> bySample,
                                                 Estimate[][] estimates) throws IOException {
        AttributeKind[] kinds = new AttributeKind[attributes.size()];
        long[] kindLines = new long[attributes.size()];
        Map<String, Integer> attributeIndex = new HashMap<>();
        for (int a = 0; a < attributes.size(); a++) {
            attributeIndex.put(attributes.get(a), a);
        }
        Map<Long, Long> lines = new HashMap<>();
        try (CsvTable table = CsvTable.open(file, List.of("sample_id", "attribute", "label", "value", "confidence"))) {
            int sample = table.column("sample_id");
            int attributeColumn = table.column("attribute");
            int labelColumn = table.column("label");
            int valueColumn = table.column("value");
            int confidenceColumn = table.column("confidence");
            while (table.next()) {
                Image image = bySample.get(table.get(sample));
                if (image == null) {
                    throw table.error(sample, "unknown sample \"" + table.get(sample) + "\": analyses.csv has no such sample_id");
                }
                if (image.failed()) {
                    throw table.error(sample, "sample " + image.sampleId() + " has status " + image.status()
                            + " in analyses.csv: it has no estimates");
                }
                Integer attribute = attributeIndex.get(table.get(attributeColumn));
                if (attribute == null) {
                    throw table.error(attributeColumn, "attribute \"" + table.get(attributeColumn)
                            + "\" is not evaluated: run.json's evaluation.attributes are " + attributes);
                }
                Long previous = lines.putIfAbsent(((long) attribute << 32) | image.index(), table.line());
                if (previous != null) {
                    throw table.error(attributeColumn, "a second estimate of " + attributes.get(attribute) + " for sample "
                            + image.sampleId() + ", first on line " + previous);
                }
                boolean hasLabel = !table.get(labelColumn).isEmpty();
                boolean hasValue = !table.get(valueColumn).isEmpty();
                if (hasLabel == hasValue) {
                    throw table.error(hasLabel ? valueColumn : labelColumn, "expected exactly one of label (categorical)"
                            + " and value (numeric)");
                }
                AttributeKind kind = hasLabel ? AttributeKind.CATEGORICAL : AttributeKind.NUMERIC;
                if (kinds[attribute] == null) {
                    kinds[attribute] = kind;
                    kindLines[attribute] = table.line();
                } else if (kinds[attribute] != kind) {
                    throw table.error(hasLabel ? labelColumn : valueColumn, "attribute " + attributes.get(attribute)
                            + " is " + kinds[attribute].label() + " (line " + kindLines[attribute] + "), but this row gives a "
                            + (hasLabel ? "label" : "value"));
                }
                double confidence = table.finiteDecimal(confidenceColumn);
                if (!(confidence >= 0 && confidence <= 1)) {
                    throw table.error(confidenceColumn, "expected a confidence in [0, 1], found " + confidence);
                }
                estimates[attribute][image.index()] = hasLabel
                        ? new Estimate(table.get(labelColumn), Double.NaN, confidence)
                        : new Estimate(null, table.finiteDecimal(valueColumn), confidence);
            }
        }
        return kinds;
    }

    private static String[] cells(CsvTable table, int[] columns) {
        String[] cells = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            cells[i] = table.get(columns[i]);
        }
        return cells;
    }

    private static boolean allNumbers(String[] truths) {
        boolean any = false;
        for (String truth : truths) {
            if (!truth.isEmpty()) {
                if (Double.isNaN(CsvTable.parseFiniteDecimal(truth))) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }
}
