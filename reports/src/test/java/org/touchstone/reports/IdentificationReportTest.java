package org.touchstone.reports;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.touchstone.reports.identification.report.IdentificationReport;

/** End to end on {@link TinyIdentificationRun}, every number worked out by hand in the comments. */
class IdentificationReportTest {
    @TempDir
    static Path tempDir;
    static Path runDir;
    static ReportSummary summary;
    static JsonNode metrics;
    static JsonNode small;
    static JsonNode large;

    @BeforeAll
    static void generate() throws IOException {
        runDir = TinyIdentificationRun.write(tempDir.resolve("run"));
        summary = RunReports.generate(runDir);
        metrics = new ObjectMapper().readTree(runDir.resolve("metrics.json").toFile());
        small = metrics.get("galleries").get(0);
        large = metrics.get("galleries").get(1);
    }

    @Test
    void headerAndSearchCounts() {
        assertThat(metrics.get("capability").asText()).isEqualTo("identification");
        assertThat(metrics.get("failure_policy").asText()).isEqualTo("non-match");
        assertThat(metrics.get("candidate_list_length").asInt()).isEqualTo(3);
        assertThat(small.get("gallery_id").asText()).isEqualTo("G0000000");
        assertThat(small.get("enrolled_templates").asLong()).isEqualTo(2);
        JsonNode searches = large.get("searches");
        // G0000002: PB's search failed; PY's output was invalid and PZ's template failed.
        assertThat(searches.get("mated_searches").asLong()).isEqualTo(3);
        assertThat(searches.get("failed_mated_searches").asLong()).isEqualTo(1);
        assertThat(searches.get("non_mated_searches").asLong()).isEqualTo(3);
        assertThat(searches.get("failed_non_mated_searches").asLong()).isEqualTo(2);
        assertThat(searches.get("non_mated_searches_without_candidates").asLong()).isEqualTo(2);
    }

    @Test
    void cmcCountsTheMateWhereverItStands() {
        // G0000000: PA's mate at rank 1, PB's at rank 2, PC never (its enrolment template failed).
        assertRate(small.get("cmc").get(0), "hits", 1, "mated_searches", 3, "identification_rate");
        assertRate(small.get("cmc").get(1), "hits", 2, "mated_searches", 3, "identification_rate");
        assertRate(small.get("cmc").get(2), "hits", 2, "mated_searches", 3, "identification_rate");
        // G0000002: the distractor ED pushes PA's mate to rank 2; PB's search failed, a miss at every rank.
        assertRate(large.get("cmc").get(0), "hits", 0, "mated_searches", 3, "identification_rate");
        assertRate(large.get("cmc").get(1), "hits", 1, "mated_searches", 3, "identification_rate");
        assertThat(large.get("cmc")).hasSize(3);
    }

    @Test
    void investigativeModeCountsEveryCandidate() {
        JsonNode investigative = small.get("investigative");
        assertThat(investigative.get("threshold").isNull()).isTrue();
        assertThat(investigative.get("rank").asInt()).isEqualTo(3);
        assertRate(investigative, "missed_mated_searches", 1, "mated_searches", 3, "fnir");
        // Only PX returned candidates (EA and EB, both 0.65): FPIR 1/3, selectivity 2/3.
        assertRate(investigative, "false_positive_searches", 1, "non_mated_searches", 3, "fpir");
        assertThat(investigative.get("non_mated_candidates").asLong()).isEqualTo(2);
        assertThat(investigative.get("selectivity").asDouble()).isEqualTo(2.0 / 3);
    }

    @Test
    void fnirAtFpirTargetsOnEachGallerysOwnThreshold() {
        // G0000000 sweep: 0.6 (1 false positive, 1 miss), 0.65 (1, 2), 0.9 (0, 2).
        JsonNode half = small.get("fpir_operating_points").get(0);
        assertThat(half.get("fpir_target").asDouble()).isEqualTo(0.5);
        assertThat(half.get("threshold").asDouble()).isEqualTo(0.6);
        assertThat(half.get("threshold_origin").asText()).isEqualTo("observed_score");
        assertRate(half, "false_positive_searches", 1, "non_mated_searches", 3, "fpir");
        // PB's mate scored 0.6 exactly: a tie is a hit.
        assertRate(half, "missed_mated_searches", 1, "mated_searches", 3, "fnir");
        assertThat(half.get("min_non_mated_searches").asLong()).isEqualTo(6);
        assertThat(half.get("supported").asBoolean()).isFalse();
        JsonNode tenth = small.get("fpir_operating_points").get(1);
        assertThat(tenth.get("threshold").asDouble()).isEqualTo(0.9);
        assertRate(tenth, "false_positive_searches", 0, "non_mated_searches", 3, "fpir");
        assertRate(tenth, "missed_mated_searches", 2, "mated_searches", 3, "fnir");
        // G0000002 sweep: 0.8 (1, 2), 0.9 (0, 2): the larger gallery needs a higher threshold.
        assertThat(large.get("fpir_operating_points").get(0).get("threshold").asDouble()).isEqualTo(0.8);
        assertRate(large.get("fpir_operating_points").get(0), "missed_mated_searches", 2, "mated_searches", 3, "fnir");
    }

    @Test
    void ratesAtTheVendorThreshold() {
        JsonNode atDefault = large.get("named_thresholds").get(0);
        assertThat(atDefault.get("name").asText()).isEqualTo("default");
        assertThat(atDefault.get("threshold").asDouble()).isEqualTo(0.6);
        // PA's mate 0.9 is a hit; PB failed; PC's list holds no mate.
        assertRate(atDefault, "missed_mated_searches", 2, "mated_searches", 3, "fnir");
        // PX: 0.8, 0.65, 0.65 all >= 0.6.
        assertRate(atDefault, "false_positive_searches", 1, "non_mated_searches", 3, "fpir");
        assertThat(atDefault.get("selectivity").asDouble()).isEqualTo(1.0);
    }

    @Test
    void groupsOfTheProbeAtTheGallerysGlobalThresholds() {
        JsonNode sex = small.get("groups").get(0);
        assertThat(sex.get("group_column").asText()).isEqualTo("sex");
        // PZ has no sex recorded: one non-mated search outside the groups.
        assertThat(sex.get("mated_searches_outside_groups").asLong()).isZero();
        assertThat(sex.get("non_mated_searches_outside_groups").asLong()).isEqualTo(1);
        JsonNode female = sex.get("groups").get(0);
        JsonNode male = sex.get("groups").get(1);
        assertThat(female.get("group").asText()).isEqualTo("female");
        // At the global FPIR-0.5 threshold 0.6: female PA hits, PX is a false positive; male PB hits at the
        // tie, PC misses, PY returned nothing.
        JsonNode femaleHalf = female.get("fpir_operating_points").get(0);
        assertThat(femaleHalf.get("threshold").asDouble()).isEqualTo(0.6);
        assertRate(femaleHalf, "missed_mated_searches", 0, "mated_searches", 1, "fnir");
        assertRate(femaleHalf, "false_positive_searches", 1, "non_mated_searches", 1, "fpir");
        assertRate(male.get("fpir_operating_points").get(0), "missed_mated_searches", 1, "mated_searches", 2, "fnir");
        assertRate(male.get("fpir_operating_points").get(0), "false_positive_searches", 0, "non_mated_searches", 1, "fpir");
        // Rank-1: PB's mate is second.
        assertRate(male.get("rank_rates").get(0), "hits", 0, "mated_searches", 2, "identification_rate");
        assertRate(male.get("failure_to_enrol").get(0), "failed_templates", 1, "templates", 3, "fte");
    }

    @Test
    void anEmptyGroupAndTheIntersections() {
        JsonNode ageBand = small.get("groups").get(1);
        JsonNode sixtyPlus = ageBand.get("groups").get(2);
        assertThat(sixtyPlus.get("group").asText()).isEqualTo("60+");
        // Only the distractor's enrolment template is 60+: no search, no rate.
        assertThat(sixtyPlus.get("mated_searches").asLong()).isZero();
        assertThat(sixtyPlus.get("non_mated_searches").asLong()).isZero();
        JsonNode point = sixtyPlus.get("fpir_operating_points").get(0);
        assertThat(point.get("fnir").isNull()).isTrue();
        assertThat(point.get("fpir").isNull()).isTrue();
        assertThat(point.get("fnir_ci95").get("upper").asDouble()).isEqualTo(1.0);

        JsonNode intersection = small.get("groups").get(2);
        assertThat(intersection.get("group_column").asText()).isEqualTo("sex & age_band");
        List<String> values = new ArrayList<>();
        intersection.get("groups").forEach(g -> values.add(g.get("group").asText()));
        assertThat(values).containsExactly("female & 20-39", "female & 40-59", "male & 20-39", "male & 40-59", "male & 60+");
        // "male & 20-39": PB (rank 2) and PY.
        JsonNode male2039 = intersection.get("groups").get(2);
        assertRate(male2039.get("rank_rates").get(1), "hits", 1, "mated_searches", 1, "identification_rate");
        assertThat(male2039.get("non_mated_searches").asLong()).isEqualTo(1);
    }

    @Test
    void failuresWithTheirDenominators() {
        List<String> failures = new ArrayList<>();
        metrics.get("failures").forEach(f -> failures.add(f.get("record_type").asText() + " " + f.get("category").asText()
                + " " + f.get("status").asText() + " " + f.get("failure_code").asText() + " " + f.get("count").asLong()
                + "/" + f.get("total").asLong()));
        assertThat(failures).containsExactly(
                "template identification_enrolment failed FACE_DETECTION_ERROR 1/5",
                "template identification_probe failed FACE_DETECTION_ERROR 1/6",
                "search mated search_failed VENDOR_ERROR 1/6",
                "search non_mated invalid_output INVALID_OUTPUT 1/6",
                "search non_mated template_failed FACE_DETECTION_ERROR 2/6");
        assertRate(metrics.get("failure_to_enrol").get(0), "failed_templates", 1, "templates", 5, "fte");
    }

    @Test
    void tablesHoldTheSameNumbers() throws IOException {
        List<CSVRecord> cmc = ReportFiles.csv(runDir, "tables/cmc.csv");
        assertThat(cmc).hasSize(6);
        assertThat(cmc.get(1).get("rank")).isEqualTo("2");
        assertThat(cmc.get(1).get("hits")).isEqualTo("2");

        List<CSVRecord> sweep = ReportFiles.csv(runDir, "tables/distractor-sweep.csv");
        // Per gallery: 2 ranks + 2 FPIR targets + FPIR and FNIR at 1 named threshold.
        assertThat(sweep).hasSize(12);
        CSVRecord rank1Large = sweep.stream().filter(r -> r.get("gallery_id").equals("G0000002")
                && r.get("operating_point").equals("rank:1")).findFirst().orElseThrow();
        assertThat(rank1Large.get("events")).isEqualTo("0");
        assertThat(rank1Large.get("enrolled_templates")).isEqualTo("4");
        assertThat(rank1Large.get("supported")).isEmpty();
        assertThat(sweep.get(2).get("operating_point")).isEqualTo("fpir_target:0.5");
        assertThat(sweep.get(2).get("supported")).isEqualTo("false");
        assertThat(sweep.get(2).get("threshold")).isEqualTo("0.6");

        List<CSVRecord> curve = ReportFiles.csv(runDir, "tables/fnir-vs-fpir.csv");
        assertThat(curve.stream().filter(r -> r.get("gallery_id").equals("G0000000")).map(r -> r.get("threshold")))
                .containsExactly("0.6", "0.65", "0.9");
        List<CSVRecord> groups = ReportFiles.csv(runDir, "tables/groups.csv");
        // Per gallery: (2 sex + 3 age band + 5 intersection groups) x (2 ranks + 2 targets + 1 threshold).
        assertThat(groups).hasSize(2 * 10 * 5);
        assertThat(ReportFiles.csv(runDir, "tables/investigative.csv").get(1).get("selectivity")).isEqualTo("1.0");
        assertThat(ReportFiles.csv(runDir, "tables/failures.csv")).hasSize(5);
        assertThat(metrics.get("tables")).extracting(JsonNode::asText).containsExactlyElementsOf(IdentificationReport.TABLES);
    }

    @Test
    void figuresAreValidSvgAndPng() throws Exception {
        for (String name : List.of("cmc", "fnir-vs-fpir", "distractor-sweep")) {
            ReportFiles.assertValidFigure(runDir, name);
        }
        assertThat(metrics.get("figures")).extracting(f -> f.get("name").asText())
                .containsExactly("cmc", "fnir-vs-fpir", "distractor-sweep");
    }

    @Test
    void headline() {
        assertThat(summary.headline()).contains(
                "gallery G0000002 (N = 4 enrolled templates, the largest of 2): rank-1 0.00% (0/3), rank-3 33.3% (1/3)",
                "FPIR target 0.5: unsupported: 3 non-mated searches, at least 6 needed (3/FPIR)",
                "threshold \"default\" (vendor) 0.6: FNIR 66.7% (2/3), FPIR 33.3% (1/3), selectivity 1");
        // The sweep, smallest gallery first: G0000000 at 0.6 has one miss and one false positive (see above).
        assertThat(summary.headline()).containsSubsequence(
                "distractor sweep: rank-1, and FNIR and FPIR at each named threshold, per gallery",
                "  0 distractors (N = 2): rank-1 33.3% (1/3); \"default\" 0.6: FNIR 33.3% (1/3), FPIR 33.3% (1/3)",
                "  2 distractors (N = 4): rank-1 0.00% (0/3); \"default\" 0.6: FNIR 66.7% (2/3), FPIR 33.3% (1/3)");
        assertThat(summary.written().get(summary.written().size() - 2).getFileName().toString()).isEqualTo("metrics.json");
        assertThat(summary.written().get(summary.written().size() - 1).getFileName().toString()).isEqualTo("report.html");
    }

    @Test
    void generatingAgainGivesIdenticalBytes() throws IOException {
        ReportFiles.assertRegeneratesIdentically(runDir, TinyIdentificationRun.write(tempDir.resolve("again")));
    }

    @Test
    void aFailedGalleryMissesEveryMatedSearchAndReturnsNothing() throws IOException {
        String galleries = TinyIdentificationRun.GALLERIES_CSV.replace("G0000000,3,0,2,ok,,,100",
                "G0000000,3,0,2,failed,ENROLL_DIR_ERROR,disk full,100");
        StringBuilder searches = new StringBuilder();
        TinyIdentificationRun.SEARCHES_CSV.lines().forEach(line -> {
            if (line.startsWith("G0000000") && !line.contains("template_failed")) {
                String[] cells = line.split(",", -1);
                cells[4] = "gallery_failed";
                cells[5] = "ENROLL_DIR_ERROR";
                cells[7] = "0";
                cells[8] = "";
                line = String.join(",", cells);
            }
            searches.append(line).append('\n');
        });
        String candidates = TinyIdentificationRun.CANDIDATES_CSV.lines().filter(l -> !l.startsWith("G0000000"))
                .reduce("", (a, b) -> a + b + "\n");
        Path failed = TinyIdentificationRun.write(tempDir.resolve("failed-gallery"), TinyIdentificationRun.RUN_JSON,
                TinyIdentificationRun.TEMPLATES_CSV, galleries, searches.toString(), candidates);
        ReportSummary failedSummary = RunReports.generate(failed);
        // A rate with no event is its upper bound, never "0%": 1 - 0.05^(1/3) = 63.2%.
        assertThat(failedSummary.headline()).contains("  0 distractors (N = 2): rank-1 0.00% (0/3); \"default\" 0.6:"
                + " FNIR 100% (3/3), 0 false positives in 3 non-mated searches: FPIR <= 63.2% at 95%");
        JsonNode gallery = new ObjectMapper().readTree(failed.resolve("metrics.json").toFile()).get("galleries").get(0);
        assertThat(gallery.get("status").asText()).isEqualTo("failed");
        assertRate(gallery.get("investigative"), "missed_mated_searches", 3, "mated_searches", 3, "fnir");
        assertRate(gallery.get("investigative"), "false_positive_searches", 0, "non_mated_searches", 3, "fpir");
        // No score at all: no threshold for any FPIR target.
        assertThat(gallery.get("fpir_operating_points").get(0).get("threshold_origin").asText()).isEqualTo("none");
        assertThat(Files.readString(failed.resolve("tables/failures.csv")))
                .contains("gallery,gallery,failed,ENROLL_DIR_ERROR,1,2")
                .contains("search,mated,gallery_failed,ENROLL_DIR_ERROR,3,6");
    }

    @Test
    void aRunWithoutGalleriesStillGivesEveryFile() throws IOException {
        Path empty = TinyIdentificationRun.write(tempDir.resolve("empty"), TinyIdentificationRun.RUN_JSON,
                TinyIdentificationRun.TEMPLATES_CSV, header(TinyIdentificationRun.GALLERIES_CSV),
                header(TinyIdentificationRun.SEARCHES_CSV), header(TinyIdentificationRun.CANDIDATES_CSV));
        ReportSummary emptySummary = RunReports.generate(empty);
        assertThat(emptySummary.headline()).containsExactly("no gallery: galleries.csv is empty");
        assertThat(emptySummary.written()).hasSize(IdentificationReport.TABLES.size() + 2 * 3 + 1 + 1);
        assertThat(ReportFiles.csv(empty, "tables/cmc.csv")).isEmpty();
    }

    private static String header(String csv) {
        return csv.lines().findFirst().orElseThrow() + "\n";
    }

    @Test
    void aReportOfAnotherCapabilityLeavesNoStaleFilesBehind() throws IOException {
        Path dir = TinyRun.write(tempDir.resolve("switch"));
        RunReports.generate(dir);
        assertThat(dir.resolve("tables/det.csv")).exists();
        TinyIdentificationRun.write(dir);
        RunReports.generate(dir);
        assertThat(dir.resolve("tables/det.csv")).doesNotExist();
        assertThat(dir.resolve("figures/det.svg")).doesNotExist();
        assertThat(dir.resolve("tables/operating-points.csv")).doesNotExist();
        assertThat(dir.resolve("tables/cmc.csv")).exists();
    }

    static void assertRate(JsonNode node, String events, long x, String trials, long n, String rate) {
        assertThat(node.get(events).asLong()).as(events).isEqualTo(x);
        assertThat(node.get(trials).asLong()).as(trials).isEqualTo(n);
        assertThat(node.get(rate).asDouble()).as(rate).isEqualTo((double) x / n);
        JsonNode ci = node.get(rate + "_ci95");
        assertThat(ci.get("method").asText()).isEqualTo("clopper-pearson");
        assertThat(ci.get("lower").asDouble()).isLessThanOrEqualTo((double) x / n);
        assertThat(ci.get("upper").asDouble()).isGreaterThanOrEqualTo((double) x / n);
    }
}
