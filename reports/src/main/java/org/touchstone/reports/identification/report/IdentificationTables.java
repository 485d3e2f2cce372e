package org.touchstone.reports.identification.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touchstone.reports.identification.FpirOperatingPoint;
import org.touchstone.reports.identification.IdentificationRates;
import org.touchstone.reports.rendering.CsvTables;
import org.touchstone.reports.rendering.FailureToEnrol;
import org.touchstone.reports.rendering.Failures;
import org.touchstone.reports.rendering.MetricsJson;
import org.touchstone.reports.rendering.Numbers;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.reports.verification.DetCurve;

/**
 * The CSV tables of an identification report, rendered to bytes. Column meanings are documented in
 * {@code docs/run-directory.md}, "Computed files (identification)"; an undefined number is an empty cell.
 */
final class IdentificationTables {
    static final String CMC = "tables/cmc.csv";
    static final String FPIR_OPERATING_POINTS = "tables/fpir-operating-points.csv";
    static final String VENDOR_THRESHOLDS = "tables/vendor-thresholds.csv";
    static final String INVESTIGATIVE = "tables/investigative.csv";
    static final String DISTRACTOR_SWEEP = "tables/distractor-sweep.csv";
    static final String FNIR_VS_FPIR = "tables/fnir-vs-fpir.csv";
    static final String GROUPS = "tables/groups.csv";
    static final String FAILURE_TO_ENROL = FailureToEnrol.TABLE;
    static final String FAILURES = Failures.TABLE;
    /** Every table this class writes, in the order written. */
    static final List<String> ALL = List.of(CMC, FPIR_OPERATING_POINTS, VENDOR_THRESHOLDS, INVESTIGATIVE,
            DISTRACTOR_SWEEP, FNIR_VS_FPIR, GROUPS, FAILURE_TO_ENROL, FAILURES);

    /** Least move in log10 FPIR or log10 FNIR between rows of tables/fnir-vs-fpir.csv, as for det.csv. */
    static final double CURVE_TABLE_STEP = 0.001;

    private static final List<String> GALLERY_COLUMNS = List.of("gallery_id", "enrolled_templates");
    private static final List<String> RATE_COLUMNS = List.of("threshold", "rank",
            "missed_mated_searches", "mated_searches", "fnir", "fnir_ci95_lower", "fnir_ci95_upper", "fnir_wilson95_lower", "fnir_wilson95_upper", "fnir_upper95",
            "false_positive_searches", "non_mated_searches", "fpir", "fpir_ci95_lower", "fpir_ci95_upper", "fpir_wilson95_lower", "fpir_wilson95_upper", "fpir_upper95",
            "non_mated_candidates", "selectivity");
    private static final List<String> PROPORTION_COLUMNS = List.of("events", "trials", "rate", "ci95_lower",
            "ci95_upper", "wilson95_lower", "wilson95_upper", "upper95");

    private IdentificationTables() {
    }

    /**
     * Renders every table; keys are paths relative to the run directory, in {@link #ALL} order, then
     * {@link GalleryAverage#TABLE} when the run asks for averages over its galleries.
     */
    static Map<String, byte[]> render(IdentificationResults results) {
        Map<String, byte[]> tables = new LinkedHashMap<>();
        tables.put(CMC, cmc(results));
        tables.put(FPIR_OPERATING_POINTS, fpirOperatingPoints(results));
        tables.put(VENDOR_THRESHOLDS, vendorThresholds(results));
        tables.put(INVESTIGATIVE, investigative(results));
        tables.put(DISTRACTOR_SWEEP, distractorSweep(results));
        tables.put(FNIR_VS_FPIR, fnirVsFpir(results));
        tables.put(GROUPS, groups(results));
        tables.put(FAILURE_TO_ENROL, failureToEnrol(results));
        tables.put(FAILURES, Failures.table(results.failures()));
        if (results.settings().galleryAverage()) {
            tables.put(GalleryAverage.TABLE, GalleryAverage.of(results).table());
        }
        return tables;
    }

    private static byte[] cmc(IdentificationResults results) {
        List<List<String>> rows = new ArrayList<>();
        for (IdentificationResults.GalleryResults gallery : results.galleries()) {
            List<Proportion> cmc = gallery.outcomes().cmc();
            for (int k = 1; k <= cmc.size(); k++) {
                List<String> row = galleryCells(gallery);
                row.add(String.valueOf(k));
                row.addAll(CsvTables.proportionCells(cmc.get(k - 1)));
                rows.add(row);
            }
        }
        return CsvTables.csv(header(List.of("rank", "hits", "mated_searches", "identification_rate",
                "identification_rate_ci95_lower", "identification_rate_ci95_upper", "identification_rate_wilson95_lower", "identification_rate_wilson95_upper", "identification_rate_upper95")), rows);
    }

    private static byte[] fpirOperatingPoints(IdentificationResults results) {
        List<List<String>> rows = new ArrayList<>();
        for (IdentificationResults.GalleryResults gallery : results.galleries()) {
            for (FpirOperatingPoint point : gallery.fpirPoints()) {
                List<String> row = galleryCells(gallery);
                row.addAll(List.of(Numbers.exact(point.fpirTarget()), String.valueOf(point.supported()),
                        String.valueOf(point.minimumNonMatedSearches()), MetricsJson.origin(point.thresholdOrigin())));
                row.addAll(rateCells(point.rates()));
                rows.add(row);
            }
        }
        return CsvTables.csv(header(List.of("fpir_target", "supported", "min_non_mated_searches", "threshold_origin"),
                RATE_COLUMNS), rows);
    }

    private static byte[] vendorThresholds(IdentificationResults results) {
        List<List<String>> rows = new ArrayList<>();
        for (IdentificationResults.GalleryResults gallery : results.galleries()) {
            for (IdentificationResults.ThresholdPoint point : gallery.thresholdPoints()) {
                List<String> row = galleryCells(gallery);
                row.addAll(List.of(point.threshold().name(), point.threshold().source(), point.threshold().description()));
                row.addAll(rateCells(point.rates()));
                rows.add(row);
            }
        }
        return CsvTables.csv(header(List.of("name", "source", "description"), RATE_COLUMNS), rows);
    }

    private static byte[] investigative(IdentificationResults results) {
        List<List<String>> rows = new ArrayList<>();
        for (IdentificationResults.GalleryResults gallery : results.galleries()) {
            List<String> row = galleryCells(gallery);
            row.addAll(rateCells(gallery.investigative()));
            rows.add(row);
        }
        return CsvTables.csv(header(RATE_COLUMNS), rows);
    }

    /** One row per gallery and measure: how rank-k rates, FNIR and FPIR move as the gallery grows. */
    private static byte[] distractorSweep(IdentificationResults results) {
        List<List<String>> rows = new ArrayList<>();
        for (IdentificationResults.GalleryResults gallery : results.galleries()) {
            for (int rank : results.settings().ranks()) {
                rows.add(sweepRow(gallery, "identification_rate", IdentificationJson.rankName(rank), "", "",
                        gallery.outcomes().identificationRate(rank)));
            }
            for (FpirOperatingPoint point : gallery.fpirPoints()) {
                rows.add(sweepRow(gallery, "fnir", IdentificationJson.fpirTargetName(point.fpirTarget()),
                        String.valueOf(point.supported()),
                        point.rates() == null ? "" : Numbers.exact(point.rates().threshold()),
                        point.rates() == null ? new Proportion(0, 0) : point.rates().fnir()));
            }
            for (IdentificationResults.ThresholdPoint point : gallery.thresholdPoints()) {
                String name = MetricsJson.thresholdName(point.threshold());
                String threshold = Numbers.exact(point.threshold().value());
                rows.add(sweepRow(gallery, "fpir", name, "", threshold, point.rates().fpir()));
                rows.add(sweepRow(gallery, "fnir", name, "", threshold, point.rates().fnir()));
            }
        }
        List<String> columns = new ArrayList<>(GALLERY_COLUMNS);
        columns.addAll(List.of("mated_subjects", "distractor_subjects", "measure", "operating_point", "supported",
                "threshold"));
        columns.addAll(PROPORTION_COLUMNS);
        return CsvTables.csv(columns, rows);
    }

    private static List<String> sweepRow(IdentificationResults.GalleryResults gallery, String measure,
                                         String operatingPoint, String supported, String threshold,
                                         Proportion proportion) {
        List<String> row = galleryCells(gallery);
        row.addAll(List.of(String.valueOf(gallery.gallery().matedSubjects()),
                String.valueOf(gallery.gallery().distractorSubjects()), measure, operatingPoint, supported, threshold));
        row.addAll(CsvTables.proportionCells(proportion));
        return row;
    }

    private static byte[] fnirVsFpir(IdentificationResults results) {
        List<List<String>> rows = new ArrayList<>();
        for (IdentificationResults.GalleryResults gallery : results.galleries()) {
            DetCurve curve = curve(gallery, CURVE_TABLE_STEP);
            for (DetCurve.Point point : curve.points()) {
                List<String> row = galleryCells(gallery);
                row.addAll(List.of(Numbers.exact(point.threshold()), Numbers.exact(curve.fmr(point)),
                        Numbers.exact(curve.fnmr(point)), String.valueOf(point.falseMatches()),
                        String.valueOf(curve.impostorComparisons()), String.valueOf(point.falseNonMatches()),
                        String.valueOf(curve.genuineComparisons())));
                rows.add(row);
            }
        }
        return CsvTables.csv(header(List.of("threshold", "fpir", "fnir", "false_positive_searches", "non_mated_searches",
                "missed_mated_searches", "mated_searches")), rows);
    }

    /** FNIR(N, L, T) against FPIR(N, T) over every threshold, thinned like a DET curve. */
    static DetCurve curve(IdentificationResults.GalleryResults gallery, double step) {
        return DetCurve.sample(gallery.outcomes().asScoreDistribution(gallery.outcomes().candidateListLength()), step);
    }

    private static byte[] groups(IdentificationResults results) {
        List<List<String>> rows = new ArrayList<>();
        for (IdentificationResults.GalleryResults gallery : results.galleries()) {
            for (IdentificationResults.GroupColumnResults column : gallery.groupColumns()) {
                for (IdentificationResults.GroupResults group : column.groups()) {
                    for (int rank : results.settings().ranks()) {
                        rows.add(groupRow(gallery, column, group, IdentificationJson.rankName(rank), "", "",
                                group.outcomes().at(rank, Double.NEGATIVE_INFINITY)));
                    }
                    for (int i = 0; i < gallery.fpirPoints().size(); i++) {
                        FpirOperatingPoint point = gallery.fpirPoints().get(i);
                        rows.add(groupRow(gallery, column, group, IdentificationJson.fpirTargetName(point.fpirTarget()),
                                Numbers.exact(point.fpirTarget()),
                                String.valueOf(IdentificationJson.supportedIn(group.outcomes(), point)),
                                group.atFpirPoints().get(i)));
                    }
                    for (int i = 0; i < gallery.thresholdPoints().size(); i++) {
                        rows.add(groupRow(gallery, column, group,
                                MetricsJson.thresholdName(gallery.thresholdPoints().get(i).threshold()), "", "",
                                group.atThresholds().get(i)));
                    }
                }
            }
        }
        return CsvTables.csv(header(List.of("group_column", "group", "operating_point", "fpir_target", "supported"),
                RATE_COLUMNS), rows);
    }

    private static List<String> groupRow(IdentificationResults.GalleryResults gallery,
                                         IdentificationResults.GroupColumnResults column,
                                         IdentificationResults.GroupResults group, String operatingPoint,
                                         String fpirTarget, String supported, IdentificationRates rates) {
        List<String> row = galleryCells(gallery);
        row.addAll(List.of(column.column(), group.value(), operatingPoint, fpirTarget, supported));
        row.addAll(rateCells(rates));
        return row;
    }

    private static byte[] failureToEnrol(IdentificationResults results) {
        List<FailureToEnrol.Group> groups = new ArrayList<>();
        // Templates' groups do not depend on the gallery: the first gallery's breakdown holds them all.
        if (!results.galleries().isEmpty()) {
            for (IdentificationResults.GroupColumnResults column : results.galleries().get(0).groupColumns()) {
                for (IdentificationResults.GroupResults group : column.groups()) {
                    groups.add(new FailureToEnrol.Group(column.column(), group.value(), group.fteByRole()));
                }
            }
        }
        return FailureToEnrol.table(results.fteByRole(), groups);
    }

    private static List<String> galleryCells(IdentificationResults.GalleryResults gallery) {
        return new ArrayList<>(List.of(gallery.gallery().id(), String.valueOf(gallery.gallery().enrolledTemplates())));
    }

    @SafeVarargs
    private static List<String> header(List<String>... parts) {
        List<String> header = new ArrayList<>(GALLERY_COLUMNS);
        for (List<String> part : parts) {
            header.addAll(part);
        }
        return header;
    }

    /** The {@link #RATE_COLUMNS} cells; all empty when there is no threshold, threshold empty at -infinity. */
    private static List<String> rateCells(IdentificationRates rates) {
        List<String> cells = new ArrayList<>();
        if (rates == null) {
            RATE_COLUMNS.forEach(column -> cells.add(""));
            return cells;
        }
        cells.add(Numbers.exact(rates.threshold()));
        cells.add(String.valueOf(rates.rank()));
        cells.addAll(CsvTables.proportionCells(rates.fnir()));
        cells.addAll(CsvTables.proportionCells(rates.fpir()));
        cells.add(String.valueOf(rates.selectivity().candidates()));
        cells.add(Numbers.exact(rates.selectivity().mean()));
        return cells;
    }
}
