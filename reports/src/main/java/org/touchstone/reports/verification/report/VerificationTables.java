package org.touchstone.reports.verification.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touchstone.reports.differentials.GroupComparisons;
import org.touchstone.reports.differentials.GroupKey;
import org.touchstone.reports.differentials.RateRatios;
import org.touchstone.reports.rendering.CsvTables;
import org.touchstone.reports.rendering.FailureToEnrol;
import org.touchstone.reports.rendering.Failures;
import org.touchstone.reports.rendering.MetricsJson;
import org.touchstone.reports.rendering.Numbers;
import org.touchstone.reports.stats.ConfidenceInterval;
import org.touchstone.reports.verification.DetCurve;
import org.touchstone.reports.verification.ErrorRates;
import org.touchstone.reports.verification.FmrOperatingPoint;
import org.touchstone.reports.verification.ScoreHistogram;
import org.touchstone.reports.verification.SubjectBootstrap;

/**
 * The CSV tables of a verification report (or of a score file's), rendered to bytes. Column meanings are documented in
 * {@code docs/run-directory.md}; an undefined number (a rate with no trials) is an empty cell.
 */
final class VerificationTables {
    static final String OPERATING_POINTS = "tables/operating-points.csv";
    static final String VENDOR_THRESHOLDS = "tables/vendor-thresholds.csv";
    static final String DET = "tables/det.csv";
    static final String GROUPS = "tables/groups.csv";
    static final String FAILURE_TO_ENROL = FailureToEnrol.TABLE;
    static final String FAILURES = Failures.TABLE;
    static final String CROSS_GROUP_FMR = "tables/cross-group-fmr.csv";
    static final String DIFFERENTIALS = "tables/differentials.csv";
    static final String GROUP_TESTS = "tables/group-tests.csv";
    static final String SCORE_HISTOGRAM = "tables/score-histogram.csv";
    /** Every table this class writes, in the order written. */
    static final List<String> ALL = List.of(OPERATING_POINTS, VENDOR_THRESHOLDS, DET, GROUPS, FAILURE_TO_ENROL, FAILURES,
            CROSS_GROUP_FMR, DIFFERENTIALS, GROUP_TESTS, SCORE_HISTOGRAM);

    private static final List<String> RATE_COLUMNS = List.of("threshold",
            "false_matches", "impostor_comparisons", "fmr", "fmr_ci95_lower", "fmr_ci95_upper", "fmr_wilson95_lower",
            "fmr_wilson95_upper", "fmr_upper95",
            "false_non_matches", "genuine_comparisons", "fnmr", "fnmr_ci95_lower", "fnmr_ci95_upper",
            "fnmr_wilson95_lower", "fnmr_wilson95_upper", "fnmr_upper95");
    private static final List<String> BOOTSTRAP_COLUMNS = List.of("fmr_bootstrap95_lower", "fmr_bootstrap95_upper",
            "fnmr_bootstrap95_lower", "fnmr_bootstrap95_upper");

    private VerificationTables() {
    }

    /** Renders every table; keys are paths relative to the run directory, in {@link #ALL} order. */
    static Map<String, byte[]> render(VerificationResults results) {
        Map<String, byte[]> tables = new LinkedHashMap<>();
        tables.put(OPERATING_POINTS, operatingPoints(results));
        tables.put(VENDOR_THRESHOLDS, thresholds(results));
        tables.put(DET, det(results.det()));
        tables.put(GROUPS, groups(results));
        tables.put(FAILURE_TO_ENROL, failureToEnrol(results));
        tables.put(FAILURES, Failures.table(results.failures()));
        tables.put(CROSS_GROUP_FMR, crossGroupFmr(results));
        tables.put(DIFFERENTIALS, differentials(results));
        tables.put(GROUP_TESTS, groupTests(results));
        tables.put(SCORE_HISTOGRAM, scoreHistogram(results));
        return tables;
    }

    private static byte[] operatingPoints(VerificationResults results) {
        List<String> header = new ArrayList<>(List.of("fmr_target", "supported", "min_impostor_comparisons",
                "threshold_origin"));
        header.addAll(RATE_COLUMNS);
        header.addAll(BOOTSTRAP_COLUMNS);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < results.fmrPoints().size(); i++) {
            FmrOperatingPoint point = results.fmrPoints().get(i);
            List<String> row = new ArrayList<>(List.of(Numbers.exact(point.fmrTarget()), String.valueOf(point.supported()),
                    String.valueOf(point.minimumImpostorComparisons()), MetricsJson.origin(point.thresholdOrigin())));
            row.addAll(rateCells(point.rates()));
            row.addAll(bootstrapCells(point.rates() == null || results.bootstrap() == null ? null
                    : results.bootstrap().fmrTargets().get(i)));
            rows.add(row);
        }
        return CsvTables.csv(header, rows);
    }

    private static byte[] thresholds(VerificationResults results) {
        List<String> header = new ArrayList<>(List.of("name", "source", "description"));
        header.addAll(RATE_COLUMNS);
        header.addAll(BOOTSTRAP_COLUMNS);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < results.thresholdPoints().size(); i++) {
            VerificationResults.ThresholdPoint point = results.thresholdPoints().get(i);
            List<String> row = new ArrayList<>(List.of(point.threshold().name(), point.threshold().source(),
                    point.threshold().description()));
            row.addAll(rateCells(point.rates()));
            row.addAll(bootstrapCells(results.bootstrap() == null ? null : results.bootstrap().fixed().get(i)));
            rows.add(row);
        }
        return CsvTables.csv(header, rows);
    }

    private static byte[] det(DetCurve det) {
        List<String> header = List.of("threshold", "fmr", "fnmr", "false_matches", "impostor_comparisons",
                "false_non_matches", "genuine_comparisons");
        List<List<String>> rows = new ArrayList<>();
        for (DetCurve.Point point : det.points()) {
            rows.add(List.of(Numbers.exact(point.threshold()), Numbers.exact(det.fmr(point)), Numbers.exact(det.fnmr(point)),
                    String.valueOf(point.falseMatches()), String.valueOf(det.impostorComparisons()),
                    String.valueOf(point.falseNonMatches()), String.valueOf(det.genuineComparisons())));
        }
        return CsvTables.csv(header, rows);
    }

    private static byte[] groups(VerificationResults results) {
        List<String> header = new ArrayList<>(List.of("group_column", "group", "operating_point", "fmr_target",
                "supported"));
        header.addAll(RATE_COLUMNS);
        header.addAll(List.of("fnmr_bootstrap95_lower", "fnmr_bootstrap95_upper"));
        List<List<String>> rows = new ArrayList<>();
        for (VerificationResults.GroupingResults column : results.groupings()) {
            for (VerificationResults.GroupResults group : column.groups()) {
                for (int i = 0; i < results.fmrPoints().size(); i++) {
                    FmrOperatingPoint point = results.fmrPoints().get(i);
                    List<String> row = new ArrayList<>(List.of(column.label(), group.value(),
                            VerificationJson.fmrTargetName(point.fmrTarget()), Numbers.exact(point.fmrTarget()),
                            String.valueOf(VerificationJson.supportedIn(group.scores(), point))));
                    row.addAll(rateCells(group.atFmrPoints().get(i)));
                    row.addAll(intervalCells(group.fnmrBootstrapAtFmrPoints().get(i)));
                    rows.add(row);
                }
                for (int i = 0; i < results.thresholdPoints().size(); i++) {
                    List<String> row = new ArrayList<>(List.of(column.label(), group.value(),
                            MetricsJson.thresholdName(results.thresholdPoints().get(i).threshold()), "", ""));
                    row.addAll(rateCells(group.atThresholds().get(i)));
                    row.addAll(intervalCells(group.fnmrBootstrapAtThresholds().get(i)));
                    rows.add(row);
                }
            }
        }
        return CsvTables.csv(header, rows);
    }

    private static byte[] failureToEnrol(VerificationResults results) {
        List<FailureToEnrol.Group> groups = new ArrayList<>();
        for (VerificationResults.GroupingResults column : results.groupings()) {
            for (VerificationResults.GroupResults group : column.groups()) {
                groups.add(new FailureToEnrol.Group(column.label(), group.value(), group.fteByRole()));
            }
        }
        return FailureToEnrol.table(results.fteByRole(), groups);
    }

    /** The {@link #RATE_COLUMNS} cells; all empty when there is no threshold. */
    private static List<String> rateCells(ErrorRates rates) {
        List<String> cells = new ArrayList<>();
        if (rates == null) {
            RATE_COLUMNS.forEach(column -> cells.add(""));
            return cells;
        }
        cells.add(Numbers.exact(rates.threshold()));
        cells.addAll(CsvTables.proportionCells(rates.fmr()));
        cells.addAll(CsvTables.proportionCells(rates.fnmr()));
        return cells;
    }

    /** The {@link #BOOTSTRAP_COLUMNS} cells; empty where there is no interval. */
    private static List<String> bootstrapCells(SubjectBootstrap.Intervals intervals) {
        List<String> cells = new ArrayList<>(intervalCells(intervals == null ? null : intervals.fmr()));
        cells.addAll(intervalCells(intervals == null ? null : intervals.fnmr()));
        return cells;
    }

    /** Lower and upper bound, or two empty cells. */
    private static List<String> intervalCells(ConfidenceInterval ci) {
        return ci == null ? List.of("", "") : List.of(Numbers.exact(ci.lower()), Numbers.exact(ci.upper()));
    }

    private static byte[] crossGroupFmr(VerificationResults results) {
        List<String> header = List.of("group_column", "operating_point", "threshold", "enrolment_group", "probe_group",
                "false_matches", "impostor_comparisons", "fmr", "fmr_ci95_lower", "fmr_ci95_upper", "fmr_wilson95_lower",
                "fmr_wilson95_upper", "fmr_upper95");
        List<List<String>> rows = new ArrayList<>();
        for (VerificationResults.CrossGroupResults matrix : results.crossGroups()) {
            int k = matrix.values().size();
            for (int p = 0; p < matrix.points().size(); p++) {
                for (int cell = 0; cell < k * k; cell++) {
                    List<String> row = new ArrayList<>(List.of(matrix.column(), matrix.points().get(p).name(),
                            Numbers.exact(matrix.points().get(p).threshold()), matrix.values().get(cell / k),
                            matrix.values().get(cell % k)));
                    row.addAll(CsvTables.proportionCells(matrix.fmr().get(p).get(cell)));
                    rows.add(row);
                }
            }
        }
        return CsvTables.csv(header, rows);
    }

    private static byte[] differentials(VerificationResults results) {
        List<String> header = new ArrayList<>(List.of("group_column", "operating_point", "threshold"));
        for (String metric : List.of("fmr", "fnmr")) {
            header.addAll(List.of(metric + "_groups_used", metric + "_highest_group", metric + "_lowest_group",
                    metric + "_max_over_min", metric + "_max_over_geometric_mean", metric + "_zero_rate_groups",
                    metric + "_chi_square", metric + "_chi_square_p_value"));
        }
        header.addAll(List.of("zero_rate_handling", "fdr", "fdr_max_fmr_gap", "fdr_max_fnmr_gap", "garbe", "gini_fmr",
                "gini_fnmr"));
        List<List<String>> rows = new ArrayList<>();
        for (VerificationResults.Differential differential : results.differentials()) {
            List<String> row = new ArrayList<>(List.of(differential.grouping(), differential.point().name(),
                    Numbers.exact(differential.point().threshold())));
            for (Object[] metric : new Object[][] {{differential.fmrRatios(), differential.fmrTests()},
                {differential.fnmrRatios(), differential.fnmrTests()}}) {
                RateRatios ratios = (RateRatios) metric[0];
                GroupComparisons tests = (GroupComparisons) metric[1];
                row.addAll(List.of(String.valueOf(ratios.groupsUsed()),
                        ratios.highest() == null ? "" : ratios.highest().valuesLabel(),
                        ratios.lowest() == null ? "" : ratios.lowest().valuesLabel(),
                        Numbers.exact(ratios.maxOverMin()), Numbers.exact(ratios.maxOverGeometricMean()),
                        String.join(";", ratios.zeroRateGroups().stream().map(GroupKey::valuesLabel).toList()),
                        Numbers.exact(tests.overall().result().statistic()),
                        Numbers.exact(tests.overall().result().pValue())));
            }
            row.addAll(List.of(differential.fmrRatios().handling().label(), Numbers.exact(differential.fdr().fdr()),
                    Numbers.exact(differential.fdr().maxFmrGap()), Numbers.exact(differential.fdr().maxFnmrGap()),
                    Numbers.exact(differential.garbe().garbe()), Numbers.exact(differential.garbe().giniFmr()),
                    Numbers.exact(differential.garbe().giniFnmr())));
            rows.add(row);
        }
        return CsvTables.csv(header, rows);
    }

    /** The histogram drawn in figures/score-distributions, as counts. */
    private static byte[] scoreHistogram(VerificationResults results) {
        ScoreHistogram histogram = ScoreHistogram.of(results.all(), VerificationFigures.HISTOGRAM_BINS);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < histogram.genuineCounts().length; i++) {
            rows.add(List.of(Numbers.exact(histogram.edges()[i]), Numbers.exact(histogram.edges()[i + 1]),
                    String.valueOf(histogram.genuineCounts()[i]), String.valueOf(histogram.impostorCounts()[i])));
        }
        return CsvTables.csv(List.of("bin_lower", "bin_upper", "genuine_scores", "impostor_scores"), rows);
    }

    private static byte[] groupTests(VerificationResults results) {
        List<String> header = List.of("group_column", "operating_point", "threshold", "metric", "first_group",
                "second_group", "first_events", "first_trials", "first_rate", "second_events", "second_trials",
                "second_rate", "z", "p_value", "p_adjusted", "correction", "significant", "mdd_base_rate",
                "mdd_detectable_rise_to", "mdd_corrected_detectable_rise_to", "equivalence_margin",
                "equivalence_p_value", "equivalent");
        List<List<String>> rows = new ArrayList<>();
        for (VerificationResults.Differential differential : results.differentials()) {
            for (GroupComparisons tests : List.of(differential.fmrTests(), differential.fnmrTests())) {
                for (GroupComparisons.Pair pair : tests.pairs()) {
                    rows.add(List.of(differential.grouping(), differential.point().name(),
                            Numbers.exact(differential.point().threshold()), tests.metric(), pair.first().valuesLabel(),
                            pair.second().valuesLabel(), String.valueOf(pair.firstRate().events()),
                            String.valueOf(pair.firstRate().trials()), Numbers.exact(pair.firstRate().rate()),
                            String.valueOf(pair.secondRate().events()), String.valueOf(pair.secondRate().trials()),
                            Numbers.exact(pair.secondRate().rate()), Numbers.exact(pair.test().statistic()),
                            Numbers.exact(pair.test().pValue()), Numbers.exact(pair.adjustedPValue()),
                            tests.correction().label(), String.valueOf(pair.significant()),
                            Numbers.exact(pair.detectable().baseRate()), Numbers.exact(pair.detectable().detectableRise()),
                            Numbers.exact(pair.detectableCorrected().detectableRise()),
                            pair.equivalence() == null ? "" : Numbers.exact(pair.equivalence().margin()),
                            pair.equivalence() == null ? "" : Numbers.exact(pair.equivalence().pValue()),
                            pair.equivalence() == null ? "" : String.valueOf(pair.equivalence().equivalent())));
                }
            }
        }
        return CsvTables.csv(header, rows);
    }
}
