package org.touchstone.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.touchstone.reports.IdentificationReportTest.assertRate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on {@link TinyAnalysisRun}, every number worked out by hand from its table. */
class AnalysisReportTest {
    @TempDir
    static Path tempDir;
    static Path runDir;
    static ReportSummary summary;
    static JsonNode metrics;
    static JsonNode age;
    static JsonNode sex;
    static JsonNode smile;

    @BeforeAll
    static void generate() throws IOException {
        runDir = TinyAnalysisRun.write(tempDir.resolve("run"));
        summary = RunReports.generate(runDir);
        metrics = read(runDir);
        age = metrics.get("attributes").get(0);
        sex = metrics.get("attributes").get(1);
        smile = metrics.get("attributes").get(2);
    }

    private static JsonNode read(Path dir) throws IOException {
        return new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
    }

    /** Operating points: confidence 0.5, confidence 0.9, then "default" at 0.8. */
    private static JsonNode point(JsonNode evaluation, int index) {
        return evaluation.get("operating_points").get(index);
    }

    @Test
    void headerAndAcquisition() {
        assertThat(metrics.get("capability").asText()).isEqualTo("analysis");
        assertThat(metrics.get("failure_policy").asText()).isEqualTo("undecided");
        JsonNode analyses = metrics.get("analyses");
        assertThat(analyses.get("images").asLong()).isEqualTo(9);
        assertRate(analyses.get("failure_to_acquire"), "no_face_images", 1, "images", 9, "rate");
        assertRate(analyses.get("failed_analyses"), "failed_images", 1, "images", 9, "rate");
        assertThat(age.get("kind").asText()).isEqualTo("numeric");
        assertThat(sex.get("kind").asText()).isEqualTo("categorical");
        // Unknown truths: age of s7 and s9, sex of s9, smile of s4 and s9.
        assertThat(age.get("images_without_truth").asLong()).isEqualTo(2);
        assertThat(sex.get("images_without_truth").asLong()).isEqualTo(1);
        assertThat(smile.get("images").asLong()).isEqualTo(7);
    }

    @Test
    void coverageAndAccuracyAtEachOperatingPoint() {
        // sex, 8 images; estimates: s1 right 0.95, s2 wrong 0.6, s3 right 0.9, s4 right 0.99, s6 right 0.5, s8 wrong 0.99.
        assertRate(point(sex, 0), "decided", 6, "images", 8, "coverage");
        assertRate(point(sex, 0), "correct", 4, "decided", 6, "accuracy");
        JsonNode atDefault = point(sex, 2);
        assertThat(atDefault.get("operating_point").asText()).isEqualTo("threshold:default");
        assertThat(atDefault.get("confidence_threshold").asDouble()).isEqualTo(0.8);
        assertThat(atDefault.get("source").asText()).isEqualTo("vendor");
        assertRate(atDefault, "decided", 4, "images", 8, "coverage");
        assertRate(atDefault, "correct", 3, "decided", 4, "accuracy");
        // smile, 7 images: s1 right 0.6, s2 right 0.99, s3 right 0.9, s6 wrong 0.99; s8 not estimated.
        assertRate(point(smile, 0), "correct", 3, "decided", 4, "accuracy");
        assertRate(point(smile, 1), "correct", 2, "decided", 3, "accuracy");
        assertRate(point(smile, 1), "decided", 3, "images", 7, "coverage");
    }

    @Test
    void confusionMatrixWithUndecidedAndFailedColumns() {
        JsonNode atDefault = sex.get("confusion").get(2);
        assertThat(atDefault.get("operating_point").asText()).isEqualTo("threshold:default");
        JsonNode female = atDefault.get("rows").get(0);
        assertThat(female.get("truth").asText()).isEqualTo("female");
        // s1 decided female; s2 (0.6) and s6 (0.5) below 0.8; s5 found no face.
        assertThat(female.get("estimates").get("female").asLong()).isEqualTo(1);
        assertThat(female.get("estimates").get("male").asLong()).isZero();
        assertThat(female.get("undecided").asLong()).isEqualTo(2);
        assertThat(female.get("failed").asLong()).isEqualTo(1);
        JsonNode male = atDefault.get("rows").get(1);
        assertThat(male.get("estimates").get("female").asLong()).isEqualTo(1);
        assertThat(male.get("estimates").get("male").asLong()).isEqualTo(2);
        assertThat(male.get("failed").asLong()).isEqualTo(1);
    }

    @Test
    void calibrationAndTheHighConfidenceCheck() {
        JsonNode calibration = sex.get("calibration");
        assertThat(calibration.get("estimates").asLong()).isEqualTo(6);
        // Bins 5 (0.5, right), 6 (0.6, wrong), 9 (0.95, 0.9, 0.99 right; 0.99 wrong: mean 0.9575, accuracy 0.75).
        assertThat(calibration.get("ece").asDouble()).isCloseTo((0.5 + 0.6 + 4 * 0.2075) / 6, within(1e-12));
        assertThat(calibration.get("mce").asDouble()).isCloseTo(0.6, within(1e-12));
        assertThat(calibration.get("brier").asDouble()).isCloseTo(1.6027 / 6, within(1e-12));
        JsonNode top = calibration.get("reliability").get(9);
        assertThat(top.get("mean_confidence").asDouble()).isCloseTo(0.9575, within(1e-12));
        assertRate(top, "correct", 3, "estimates", 4, "accuracy");
        assertThat(calibration.get("reliability").get(3).get("mean_confidence").isNull()).isTrue();
        assertRate(calibration.get("high_confidence"), "correct", 1, "estimates", 2, "accuracy");
        // smile: bin 6 (0.6, right: gap 0.4), bin 9 (0.99, 0.9, 0.99; 2 of 3 right: gap 0.96 - 2/3).
        assertThat(smile.get("calibration").get("ece").asDouble()).isCloseTo(0.4 / 4 + 3 * (0.96 - 2.0 / 3) / 4, within(1e-12));
    }

    @Test
    void ageErrorsAtTheThresholdAge() {
        // Estimates: 16->19, 17->15, 30->17, 18->18, 25->28: errors 3, 2, 13, 0, 3.
        JsonNode all = age.get("all_estimates");
        assertThat(all.get("mean_absolute_error").asDouble()).isCloseTo(21.0 / 5, within(1e-12));
        assertThat(all.get("estimates_in_mean").asLong()).isEqualTo(5);
        assertRate(all, "decided", 5, "images", 7, "coverage");
        // At "default" 0.8: 19 (0.8), 15 (0.9), 28 (0.85).
        assertThat(point(age, 2).get("mean_absolute_error").asDouble()).isCloseTo(8.0 / 3, within(1e-12));
        JsonNode at18 = age.get("age_thresholds").get(0);
        assertThat(at18.get("age_threshold").asDouble()).isEqualTo(18);
        // Under 18: 16 taken for 19 (over), 17 for 15. 18 and over: 30 taken for 17 (under), 18, 25.
        assertRate(at18, "over_errors", 1, "truth_below_threshold", 2, "over_error_rate");
        assertRate(at18, "under_errors", 1, "truth_at_or_above_threshold", 3, "under_error_rate");
    }

    @Test
    void groupsAtTheGlobalThresholdsAndAnEmptyGroup() {
        JsonNode bySex = sex.get("groups").get(0);
        assertThat(bySex.get("group_column").asText()).isEqualTo("sex");
        JsonNode female = bySex.get("groups").get(0);
        // Female images s1, s2, s5, s6 (s9 has no truth): at 0.8 only s1 is decided, and right.
        assertThat(female.get("images").asLong()).isEqualTo(4);
        assertRate(point(female, 2), "decided", 1, "images", 4, "coverage");
        assertRate(point(female, 2), "correct", 1, "decided", 1, "accuracy");
        JsonNode male = bySex.get("groups").get(1);
        assertRate(point(male, 2), "correct", 2, "decided", 3, "accuracy");
        // Male ages: 30->17, 18->18, 25->28.
        assertThat(age.get("groups").get(0).get("groups").get(1).get("all_estimates").get("mean_absolute_error").asDouble())
                .isCloseTo(16.0 / 3, within(1e-12));

        JsonNode skinV = sex.get("groups").get(1).get("groups").get(2);
        assertThat(skinV.get("group").asText()).isEqualTo("V");
        assertThat(skinV.get("images").asLong()).isZero();
        assertThat(point(skinV, 0).get("coverage").isNull()).isTrue();
        assertThat(skinV.get("calibration").get("ece").isNull()).isTrue();
        // s6 has no skin tone.
        assertThat(sex.get("groups").get(1).get("images_outside_groups").asLong()).isEqualTo(1);

        // "female & IV-VI" holds only s5, which found no face: nothing decided, accuracy undefined.
        JsonNode intersection = sex.get("groups").get(2);
        assertThat(intersection.get("group_column").asText()).isEqualTo("sex & skin_tone");
        JsonNode onlyFailed = intersection.get("groups").get(1);
        assertThat(onlyFailed.get("group").asText()).isEqualTo("female & IV-VI");
        assertRate(point(onlyFailed, 0), "decided", 0, "images", 1, "coverage");
        assertThat(point(onlyFailed, 0).get("accuracy").isNull()).isTrue();

        List<String> acquisitionGroups = new ArrayList<>();
        metrics.get("acquisition_groups").get(0).get("groups").forEach(g -> acquisitionGroups.add(g.get("group").asText()
                + " " + g.get("failure_to_acquire").get("no_face_images").asLong() + "/" + g.get("images").asLong()));
        assertThat(acquisitionGroups).containsExactly("female 1/5", "male 0/4");
    }

    @Test
    void theErrorPolicyCountsFailedAnalysesAsWrongAnswers() throws IOException {
        Path strict = TinyAnalysisRun.write(tempDir.resolve("strict"),
                TinyAnalysisRun.RUN_JSON.replace("\"failure_policy\": \"undecided\"", "\"failure_policy\": \"error\""),
                TinyAnalysisRun.ANALYSES_CSV, TinyAnalysisRun.ESTIMATES_CSV);
        RunReports.generate(strict);
        JsonNode strictMetrics = read(strict);
        assertThat(strictMetrics.get("failure_policy").asText()).isEqualTo("error");
        JsonNode strictSex = strictMetrics.get("attributes").get(1);
        // s5 and s7 failed: decided and wrong at every threshold.
        assertRate(point(strictSex, 2), "decided", 6, "images", 8, "coverage");
        assertRate(point(strictSex, 2), "correct", 3, "decided", 6, "accuracy");
        // Calibration has no confidence for them: unchanged.
        assertThat(strictSex.get("calibration").get("estimates").asLong()).isEqualTo(6);
        // s5 (40) failed: an under-age error now.
        JsonNode at18 = strictMetrics.get("attributes").get(0).get("age_thresholds").get(0);
        assertRate(at18, "under_errors", 2, "truth_at_or_above_threshold", 4, "under_error_rate");
    }

    @Test
    void tablesHoldTheSameNumbers() throws IOException {
        List<CSVRecord> thresholds = ReportFiles.csv(runDir, "tables/attribute-thresholds.csv");
        assertThat(thresholds).hasSize(3 * 3);
        CSVRecord sexDefault = thresholds.get(5);
        assertThat(sexDefault.get("attribute")).isEqualTo("sex");
        assertThat(sexDefault.get("operating_point")).isEqualTo("threshold:default");
        assertThat(sexDefault.get("decided")).isEqualTo("4");
        assertThat(sexDefault.get("correct")).isEqualTo("3");
        assertThat(sexDefault.get("accuracy")).isEqualTo("0.75");
        assertThat(thresholds.get(2).get("mean_absolute_error")).isEqualTo(Double.toString(8.0 / 3));

        List<CSVRecord> confusion = ReportFiles.csv(runDir, "tables/confusion-sex.csv");
        assertThat(confusion).hasSize(3 * 2);
        assertThat(confusion.get(4).get("estimate:female")).isEqualTo("1");
        assertThat(confusion.get(4).get("undecided")).isEqualTo("2");

        List<CSVRecord> curve = ReportFiles.csv(runDir, "tables/accuracy-coverage-sex.csv");
        assertThat(curve).extracting(r -> r.get("confidence_threshold")).containsExactly("0.99", "0.95", "0.9", "0.6", "0.5");
        assertThat(curve).extracting(r -> r.get("correct")).containsExactly("1", "2", "3", "3", "4");

        // Overall + 2 sex + 3 skin tone + 5 intersection groups, 10 bins each.
        assertThat(ReportFiles.csv(runDir, "tables/calibration-sex.csv")).hasSize(11 * 10);
        assertThat(ReportFiles.csv(runDir, "tables/calibration.csv")).hasSize(2 * 11);
        assertThat(ReportFiles.csv(runDir, "tables/age.csv").get(0).get("mean_absolute_error")).isEqualTo("4.2");
        assertThat(ReportFiles.csv(runDir, "tables/age-thresholds.csv").get(0).get("under_errors")).isEqualTo("1");
        // 3 attributes x 10 groups x 3 operating points.
        assertThat(ReportFiles.csv(runDir, "tables/groups.csv")).hasSize(90);
        assertThat(ReportFiles.csv(runDir, "tables/failure-to-acquire.csv")).hasSize(2 * 11);
        assertThat(ReportFiles.csv(runDir, "tables/failures.csv")).extracting(r -> r.get("status") + " " + r.get("count")
                + "/" + r.get("total")).containsExactly("failed 1/9", "no_face 1/9");
        assertThat(ReportFiles.csv(runDir, "tables/accuracy-coverage-smile.csv")).hasSize(3);
    }

    @Test
    void figuresAreValidSvgAndPng() throws Exception {
        List<String> names = List.of("accuracy-coverage", "reliability-sex", "accuracy-by-group-sex", "reliability-smile",
                "accuracy-by-group-smile");
        for (String name : names) {
            ReportFiles.assertValidFigure(runDir, name);
        }
        assertThat(metrics.get("figures")).extracting(f -> f.get("name").asText()).containsExactlyElementsOf(names);
    }

    @Test
    void headline() {
        assertThat(summary.headline()).contains(
                "age: mean absolute error 4.2 over 5 estimates; at 18: over-estimated 50.0% (1/2), under-estimated 33.3% (1/3)",
                "failure to acquire (no face): 11.1% (1/9); failed calls: 11.1% (1/9); failure policy undecided");
        assertThat(summary.headline()).anyMatch(line -> line.startsWith(
                "sex: at threshold \"default\" (vendor) 0.8: accuracy 75.0% (3/4), coverage 50.0% (4/8); ECE 0.321667"));
    }

    @Test
    void generatingAgainGivesIdenticalBytes() throws IOException {
        ReportFiles.assertRegeneratesIdentically(runDir, TinyAnalysisRun.write(tempDir.resolve("again")));
    }

    @Test
    void aRunWithoutImagesStillGivesEveryFile() throws IOException {
        Path empty = TinyAnalysisRun.write(tempDir.resolve("empty"), TinyAnalysisRun.RUN_JSON,
                TinyAnalysisRun.ANALYSES_CSV.lines().findFirst().orElseThrow() + "\n",
                TinyAnalysisRun.ESTIMATES_CSV.lines().findFirst().orElseThrow() + "\n");
        ReportSummary emptySummary = RunReports.generate(empty);
        assertThat(emptySummary.headline().get(1)).isEqualTo("sex: at threshold \"default\" (vendor) 0.8: accuracy"
                + " undefined (0/0), coverage undefined (0/0); no estimate, so no calibration");
        assertThat(read(empty).get("attributes").get(1).get("calibration").get("ece").isNull()).isTrue();
    }

    @Test
    void anAttributeNoLongerEvaluatedLeavesNoTablesOrFiguresBehind() throws IOException {
        Path dir = TinyAnalysisRun.write(tempDir.resolve("fewer"));
        RunReports.generate(dir);
        assertThat(dir.resolve("tables/confusion-smile.csv")).exists();
        String withoutSmile = TinyAnalysisRun.RUN_JSON.replace("[\"age\", \"sex\", \"smile\"]", "[\"age\", \"sex\"]");
        String estimates = TinyAnalysisRun.ESTIMATES_CSV.lines().filter(l -> !l.contains(",smile,"))
                .reduce("", (a, b) -> a + b + "\n");
        TinyAnalysisRun.write(dir, withoutSmile, TinyAnalysisRun.ANALYSES_CSV, estimates);
        RunReports.generate(dir);
        assertThat(dir.resolve("tables/confusion-smile.csv")).doesNotExist();
        assertThat(dir.resolve("figures/reliability-smile.svg")).doesNotExist();
        assertThat(dir.resolve("tables/confusion-sex.csv")).exists();
    }
}
