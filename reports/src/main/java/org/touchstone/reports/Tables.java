package org.touchstone.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.touchstone.reports.stats.ConfidenceInterval;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.reports.verification.DetCurve;
import org.touchstone.reports.verification.ErrorRates;
import org.touchstone.reports.verification.FmrOperatingPoint;

/**
 * The CSV tables of a verification report, rendered to bytes. Column meanings are documented in
 * {@code docs/run-directory.md}; an undefined number (a rate with no trials) is an empty cell.
 */
final class Tables {
    static final String OPERATING_POINTS = "tables/operating-points.csv";
    static final String VENDOR_THRESHOLDS = "tables/vendor-thresholds.csv";
    static final String DET = "tables/det.csv";
    static final String GROUPS = "tables/groups.csv";
    static final String FAILURE_TO_ENROL = "tables/failure-to-enrol.csv";
    static final String FAILURES = "tables/failures.csv";
    /** Every table this class writes, in the order written. */
    static final List<String> ALL = List.of(OPERATING_POINTS, VENDOR_THRESHOLDS, DET, GROUPS, FAILURE_TO_ENROL, FAILURES);

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    private static final List<String> RATE_COLUMNS = List.of("threshold",
            "false_matches", "impostor_comparisons", "fmr", "fmr_ci95_lower", "fmr_ci95_upper",
            "false_non_matches", "genuine_comparisons", "fnmr", "fnmr_ci95_lower", "fnmr_ci95_upper");

    private Tables() {
    }

    /** Renders every table; keys are paths relative to the run directory, in {@link #ALL} order. */
    static Map<String, byte[]> render(VerificationResults results) {
        Map<String, byte[]> tables = new LinkedHashMap<>();
        tables.put(OPERATING_POINTS, operatingPoints(results));
        tables.put(VENDOR_THRESHOLDS, thresholds(results));
        tables.put(DET, det(results.det()));
        tables.put(GROUPS, groups(results));
        tables.put(FAILURE_TO_ENROL, failureToEnrol(results));
        tables.put(FAILURES, failures(results.failures()));
        return tables;
    }

    private static byte[] operatingPoints(VerificationResults results) {
        List<String> header = new ArrayList<>(List.of("fmr_target", "supported", "min_impostor_comparisons",
                "threshold_origin"));
        header.addAll(RATE_COLUMNS);
        List<List<String>> rows = new ArrayList<>();
        for (FmrOperatingPoint point : results.fmrPoints()) {
            List<String> row = new ArrayList<>(List.of(Numbers.exact(point.fmrTarget()), String.valueOf(point.supported()),
                    String.valueOf(point.minimumImpostorComparisons()), MetricsJson.origin(point.thresholdOrigin())));
            row.addAll(rateCells(point.rates()));
            rows.add(row);
        }
        return csv(header, rows);
    }

    private static byte[] thresholds(VerificationResults results) {
        List<String> header = new ArrayList<>(List.of("name", "source", "description"));
        header.addAll(RATE_COLUMNS);
        List<List<String>> rows = new ArrayList<>();
        for (VerificationResults.ThresholdPoint point : results.thresholdPoints()) {
            List<String> row = new ArrayList<>(List.of(point.threshold().name(), point.threshold().source(),
                    point.threshold().description()));
            row.addAll(rateCells(point.rates()));
            rows.add(row);
        }
        return csv(header, rows);
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
        return csv(header, rows);
    }

    private static byte[] groups(VerificationResults results) {
        List<String> header = new ArrayList<>(List.of("group_column", "group", "operating_point", "fmr_target",
                "supported"));
        header.addAll(RATE_COLUMNS);
        List<List<String>> rows = new ArrayList<>();
        for (VerificationResults.GroupColumnResults column : results.groupColumns()) {
            for (VerificationResults.GroupResults group : column.groups()) {
                for (int i = 0; i < results.fmrPoints().size(); i++) {
                    FmrOperatingPoint point = results.fmrPoints().get(i);
                    List<String> row = new ArrayList<>(List.of(column.column(), group.value(),
                            MetricsJson.fmrTargetName(point.fmrTarget()), Numbers.exact(point.fmrTarget()),
                            String.valueOf(MetricsJson.supportedIn(group.scores(), point))));
                    row.addAll(rateCells(group.atFmrPoints().get(i)));
                    rows.add(row);
                }
                for (int i = 0; i < results.thresholdPoints().size(); i++) {
                    List<String> row = new ArrayList<>(List.of(column.column(), group.value(),
                            MetricsJson.thresholdName(results.thresholdPoints().get(i).threshold()), "", ""));
                    row.addAll(rateCells(group.atThresholds().get(i)));
                    rows.add(row);
                }
            }
        }
        return csv(header, rows);
    }

    private static byte[] failureToEnrol(VerificationResults results) {
        // Role first: Commons CSV quotes an empty first field ("") and overall rows have no group.
        List<String> header = List.of("role", "group_column", "group", "failed_templates", "templates", "fte",
                "fte_ci95_lower", "fte_ci95_upper");
        List<List<String>> rows = new ArrayList<>();
        results.fteByRole().forEach((role, fte) -> rows.add(fteRow("", "", role, fte)));
        for (VerificationResults.GroupColumnResults column : results.groupColumns()) {
            for (VerificationResults.GroupResults group : column.groups()) {
                group.fteByRole().forEach((role, fte) -> rows.add(fteRow(column.column(), group.value(), role, fte)));
            }
        }
        return csv(header, rows);
    }

    /** A row of a failure-to-enrol table: role, group column, group, then the proportion's cells. */
    static List<String> fteRow(String column, String group, String role, Proportion fte) {
        List<String> row = new ArrayList<>(List.of(role, column, group));
        row.addAll(proportionCells(fte));
        return row;
    }

    /** {@code tables/failures.csv}: one row per kind of failure. */
    static byte[] failures(List<VerificationResults.FailureCount> failureCounts) {
        List<String> header = List.of("record_type", "category", "status", "failure_code", "count", "total");
        List<List<String>> rows = new ArrayList<>();
        for (VerificationResults.FailureCount failure : failureCounts) {
            rows.add(List.of(failure.key().recordType(), failure.key().category(), failure.key().status(),
                    failure.key().failureCode(), String.valueOf(failure.count()), String.valueOf(failure.total())));
        }
        return csv(header, rows);
    }

    /** The {@link #RATE_COLUMNS} cells; all empty when there is no threshold. */
    private static List<String> rateCells(ErrorRates rates) {
        List<String> cells = new ArrayList<>();
        if (rates == null) {
            RATE_COLUMNS.forEach(column -> cells.add(""));
            return cells;
        }
        cells.add(Numbers.exact(rates.threshold()));
        cells.addAll(proportionCells(rates.fmr()));
        cells.addAll(proportionCells(rates.fnmr()));
        return cells;
    }

    /** events, trials, rate, CI lower, CI upper. */
    static List<String> proportionCells(Proportion proportion) {
        ConfidenceInterval ci = proportion.ci95();
        return List.of(String.valueOf(proportion.events()), String.valueOf(proportion.trials()),
                Numbers.exact(proportion.rate()), Numbers.exact(ci.lower()), Numbers.exact(ci.upper()));
    }

    /** A CSV file with a header row, RFC 4180 with {@code \n} line ends, as UTF-8 bytes. */
    static byte[] csv(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
