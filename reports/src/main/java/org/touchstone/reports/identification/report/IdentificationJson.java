package org.touchstone.reports.identification.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.touchstone.reports.identification.FpirOperatingPoint;
import org.touchstone.reports.identification.IdentificationRates;
import org.touchstone.reports.identification.SearchOutcomes;
import org.touchstone.reports.input.IdentificationRunSettings;
import org.touchstone.reports.input.RunHeader;
import org.touchstone.reports.rendering.FailureToEnrol;
import org.touchstone.reports.rendering.Failures;
import org.touchstone.reports.rendering.Figure;
import org.touchstone.reports.rendering.MetricsJson;
import org.touchstone.reports.rendering.Numbers;

/**
 * {@code metrics.json} of an identification run. Fields are documented in {@code docs/run-directory.md},
 * "Computed files (identification)"; the overall layout is that of {@link MetricsJson}.
 */
final class IdentificationJson {
    private IdentificationJson() {
    }

    /**
     * Renders metrics.json.
     *
     * @param results the numbers
     * @param tables  the table files written, relative paths
     * @param figures the figures written
     * @return UTF-8 bytes ending with a newline
     */
    static byte[] render(IdentificationResults results, List<String> tables, List<Figure> figures) {
        IdentificationRunSettings settings = results.settings();
        ObjectNode root = MetricsJson.header(settings.header().runId(), settings.header().system(),
                RunHeader.IDENTIFICATION, IdentificationRunSettings.FAILURE_POLICY);
        root.put("candidate_list_length", settings.candidateListLength());
        root.set("failure_to_enrol", FailureToEnrol.json(results.fteByRole()));
        ArrayNode galleries = root.putArray("galleries");
        for (IdentificationResults.GalleryResults gallery : results.galleries()) {
            galleries.add(gallery(results, gallery));
        }
        if (results.settings().galleryAverage()) {
            root.set("gallery_average", GalleryAverage.of(results).json());
        }
        Failures.json(root, results.failures());
        return MetricsJson.finish(root, tables, figures);
    }

    private static ObjectNode gallery(IdentificationResults results, IdentificationResults.GalleryResults gallery) {
        ObjectNode node = MetricsJson.NODES.objectNode();
        node.put("gallery_id", gallery.gallery().id());
        node.put("mated_subjects", gallery.gallery().matedSubjects());
        node.put("distractor_subjects", gallery.gallery().distractorSubjects());
        node.put("enrolled_templates", gallery.gallery().enrolledTemplates());
        node.put("status", gallery.gallery().failed() ? "failed" : "ok");
        node.put("failure_code", gallery.gallery().failureCode());
        ObjectNode searches = node.putObject("searches");
        searches.put("mated_searches", gallery.counts().mated());
        searches.put("failed_mated_searches", gallery.counts().failedMated());
        searches.put("non_mated_searches", gallery.counts().nonMated());
        searches.put("failed_non_mated_searches", gallery.counts().failedNonMated());
        searches.put("non_mated_searches_without_candidates", gallery.outcomes().nonMatedSearchesWithoutCandidates());

        ArrayNode cmc = node.putArray("cmc");
        for (int rank = 1; rank <= gallery.outcomes().candidateListLength(); rank++) {
            cmc.add(rankRate(gallery.outcomes(), rank));
        }
        rates(node.putObject("investigative"), gallery.investigative());
        ArrayNode fpirPoints = node.putArray("fpir_operating_points");
        for (FpirOperatingPoint point : gallery.fpirPoints()) {
            ObjectNode pointNode = fpirPoints.addObject();
            MetricsJson.number(pointNode, "fpir_target", point.fpirTarget());
            pointNode.put("supported", point.supported());
            pointNode.put("min_non_mated_searches", point.minimumNonMatedSearches());
            pointNode.put("threshold_origin", MetricsJson.origin(point.thresholdOrigin()));
            rates(pointNode, point.rates());
        }
        ArrayNode named = node.putArray("named_thresholds");
        for (IdentificationResults.ThresholdPoint point : gallery.thresholdPoints()) {
            ObjectNode pointNode = named.addObject();
            pointNode.put("name", point.threshold().name());
            pointNode.put("source", point.threshold().source());
            pointNode.put("description", point.threshold().description());
            rates(pointNode, point.rates());
        }
        ArrayNode groups = node.putArray("groups");
        for (IdentificationResults.GroupColumnResults column : gallery.groupColumns()) {
            groups.add(groupColumn(results, gallery, column));
        }
        return node;
    }

    private static ObjectNode groupColumn(IdentificationResults results, IdentificationResults.GalleryResults gallery,
                                          IdentificationResults.GroupColumnResults column) {
        ObjectNode node = MetricsJson.NODES.objectNode();
        node.put("group_column", column.column());
        node.put("mated_searches_outside_groups", column.matedOutsideGroups());
        node.put("non_mated_searches_outside_groups", column.nonMatedOutsideGroups());
        ArrayNode groups = node.putArray("groups");
        for (IdentificationResults.GroupResults group : column.groups()) {
            ObjectNode groupNode = groups.addObject();
            groupNode.put("group", group.value());
            groupNode.put("mated_searches", group.outcomes().matedSearches());
            groupNode.put("non_mated_searches", group.outcomes().nonMatedSearches());
            groupNode.set("failure_to_enrol", FailureToEnrol.json(group.fteByRole()));
            ArrayNode ranks = groupNode.putArray("rank_rates");
            for (int rank : results.settings().ranks()) {
                ranks.add(rankRate(group.outcomes(), rank));
            }
            ArrayNode fpirPoints = groupNode.putArray("fpir_operating_points");
            for (int i = 0; i < gallery.fpirPoints().size(); i++) {
                FpirOperatingPoint point = gallery.fpirPoints().get(i);
                ObjectNode pointNode = fpirPoints.addObject();
                MetricsJson.number(pointNode, "fpir_target", point.fpirTarget());
                pointNode.put("supported", supportedIn(group.outcomes(), point));
                rates(pointNode, group.atFpirPoints().get(i));
            }
            ArrayNode named = groupNode.putArray("named_thresholds");
            for (int i = 0; i < gallery.thresholdPoints().size(); i++) {
                ObjectNode pointNode = named.addObject();
                pointNode.put("name", gallery.thresholdPoints().get(i).threshold().name());
                rates(pointNode, group.atThresholds().get(i));
            }
        }
        return node;
    }

    /** Whether a group's own non-mated searches give the rule-of-3 support for a global FPIR target. */
    static boolean supportedIn(SearchOutcomes group, FpirOperatingPoint point) {
        return group.nonMatedSearches() >= point.minimumNonMatedSearches();
    }

    /** How an FPIR-target operating point is named in tables, e.g. {@code fpir_target:0.003}. */
    static String fpirTargetName(double fpirTarget) {
        return "fpir_target:" + Numbers.exact(fpirTarget);
    }

    /** How a rank is named in tables, e.g. {@code rank:1}. */
    static String rankName(int rank) {
        return "rank:" + rank;
    }

    private static ObjectNode rankRate(SearchOutcomes outcomes, int rank) {
        ObjectNode node = MetricsJson.NODES.objectNode();
        node.put("rank", rank);
        MetricsJson.proportion(node, "hits", "mated_searches", "identification_rate", outcomes.identificationRate(rank));
        return node;
    }

    /** The identification rate fields; all null when there is no threshold. */
    private static void rates(ObjectNode node, IdentificationRates rates) {
        if (rates == null) {
            for (String field : List.of("threshold", "rank", "missed_mated_searches", "mated_searches", "fnir",
                    "fnir_ci95", "false_positive_searches", "non_mated_searches", "fpir", "fpir_ci95",
                    "non_mated_candidates", "selectivity")) {
                node.putNull(field);
            }
            return;
        }
        // Negative infinity (every returned candidate counts) is written as null, like every non-finite number.
        MetricsJson.number(node, "threshold", rates.threshold());
        node.put("rank", rates.rank());
        MetricsJson.proportion(node, "missed_mated_searches", "mated_searches", "fnir", rates.fnir());
        MetricsJson.proportion(node, "false_positive_searches", "non_mated_searches", "fpir", rates.fpir());
        node.put("non_mated_candidates", rates.selectivity().candidates());
        MetricsJson.number(node, "selectivity", rates.selectivity().mean());
    }
}
