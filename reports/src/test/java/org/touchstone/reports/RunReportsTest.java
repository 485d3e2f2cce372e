package org.touchstone.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.reports.rendering.Numbers;
import org.touchstone.reports.stats.Proportion;

/** End to end on {@link TinyRun}, whose every number is worked out by hand in the comments. */
class RunReportsTest {
    private static final double CP_ZERO_OF_12_UPPER = 1 - Math.pow(0.025, 1.0 / 12);

    @TempDir
    static Path tempDir;
    static Path runDir;
    static ReportSummary summary;
    static JsonNode metrics;

    @BeforeAll
    static void generate() throws IOException {
        runDir = TinyRun.write(tempDir.resolve("run"));
        summary = RunReports.generate(runDir);
        metrics = new ObjectMapper().readTree(runDir.resolve("metrics.json").toFile());
    }

    @Test
    void countsComparisonsAndFailuresUnderTheNonMatchPolicy() {
        JsonNode comparisons = metrics.get("comparisons");
        assertThat(comparisons.get("genuine_comparisons").asLong()).isEqualTo(4);
        assertThat(comparisons.get("failed_genuine_comparisons").asLong()).isEqualTo(1);
        assertThat(comparisons.get("impostor_comparisons").asLong()).isEqualTo(12);
        assertThat(comparisons.get("failed_impostor_comparisons").asLong()).isEqualTo(4);
        assertThat(metrics.get("failure_policy").asText()).isEqualTo("non-match");

        JsonNode fte = metrics.get("failure_to_enrol");
        assertThat(fte).hasSize(2);
        assertRate(fte.get(0), "failed_templates", 0, "templates", 4, "fte");
        assertThat(fte.get(0).get("role").asText()).isEqualTo("verification_enrolment");
        assertRate(fte.get(1), "failed_templates", 1, "templates", 4, "fte");

        List<String> failures = new ArrayList<>();
        metrics.get("failures").forEach(f -> failures.add(f.get("record_type").asText() + " " + f.get("category").asText()
                + " " + f.get("status").asText() + " " + f.get("failure_code").asText() + " " + f.get("count").asLong()
                + "/" + f.get("total").asLong()));
        assertThat(failures).containsExactly(
                "template verification_probe failed FACE_DETECTION_ERROR 1/4",
                "comparison mated template_failed FACE_DETECTION_ERROR 1/4",
                "comparison non_mated comparison_failed MATCH_ERROR 1/12",
                "comparison non_mated template_failed FACE_DETECTION_ERROR 3/12");
    }

    @Test
    void fnmrAtEachFmrTargetWithSupport() {
        // Sweep: 0.1 (fm 8, fnm 1) 0.2 (7,1) 0.3 (6,1) 0.4 (4,1) 0.5 (3,1) 0.6 (2,1) 0.7 (1,2) 0.8 (0,2) 0.9 (0,3).
        JsonNode points = metrics.get("fmr_operating_points");
        assertThat(points).hasSize(4);
        // 0.25 allows 3 of 12 false matches: T = 0.5; 12 >= 3 / 0.25 impostor comparisons, so supported.
        JsonNode quarter = points.get(0);
        assertThat(quarter.get("threshold").asDouble()).isEqualTo(0.5);
        assertThat(quarter.get("supported").asBoolean()).isTrue();
        assertThat(quarter.get("min_impostor_comparisons").asLong()).isEqualTo(12);
        assertThat(quarter.get("threshold_origin").asText()).isEqualTo("observed_score");
        assertRate(quarter, "false_matches", 3, "impostor_comparisons", 12, "fmr");
        assertRate(quarter, "false_non_matches", 1, "genuine_comparisons", 4, "fnmr");
        // 0.1 allows 1 false match: T = 0.7, but 12 < 30 comparisons cannot support it.
        JsonNode tenth = points.get(1);
        assertThat(tenth.get("threshold").asDouble()).isEqualTo(0.7);
        assertThat(tenth.get("supported").asBoolean()).isFalse();
        assertRate(tenth, "false_non_matches", 2, "genuine_comparisons", 4, "fnmr");
        // 0.01 needs zero false matches: T = 0.8, the lowest genuine score above every impostor score.
        JsonNode hundredth = points.get(2);
        assertThat(hundredth.get("threshold").asDouble()).isEqualTo(0.8);
        assertRate(hundredth, "false_matches", 0, "impostor_comparisons", 12, "fmr");
        assertThat(hundredth.get("fmr_ci95").get("lower").asDouble()).isZero();
        assertThat(hundredth.get("fmr_ci95").get("upper").asDouble()).isCloseTo(CP_ZERO_OF_12_UPPER, within(1e-12));
        assertThat(hundredth.get("fmr_ci95").get("method").asText()).isEqualTo("clopper-pearson");
        assertThat(points.get(3).get("min_impostor_comparisons").asLong()).isEqualTo(3_000_000);
    }

    @Test
    void ratesAtNamedThresholds() {
        JsonNode named = metrics.get("named_thresholds");
        // 0.65: impostor 0.7 matches; genuine 0.6 and the failed pair do not.
        assertThat(named.get(0).get("name").asText()).isEqualTo("default");
        assertThat(named.get(0).get("source").asText()).isEqualTo("vendor");
        assertRate(named.get(0), "false_matches", 1, "impostor_comparisons", 12, "fmr");
        assertRate(named.get(0), "false_non_matches", 2, "genuine_comparisons", 4, "fnmr");
        // 0.85: no impostor; genuine 0.6, 0.8 and the failed pair are non-matches.
        assertRate(named.get(1), "false_matches", 0, "impostor_comparisons", 12, "fmr");
        assertRate(named.get(1), "false_non_matches", 3, "genuine_comparisons", 4, "fnmr");
        assertThat(named.get(1).get("description").asText()).isEmpty();
    }

    @Test
    void equalErrorRatesNameTheirMethod() {
        // d = FMR - FNMR: 0.4 -> 4/12 - 3/12 = 1/12, 0.5 -> 3/12 - 3/12 = 0: EER = 1/4 exactly at 0.5.
        JsonNode interpolated = metrics.get("equal_error_rate").get("interpolated");
        assertThat(interpolated.get("method").asText()).isEqualTo("interpolated");
        assertThat(interpolated.get("eer").asDouble()).isEqualTo(0.25);
        assertThat(interpolated.get("interpolated_threshold").asDouble()).isEqualTo(0.5);
        JsonNode nearest = interpolated.get("nearest_threshold");
        assertThat(nearest.get("threshold").asDouble()).isEqualTo(0.5);
        assertThat(nearest.get("half_total_error_rate").asDouble()).isEqualTo(0.25);
        // Hull: (8/12, 1/4) to (2/12, 1/4) is flat at FNMR 1/4, which FMR = FNMR crosses at 1/4.
        JsonNode rocch = metrics.get("equal_error_rate").get("rocch");
        assertThat(rocch.get("method").asText()).isEqualTo("rocch");
        assertThat(rocch.get("eer").asDouble()).isCloseTo(0.25, within(1e-15));
        // Genuine {0.6, 0.8, 0.9}: mean 23/30, variance 7/300; impostor mean 0.3875, variance 0.28875 / 7.
        double expected = (23.0 / 30 - 0.3875) / Math.sqrt((7.0 / 300 + 0.28875 / 7) / 2);
        assertThat(metrics.get("d_prime").asDouble()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void groupsUseTheGlobalThresholds() {
        JsonNode sex = metrics.get("groups").get(0);
        assertThat(sex.get("group_column").asText()).isEqualTo("sex");
        // Every mated pair is within one sex; the 8 cross-sex non-mated pairs are in no group.
        assertThat(sex.get("mated_comparisons_outside_groups").asLong()).isZero();
        assertThat(sex.get("non_mated_comparisons_outside_groups").asLong()).isEqualTo(8);
        JsonNode female = sex.get("groups").get(0);
        JsonNode male = sex.get("groups").get(1);
        assertThat(female.get("group").asText()).isEqualTo("female");
        // female: genuine {0.9, 0.6}, impostor {0.3} + E_B/P_A failed. male: genuine {0.8} + E_C/P_C failed,
        // impostor {0.5} + E_D/P_C failed.
        assertThat(female.get("genuine_comparisons").asLong()).isEqualTo(2);
        assertThat(female.get("impostor_comparisons").asLong()).isEqualTo(2);
        // At the global FMR 0.25 threshold 0.5:
        JsonNode femaleQuarter = female.get("fmr_operating_points").get(0);
        assertThat(femaleQuarter.get("threshold").asDouble()).isEqualTo(0.5);
        assertRate(femaleQuarter, "false_matches", 0, "impostor_comparisons", 2, "fmr");
        assertRate(femaleQuarter, "false_non_matches", 0, "genuine_comparisons", 2, "fnmr");
        // Two impostor comparisons cannot support FMR 0.25 in the group (needs 12), whatever holds overall.
        assertThat(femaleQuarter.get("supported").asBoolean()).isFalse();
        JsonNode maleQuarter = male.get("fmr_operating_points").get(0);
        assertRate(maleQuarter, "false_matches", 1, "impostor_comparisons", 2, "fmr");
        assertRate(maleQuarter, "false_non_matches", 1, "genuine_comparisons", 2, "fnmr");
        // Group FNMR bootstrap over the group's subjects: female A (0.9) and B (0.6) never miss at 0.5; male C
        // (failed) always does and D (0.8) never, so resamples give 0, 1/2 or 1.
        assertThat(femaleQuarter.get("fnmr_bootstrap95").get("upper").asDouble()).isZero();
        assertThat(maleQuarter.get("fnmr_bootstrap95").get("lower").asDouble()).isZero();
        assertThat(maleQuarter.get("fnmr_bootstrap95").get("upper").asDouble()).isEqualTo(1.0);
        // At "strict" 0.85 the male genuine 0.8 is a non-match too.
        assertRate(male.get("named_thresholds").get(1), "false_non_matches", 2, "genuine_comparisons", 2, "fnmr");
        assertRate(male.get("failure_to_enrol").get(1), "failed_templates", 1, "templates", 2, "fte");
    }

    @Test
    void anEmptyGroupHasZeroCountsAndNoRates() {
        JsonNode ageBand = metrics.get("groups").get(1);
        // E_D (60+) with P_D (40-59) is the only mated pair across bands; 9 non-mated pairs cross bands.
        assertThat(ageBand.get("mated_comparisons_outside_groups").asLong()).isEqualTo(1);
        assertThat(ageBand.get("non_mated_comparisons_outside_groups").asLong()).isEqualTo(9);
        JsonNode sixtyPlus = ageBand.get("groups").get(2);
        assertThat(sixtyPlus.get("group").asText()).isEqualTo("60+");
        assertThat(sixtyPlus.get("genuine_comparisons").asLong()).isZero();
        assertThat(sixtyPlus.get("impostor_comparisons").asLong()).isZero();
        JsonNode point = sixtyPlus.get("fmr_operating_points").get(0);
        assertThat(point.get("false_matches").asLong()).isZero();
        assertThat(point.get("impostor_comparisons").asLong()).isZero();
        assertThat(point.get("fmr").isNull()).isTrue();
        assertThat(point.get("fnmr").isNull()).isTrue();
        assertThat(point.get("fmr_ci95").get("lower").asDouble()).isZero();
        assertThat(point.get("fmr_ci95").get("upper").asDouble()).isEqualTo(1.0);
        // One enrolment template in 60+, no probe.
        assertRate(sixtyPlus.get("failure_to_enrol").get(0), "failed_templates", 0, "templates", 1, "fte");
        assertThat(sixtyPlus.get("failure_to_enrol").get(1).get("templates").asLong()).isZero();
        assertThat(sixtyPlus.get("failure_to_enrol").get(1).get("fte").isNull()).isTrue();
    }

    @Test
    void tablesHoldTheSameNumbers() throws IOException {
        List<CSVRecord> points = csv("tables/operating-points.csv");
        assertThat(points).hasSize(4);
        assertThat(points.get(0).get("fmr_target")).isEqualTo("0.25");
        assertThat(points.get(0).get("threshold")).isEqualTo("0.5");
        assertThat(points.get(0).get("false_non_matches")).isEqualTo("1");
        assertThat(points.get(0).get("genuine_comparisons")).isEqualTo("4");
        assertThat(points.get(1).get("supported")).isEqualTo("false");

        // Every sweep threshold moves a rate by more than 0.001 decades here, so det.csv has all nine.
        List<CSVRecord> det = csv("tables/det.csv");
        assertThat(det).extracting(r -> r.get("threshold"))
                .containsExactly("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9");
        assertThat(det.get(6).get("false_matches")).isEqualTo("1");
        assertThat(det.get(6).get("false_non_matches")).isEqualTo("2");

        List<CSVRecord> groups = csv("tables/groups.csv");
        // (2 sex + 3 age-band + 3 sex x age-band groups) x (4 FMR targets + 2 named thresholds).
        assertThat(groups).hasSize(48);
        CSVRecord empty = groups.stream().filter(r -> r.get("group").equals("60+")).findFirst().orElseThrow();
        assertThat(empty.get("fmr")).isEmpty();
        assertThat(empty.get("impostor_comparisons")).isEqualTo("0");

        assertThat(csv("tables/vendor-thresholds.csv")).extracting(r -> r.get("name")).containsExactly("default", "strict");
        assertThat(csv("tables/failures.csv")).hasSize(4);
        List<CSVRecord> fte = csv("tables/failure-to-enrol.csv");
        assertThat(fte.get(1).get("role")).isEqualTo("verification_probe");
        assertThat(fte.get(1).get("group_column")).isEmpty();
        assertThat(fte.get(1).get("fte")).isEqualTo("0.25");
        assertThat(Files.readString(runDir.resolve("tables/det.csv"))).doesNotContain("\r");
    }

    @Test
    void figuresAreValidSvgAndPng() throws Exception {
        for (String name : List.of("det", "det-by-group", "error-vs-threshold", "score-distributions", "cross-group-fmr")) {
            ReportFiles.assertValidFigure(runDir, name);
        }
        JsonNode det = metrics.get("figures").get(0);
        assertThat(det.get("name").asText()).isEqualTo("det");
        assertThat(det.get("files")).extracting(JsonNode::asText).containsExactly("figures/det.svg", "figures/det.png");
        // FMR is 0 above 0.7; the FMR 0.01 and 1e-6 points and threshold "strict" have FMR 0.
        assertThat(det.get("notes").toString()).contains("0.7").contains("FMR target 0.01 ").contains("\\\"strict\\\"");
    }

    @Test
    void headlineAndWrittenFiles() {
        assertThat(summary.headline()).anyMatch(line -> line.startsWith("EER 25.0% (interpolated"));
        assertThat(summary.headline()).contains(
                "FMR target 0.25: FNMR 25.0% (1/4) at threshold 0.5 (FMR 25.0% (3/12)); FNMR 95% CI "
                        + Numbers.interval(new Proportion(1, 4).ci95()) + ", subject bootstrap "
                        + Numbers.interval(new org.touchstone.reports.stats.ConfidenceInterval(
                                metrics.get("fmr_operating_points").get(0).get("fnmr_bootstrap95").get("lower").asDouble(),
                                metrics.get("fmr_operating_points").get(0).get("fnmr_bootstrap95").get("upper").asDouble(),
                                0.95, "x")),
                "FMR target 0.1: unsupported: 12 impostor comparisons, at least 30 needed (3/FMR)");
        assertThat(summary.headline()).anyMatch(line -> line.contains(runDir.resolve("figures/det.svg").toString()));
        assertThat(summary.written()).hasSize(10 + 10 + 1 + 1);
        assertThat(summary.written().get(summary.written().size() - 2).getFileName().toString()).isEqualTo("metrics.json");
        assertThat(summary.written().get(summary.written().size() - 1).getFileName().toString()).isEqualTo("report.html");
        assertThat(summary.written()).allMatch(Files::isRegularFile);
    }

    @Test
    void generatingAgainGivesIdenticalBytesAndLeavesNoTemporaryFiles() throws IOException {
        ReportFiles.assertRegeneratesIdentically(runDir, TinyRun.write(tempDir.resolve("again")));
    }

    @Test
    void runsWithoutScoresStillGiveEveryFileWithUndefinedRates() throws IOException {
        String header = TinyRun.COMPARISONS_CSV.lines().findFirst().orElseThrow() + "\n";
        Path noComparisons = TinyRun.write(tempDir.resolve("none"), TinyRun.RUN_JSON, TinyRun.TEMPLATES_CSV, header);
        ReportSummary none = RunReports.generate(noComparisons);
        assertThat(none.written()).hasSize(22);
        JsonNode noneMetrics = new ObjectMapper().readTree(noComparisons.resolve("metrics.json").toFile());
        assertThat(noneMetrics.get("equal_error_rate").get("interpolated").isNull()).isTrue();
        assertThat(noneMetrics.get("fmr_operating_points").get(0).get("threshold").isNull()).isTrue();
        assertThat(noneMetrics.get("fmr_operating_points").get(0).get("threshold_origin").asText()).isEqualTo("none");
        assertThat(noneMetrics.get("d_prime").isNull()).isTrue();

        // Every comparison failed: FMR is 0 and FNMR 1 at every threshold, so the curves never cross.
        StringBuilder failed = new StringBuilder(header);
        TinyRun.COMPARISONS_CSV.lines().skip(1).forEach(row -> {
            String[] cells = row.split(",", -1);
            if (cells[3].equals("ok")) {
                cells[3] = "comparison_failed";
                cells[4] = "MATCH_ERROR";
                cells[5] = "";
            }
            failed.append(String.join(",", cells)).append('\n');
        });
        Path allFailed = TinyRun.write(tempDir.resolve("failed"), TinyRun.RUN_JSON, TinyRun.TEMPLATES_CSV, failed.toString());
        ReportSummary failedSummary = RunReports.generate(allFailed);
        assertThat(failedSummary.headline()).contains("FMR target 0.25: no threshold: no comparison produced a score",
                "threshold \"default\" (vendor) 0.65: FMR 0.00% (0/12), FNMR 100% (4/4)");
        assertThat(failedSummary.headline().get(0)).startsWith("EER undefined");
    }

    @Test
    void everyRateCarriesClopperPearsonWilsonAndTheOneSidedBound() {
        JsonNode quarter = metrics.get("fmr_operating_points").get(0);
        // 3/12 by the Wilson formula of metrics.md.
        double z = 1.959963984540054;
        double p = 0.25;
        double centre = (p + z * z / 24) / (1 + z * z / 12);
        double half = z * Math.sqrt(p * (1 - p) / 12 + z * z / 576) / (1 + z * z / 12);
        assertThat(quarter.get("fmr_wilson95").get("lower").asDouble()).isCloseTo(centre - half, within(1e-12));
        assertThat(quarter.get("fmr_wilson95").get("upper").asDouble()).isCloseTo(centre + half, within(1e-12));
        assertThat(quarter.get("fmr_wilson95").get("method").asText()).isEqualTo("wilson");
        // 0/12 false matches at FMR target 0.01: one-sided bound 1 - 0.05^(1/12).
        assertThat(metrics.get("fmr_operating_points").get(2).get("fmr_upper95").asDouble())
                .isCloseTo(1 - Math.pow(0.05, 1.0 / 12), within(1e-12));
        // Bootstrap over the 4 subjects, thresholds re-derived, 1000 replicates with a fixed seed.
        JsonNode bootstrap = metrics.get("bootstrap");
        assertThat(bootstrap.get("replicates").asInt()).isEqualTo(1000);
        assertThat(bootstrap.get("subjects").asInt()).isEqualTo(4);
        assertThat(bootstrap.get("skipped").isNull()).isTrue();
        assertThat(quarter.get("fnmr_bootstrap95").get("method").asText()).isEqualTo("subject-bootstrap-percentile");
        assertThat(metrics.get("named_thresholds").get(0).get("fmr_bootstrap95").get("upper").asDouble()).isBetween(0.0, 1.0);
        assertThat(metrics.get("score_distribution").get("exact_everywhere").asBoolean()).isTrue();
        assertThat(csvQuietly("tables/operating-points.csv").get(0).get("fnmr_wilson95_upper")).isNotEmpty();
    }

    @Test
    void crossGroupImpostorMatrixAtTheGlobalThreshold() {
        // At T = 0.5 (FMR target 0.25). female->female: 0.3 and a failed pair; female->male: 0.1, 0.2 and two
        // failed; male->female: 0.6, 0.4, 0.7, 0.3; male->male: 0.5 and a failed pair.
        JsonNode sex = metrics.get("cross_group_fmr").get(0);
        assertThat(sex.get("group_column").asText()).isEqualTo("sex");
        JsonNode atQuarter = sex.get("operating_points").get(0);
        assertThat(atQuarter.get("operating_point").asText()).isEqualTo("fmr_target:0.25");
        List<String> cells = new ArrayList<>();
        atQuarter.get("cells").forEach(c -> cells.add(c.get("enrolment_group").asText() + ">" + c.get("probe_group").asText()
                + " " + c.get("false_matches").asLong() + "/" + c.get("impostor_comparisons").asLong()));
        assertThat(cells).containsExactly("female>female 0/2", "female>male 0/4", "male>female 2/4", "male>male 1/2");
        List<CSVRecord> table = csvQuietly("tables/cross-group-fmr.csv");
        // 2 columns: sex (4 cells) and age_band (9 cells), at 4 FMR-target thresholds + 2 named thresholds.
        assertThat(table).hasSize((4 + 9) * 6);
    }

    @Test
    void intersectionsAndDifferentialsWithTheirZeroRateHandling() {
        JsonNode intersection = metrics.get("groups").get(2);
        assertThat(intersection.get("group_column").asText()).isEqualTo("sex x age_band");
        assertThat(intersection.get("groups")).extracting(g -> g.get("group").asText())
                .containsExactly("female & 20-39", "male & 40-59", "male & 60+");
        // female & 20-39 is the female group here: genuine {0.9, 0.6}, impostor {0.3} + a failed pair.
        assertThat(intersection.get("groups").get(0).get("genuine_comparisons").asLong()).isEqualTo(2);
        assertThat(intersection.get("groups").get(0).get("impostor_comparisons").asLong()).isEqualTo(2);

        JsonNode sexAtQuarter = metrics.get("differentials").get(0);
        assertThat(sexAtQuarter.get("group_column").asText()).isEqualTo("sex");
        assertThat(sexAtQuarter.get("operating_point").asText()).isEqualTo("fmr_target:0.25");
        // FMR female 0/2, male 1/2. Half-event floor: 0.25 vs 0.5, max/min 2, max/geomean 0.5/sqrt(0.125).
        JsonNode fmr = sexAtQuarter.get("fmr");
        assertThat(fmr.get("max_over_min").asDouble()).isCloseTo(2, within(1e-12));
        assertThat(fmr.get("max_over_geometric_mean").asDouble()).isCloseTo(0.5 / Math.sqrt(0.125), within(1e-12));
        assertThat(fmr.get("zero_rate_groups")).extracting(JsonNode::asText).containsExactly("female");
        assertThat(sexAtQuarter.get("zero_rate_handling").get("method").asText()).isEqualTo("half-event-floor");
        // FNMR female 0/2, male 1/2 as well: A = B = 0.5, FDR 0.5; Gini of (0, 0.5) is 1, GARBE 1.
        assertThat(sexAtQuarter.get("fdr").get("fdr").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(sexAtQuarter.get("garbe").get("garbe").asDouble()).isCloseTo(1, within(1e-12));
        JsonNode pair = sexAtQuarter.get("tests").get("fnmr").get("pairs").get(0);
        assertThat(pair.get("first_group").asText()).isEqualTo("female");
        assertThat(pair.get("significant").asBoolean()).isFalse();
        assertThat(pair.get("minimum_detectable_difference").get("detectable_rise_to").isNumber()
                || pair.get("minimum_detectable_difference").get("detectable_rise_to").isNull()).isTrue();
        assertThat(pair.get("equivalence").isNull()).as("no margin declared").isTrue();
        assertThat(csvQuietly("tables/differentials.csv")).hasSize(3 * 6);
        assertThat(csvQuietly("tables/group-tests.csv")).isNotEmpty();
        // 50 equal bins over [0.1, 0.9]: 0.1 is in the first, 0.9 (the top edge) in the last.
        List<CSVRecord> histogram = csvQuietly("tables/score-histogram.csv");
        assertThat(histogram).hasSize(50);
        assertThat(histogram.get(0).get("impostor_scores")).isEqualTo("1");
        assertThat(histogram.get(49).get("genuine_scores")).isEqualTo("1");
        assertThat(histogram.stream().mapToLong(r -> Long.parseLong(r.get("impostor_scores"))).sum()).isEqualTo(8);
        assertThat(histogram.stream().mapToLong(r -> Long.parseLong(r.get("genuine_scores"))).sum()).isEqualTo(3);
        // 0/2 against 1/2 is no evidence, and with two comparisons a side no rise could have been detected.
        assertThat(summary.headline()).anyMatch(line -> line.startsWith("sex at fmr_target:0.25 (threshold 0.5): FNMR max/min 2")
                && line.endsWith("no significant FNMR difference (chi-square p " + Numbers.readable(
                        sexAtQuarter.get("tests").get("fnmr").get("overall").get("p_value").asDouble())
                        + "); at these sizes no rise is detectable at power 0.8"));
    }

    private static List<CSVRecord> csvQuietly(String file) {
        try {
            return csv(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertRate(JsonNode node, String events, long x, String trials, long n, String rate) {
        assertThat(node.get(events).asLong()).as(events).isEqualTo(x);
        assertThat(node.get(trials).asLong()).as(trials).isEqualTo(n);
        assertThat(node.get(rate).asDouble()).as(rate).isEqualTo((double) x / n);
        assertThat(node.get(rate + "_ci95").get("method").asText()).isEqualTo("clopper-pearson");
    }

    private static List<CSVRecord> csv(String file) throws IOException {
        return ReportFiles.csv(runDir, file);
    }
}
