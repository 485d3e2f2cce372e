package org.touchstone.reports.analysis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.touchstone.reports.attributes.AccuracyCoverageCurve;
import org.touchstone.reports.attributes.Calibration;
import org.touchstone.reports.attributes.ConfusionMatrix;
import org.touchstone.reports.attributes.Decisions;
import org.touchstone.reports.attributes.NumericDecisions;
import org.touchstone.reports.attributes.ThresholdErrors;
import org.touchstone.reports.input.AnalysisData;
import org.touchstone.reports.rendering.CsvTables;
import org.touchstone.reports.rendering.Failures;
import org.touchstone.reports.rendering.Numbers;
import org.touchstone.reports.stats.Proportion;

/**
 * The CSV tables of an analysis report, rendered to bytes. Column meanings are documented in
 * {@code docs/run-directory.md}, "Computed files (analysis)"; an undefined number is an empty cell. Rows
 * over all images have empty {@code group_column} and {@code group} cells.
 */
final class AnalysisTables {
    static final String ATTRIBUTE_THRESHOLDS = "tables/attribute-thresholds.csv";
    static final String GROUPS = "tables/groups.csv";
    static final String CALIBRATION = "tables/calibration.csv";
    static final String AGE = "tables/age.csv";
    static final String AGE_THRESHOLDS = "tables/age-thresholds.csv";
    static final String FAILURE_TO_ACQUIRE = "tables/failure-to-acquire.csv";
    static final String FAILURES = Failures.TABLE;

    /** Least move in coverage or accuracy between rows of tables/accuracy-coverage-*.csv. */
    static final double CURVE_TABLE_STEP = 0.001;

    private static final List<String> DECISION_COLUMNS = List.of("operating_point", "confidence_threshold", "decided",
            "images", "coverage", "coverage_ci95_lower", "coverage_ci95_upper", "coverage_wilson95_lower", "coverage_wilson95_upper", "coverage_upper95", "correct", "accuracy",
            "accuracy_ci95_lower", "accuracy_ci95_upper", "accuracy_wilson95_lower", "accuracy_wilson95_upper", "accuracy_upper95", "estimates_in_mean", "mean_absolute_error");

    private AnalysisTables() {
    }

    /** The per-attribute confusion table of an attribute. */
    static String confusionTable(String attribute) {
        return "tables/confusion-" + attribute + ".csv";
    }

    /** The accuracy/coverage curve table of an attribute. */
    static String accuracyCoverageTable(String attribute) {
        return "tables/accuracy-coverage-" + attribute + ".csv";
    }

    /** The reliability-diagram table of an attribute. */
    static String calibrationTable(String attribute) {
        return "tables/calibration-" + attribute + ".csv";
    }

    /** Renders every table; keys are paths relative to the run directory, in the order written. */
    static Map<String, byte[]> render(AnalysisResults results) {
        Map<String, byte[]> tables = new LinkedHashMap<>();
        tables.put(ATTRIBUTE_THRESHOLDS, attributeThresholds(results));
        tables.put(GROUPS, groups(results));
        tables.put(CALIBRATION, calibrationSummary(results));
        for (AnalysisResults.AttributeResults attribute : results.attributes()) {
            if (attribute.overall() instanceof AnalysisResults.CategoricalResults categorical) {
                tables.put(confusionTable(attribute.name()), confusion(results, categorical));
                tables.put(accuracyCoverageTable(attribute.name()), accuracyCoverage(categorical.curve()));
                tables.put(calibrationTable(attribute.name()), reliability(attribute));
            }
        }
        tables.put(AGE, age(results));
        tables.put(AGE_THRESHOLDS, ageThresholds(results));
        tables.put(FAILURE_TO_ACQUIRE, failureToAcquire(results));
        tables.put(FAILURES, Failures.table(results.failures()));
        return tables;
    }

    private static byte[] attributeThresholds(AnalysisResults results) {
        List<List<String>> rows = new ArrayList<>();
        for (AnalysisResults.AttributeResults attribute : results.attributes()) {
            rows.addAll(decisionRows(results, List.of(attribute.name(), attribute.kind().label()), attribute.overall()));
        }
        List<String> header = new ArrayList<>(List.of("attribute", "kind"));
        header.addAll(DECISION_COLUMNS);
        return CsvTables.csv(header, rows);
    }

    private static byte[] groups(AnalysisResults results) {
        List<List<String>> rows = new ArrayList<>();
        forEachGroup(results.attributes(), false, (prefix, evaluation) -> rows.addAll(decisionRows(results, prefix, evaluation)));
        List<String> header = new ArrayList<>(List.of("attribute", "group_column", "group"));
        header.addAll(DECISION_COLUMNS);
        return CsvTables.csv(header, rows);
    }

    /**
     * Calls back with (attribute, group column, group) cells and the numbers: over all images first (empty
     * group cells) when asked, then for every group, attribute by attribute.
     */
    private static void forEachGroup(List<AnalysisResults.AttributeResults> attributes, boolean overallToo,
                                     BiConsumer<List<String>, AnalysisResults.Evaluation> action) {
        for (AnalysisResults.AttributeResults attribute : attributes) {
            if (overallToo) {
                action.accept(List.of(attribute.name(), "", ""), attribute.overall());
            }
            for (AnalysisResults.GroupColumnResults column : attribute.groupColumns()) {
                for (AnalysisResults.GroupResults group : column.groups()) {
                    action.accept(List.of(attribute.name(), column.column(), group.value()), group.evaluation());
                }
            }
        }
    }

    private static List<List<String>> decisionRows(AnalysisResults results, List<String> prefix,
                                                   AnalysisResults.Evaluation evaluation) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < results.operatingPoints().size(); i++) {
            AnalysisResults.OperatingPoint point = results.operatingPoints().get(i);
            List<String> row = new ArrayList<>(prefix);
            row.add(point.name());
            row.add(Numbers.exact(point.threshold()));
            if (evaluation instanceof AnalysisResults.CategoricalResults categorical) {
                Decisions decisions = categorical.atPoints().get(i);
                row.addAll(CsvTables.proportionCells(decisions.coverage()));
                row.addAll(eventsAndRate(decisions.accuracy()));
                row.addAll(List.of("", ""));
            } else if (evaluation instanceof AnalysisResults.NumericResults numeric) {
                NumericDecisions decisions = numeric.atPoints().get(i);
                row.addAll(CsvTables.proportionCells(decisions.coverage()));
                row.addAll(java.util.Collections.nCopies(eventsAndRate(decisions.coverage()).size(), ""));
                row.add(String.valueOf(decisions.estimates()));
                row.add(Numbers.exact(decisions.meanAbsoluteError()));
            }
            rows.add(row);
        }
        return rows;
    }

    private static byte[] confusion(AnalysisResults results, AnalysisResults.CategoricalResults categorical) {
        List<String> labels = categorical.attribute().labels();
        List<String> header = new ArrayList<>(List.of("operating_point", "confidence_threshold", "truth"));
        // Prefixed so that no label can collide with the undecided and failed columns.
        labels.forEach(label -> header.add("estimate:" + label));
        header.addAll(List.of("undecided", "failed"));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < results.operatingPoints().size(); i++) {
            AnalysisResults.OperatingPoint point = results.operatingPoints().get(i);
            ConfusionMatrix matrix = categorical.confusions().get(i);
            for (int t = 0; t < labels.size(); t++) {
                List<String> row = new ArrayList<>(List.of(point.name(), Numbers.exact(point.threshold()), labels.get(t)));
                for (long count : matrix.counts()[t]) {
                    row.add(String.valueOf(count));
                }
                row.add(String.valueOf(matrix.undecided()[t]));
                row.add(String.valueOf(matrix.failed()[t]));
                rows.add(row);
            }
        }
        return CsvTables.csv(header, rows);
    }

    private static byte[] accuracyCoverage(AccuracyCoverageCurve curve) {
        AccuracyCoverageCurve thinned = curve.thin(CURVE_TABLE_STEP);
        List<List<String>> rows = new ArrayList<>();
        for (AccuracyCoverageCurve.Point point : thinned.points()) {
            rows.add(List.of(Numbers.exact(point.threshold()), String.valueOf(point.decided()),
                    String.valueOf(thinned.images()), Numbers.exact(thinned.coverage(point)),
                    String.valueOf(point.correct()), Numbers.exact(thinned.accuracy(point))));
        }
        return CsvTables.csv(List.of("confidence_threshold", "decided", "images", "coverage", "correct", "accuracy"), rows);
    }

    private static byte[] reliability(AnalysisResults.AttributeResults attribute) {
        List<List<String>> rows = new ArrayList<>();
        forEachGroup(List.of(attribute), true, (prefix, evaluation) -> {
            for (Calibration.Bin bin : ((AnalysisResults.CategoricalResults) evaluation).calibration().bins()) {
                List<String> row = new ArrayList<>(prefix);
                row.addAll(List.of(String.valueOf(bin.index()), Numbers.exact(bin.lower()), Numbers.exact(bin.upper()),
                        Numbers.exact(bin.meanConfidence())));
                row.addAll(CsvTables.proportionCells(bin.accuracy()));
                rows.add(row);
            }
        });
        return CsvTables.csv(List.of("attribute", "group_column", "group", "bin", "lower", "upper", "mean_confidence",
                "correct", "estimates", "accuracy", "accuracy_ci95_lower", "accuracy_ci95_upper", "accuracy_wilson95_lower", "accuracy_wilson95_upper", "accuracy_upper95"), rows);
    }

    private static byte[] calibrationSummary(AnalysisResults results) {
        List<List<String>> rows = new ArrayList<>();
        forEachGroup(results.attributes(), true, (prefix, evaluation) -> {
            if (evaluation instanceof AnalysisResults.CategoricalResults categorical) {
                Calibration calibration = categorical.calibration();
                List<String> row = new ArrayList<>(prefix);
                row.addAll(List.of(String.valueOf(calibration.estimates()), Numbers.exact(calibration.ece()),
                        Numbers.exact(calibration.mce()), Numbers.exact(calibration.brier()),
                        Numbers.exact(AnalysisResults.HIGH_CONFIDENCE)));
                row.addAll(CsvTables.proportionCells(categorical.highConfidence()));
                rows.add(row);
            }
        });
        return CsvTables.csv(List.of("attribute", "group_column", "group", "estimates", "ece", "mce", "brier",
                "high_confidence_threshold", "high_confidence_correct", "high_confidence_estimates",
                "high_confidence_accuracy", "high_confidence_accuracy_ci95_lower",
                "high_confidence_accuracy_ci95_upper", "high_confidence_accuracy_wilson95_lower", "high_confidence_accuracy_wilson95_upper", "high_confidence_accuracy_upper95"), rows);
    }

    private static byte[] age(AnalysisResults results) {
        List<List<String>> rows = new ArrayList<>();
        forEachGroup(results.attributes(), true, (prefix, evaluation) -> {
            if (evaluation instanceof AnalysisResults.NumericResults numeric) {
                List<String> row = new ArrayList<>(prefix);
                row.addAll(List.of(String.valueOf(numeric.attribute().images()),
                        String.valueOf(numeric.attribute().failedImages()), String.valueOf(numeric.all().estimates()),
                        Numbers.exact(numeric.all().meanAbsoluteError())));
                rows.add(row);
            }
        });
        return CsvTables.csv(List.of("attribute", "group_column", "group", "images", "failed_images", "estimates",
                "mean_absolute_error"), rows);
    }

    private static byte[] ageThresholds(AnalysisResults results) {
        List<List<String>> rows = new ArrayList<>();
        forEachGroup(results.attributes(), true, (prefix, evaluation) -> {
            if (evaluation instanceof AnalysisResults.NumericResults numeric) {
                for (ThresholdErrors errors : numeric.thresholdErrors()) {
                    List<String> row = new ArrayList<>(prefix);
                    row.add(Numbers.exact(errors.threshold()));
                    row.addAll(CsvTables.proportionCells(errors.over()));
                    row.addAll(CsvTables.proportionCells(errors.under()));
                    rows.add(row);
                }
            }
        });
        return CsvTables.csv(List.of("attribute", "group_column", "group", "age_threshold", "over_errors",
                "truth_below_threshold", "over_error_rate", "over_error_rate_ci95_lower",
                "over_error_rate_ci95_upper", "over_error_rate_wilson95_lower", "over_error_rate_wilson95_upper", "over_error_rate_upper95", "under_errors", "truth_at_or_above_threshold", "under_error_rate",
                "under_error_rate_ci95_lower", "under_error_rate_ci95_upper", "under_error_rate_wilson95_lower", "under_error_rate_wilson95_upper", "under_error_rate_upper95"), rows);
    }

    private static byte[] failureToAcquire(AnalysisResults results) {
        List<List<String>> rows = new ArrayList<>();
        for (String status : List.of(AnalysisData.NO_FACE, AnalysisData.FAILED)) {
            rows.add(statusRow(status, "", "", results.acquisition().get(status)));
            for (AnalysisResults.AcquisitionColumn column : results.acquisitionGroups()) {
                column.groups().forEach((value, rates) -> rows.add(statusRow(status, column.column(), value,
                        rates.get(status))));
            }
        }
        // Status first: Commons CSV quotes an empty first field, and overall rows have no group.
        return CsvTables.csv(List.of("status", "group_column", "group", "failed_images", "images", "rate",
                "rate_ci95_lower", "rate_ci95_upper", "rate_wilson95_lower", "rate_wilson95_upper", "rate_upper95"), rows);
    }

    private static List<String> statusRow(String status, String column, String group, Proportion rate) {
        List<String> row = new ArrayList<>(List.of(status, column, group));
        row.addAll(CsvTables.proportionCells(rate));
        return row;
    }

    /** A proportion's cells without its trials, which are already in the row. */
    private static List<String> eventsAndRate(Proportion proportion) {
        List<String> cells = new ArrayList<>(CsvTables.proportionCells(proportion));
        cells.remove(1);
        return cells;
    }
}
