package org.touchstone.reports.verification.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.touchstone.reports.differentials.GroupComparisons;
import org.touchstone.reports.differentials.RateRatios;
import org.touchstone.reports.input.VerificationRunSettings;
import org.touchstone.reports.rendering.FailureToEnrol;
import org.touchstone.reports.rendering.Failures;
import org.touchstone.reports.rendering.Figure;
import org.touchstone.reports.rendering.MetricsJson;
import org.touchstone.reports.rendering.Numbers;
import org.touchstone.reports.verification.EqualErrorRate;
import org.touchstone.reports.verification.ErrorRates;
import org.touchstone.reports.verification.FmrOperatingPoint;
import org.touchstone.reports.verification.ScoreDistribution;
import org.touchstone.reports.verification.ScoreSummary;
import org.touchstone.reports.verification.StreamingScoreDistribution;
import org.touchstone.reports.verification.SubjectBootstrap;

/**
 * {@code metrics.json} of a verification run (or of a score file): every number of the report with field
 * names that say what they are, between the opening and closing fields every capability shares
 * ({@link MetricsJson}). Fields are documented in {@code docs/run-directory.md}. Undefined numbers (a rate
 * with no trials) are null.
 */
final class VerificationJson {
    private VerificationJson() {
    }

    /**
     * Renders metrics.json.
     *
     * @param results the numbers
     * @param tables  the table files written, relative paths
     * @param figures the figures written
     * @return UTF-8 bytes ending with a newline
     */
    static byte[] render(VerificationResults results, List<String> tables, List<Figure> figures) {
        VerificationRunSettings settings = results.settings();
        ObjectNode root = MetricsJson.header(settings.runId(), settings.system(), VerificationRunSettings.CAPABILITY,
                VerificationRunSettings.FAILURE_POLICY);
        root.set("comparisons", comparisons(results.all()));
        root.set("failure_to_enrol", FailureToEnrol.json(results.fteByRole()));

        ObjectNode eer = root.putObject("equal_error_rate");
        results.interpolatedEer().ifPresentOrElse(e -> eer.set("interpolated", eer(e)),
                () -> eer.putNull("interpolated"));
        results.rocchEer().ifPresentOrElse(e -> eer.set("rocch", eer(e)), () -> eer.putNull("rocch"));
        MetricsJson.number(root, "d_prime", results.dPrime().orElse(Double.NaN));

        root.set("score_distribution", scoreDistribution(results.all()));
        root.set("bootstrap", bootstrap(results));
        MetricsJson.number(root, "equivalence_margin", settings.equivalenceMargin());

        ArrayNode fmrPoints = root.putArray("fmr_operating_points");
        for (int i = 0; i < results.fmrPoints().size(); i++) {
            FmrOperatingPoint point = results.fmrPoints().get(i);
            ObjectNode node = fmrPoints.addObject();
            MetricsJson.number(node, "fmr_target", point.fmrTarget());
            node.put("supported", point.supported());
            node.put("min_impostor_comparisons", point.minimumImpostorComparisons());
            node.put("threshold_origin", MetricsJson.origin(point.thresholdOrigin()));
            rates(node, point.rates());
            bootstrapIntervals(node, point.rates() == null || results.bootstrap() == null ? null
                    : results.bootstrap().fmrTargets().get(i));
        }
        ArrayNode thresholdPoints = root.putArray("named_thresholds");
        for (int i = 0; i < results.thresholdPoints().size(); i++) {
            VerificationResults.ThresholdPoint point = results.thresholdPoints().get(i);
            ObjectNode node = thresholdPoints.addObject();
            node.put("name", point.threshold().name());
            node.put("source", point.threshold().source());
            node.put("description", point.threshold().description());
            rates(node, point.rates());
            bootstrapIntervals(node, results.bootstrap() == null ? null : results.bootstrap().fixed().get(i));
        }

        ArrayNode groupColumns = root.putArray("groups");
        results.groupings().forEach(grouping -> groupColumns.add(grouping(results, grouping)));
        ArrayNode cross = root.putArray("cross_group_fmr");
        results.crossGroups().forEach(matrix -> cross.add(crossGroup(matrix)));
        ArrayNode differentials = root.putArray("differentials");
        results.differentials().forEach(differential -> differentials.add(differential(differential)));

        Failures.json(root, results.failures());
        return MetricsJson.finish(root, tables, figures);
    }

    /** Whether a group has the rule-of-3 support for a global FMR target: its own impostor comparisons count. */
    static boolean supportedIn(ScoreDistribution group, FmrOperatingPoint point) {
        return group.impostorComparisons() >= point.minimumImpostorComparisons();
    }

    /** How an FMR-target operating point is named in tables, e.g. {@code fmr_target:0.001}. */
    static String fmrTargetName(double fmrTarget) {
        return "fmr_target:" + Numbers.exact(fmrTarget);
    }

    private static ObjectNode grouping(VerificationResults results, VerificationResults.GroupingResults grouping) {
        ObjectNode columnNode = MetricsJson.NODES.objectNode();
        columnNode.put("group_column", grouping.label());
        ArrayNode columns = columnNode.putArray("group_columns");
        grouping.columns().forEach(columns::add);
        columnNode.put("mated_comparisons_outside_groups", grouping.matedOutsideGroups());
        columnNode.put("non_mated_comparisons_outside_groups", grouping.nonMatedOutsideGroups());
        ArrayNode groups = columnNode.putArray("groups");
        for (VerificationResults.GroupResults group : grouping.groups()) {
            ObjectNode groupNode = groups.addObject();
            groupNode.put("group", group.value());
            ArrayNode values = groupNode.putArray("values");
            group.key().values().forEach(values::add);
            groupNode.put("genuine_comparisons", group.scores().genuineComparisons());
            groupNode.put("impostor_comparisons", group.scores().impostorComparisons());
            groupNode.set("failure_to_enrol", FailureToEnrol.json(group.fteByRole()));
            ArrayNode atFmrPoints = groupNode.putArray("fmr_operating_points");
            for (int i = 0; i < results.fmrPoints().size(); i++) {
                FmrOperatingPoint point = results.fmrPoints().get(i);
                ObjectNode node = atFmrPoints.addObject();
                MetricsJson.number(node, "fmr_target", point.fmrTarget());
                node.put("supported", supportedIn(group.scores(), point));
                rates(node, group.atFmrPoints().get(i));
                MetricsJson.interval(node, "fnmr_bootstrap95", group.fnmrBootstrapAtFmrPoints().get(i));
            }
            ArrayNode atThresholds = groupNode.putArray("named_thresholds");
            for (int i = 0; i < results.thresholdPoints().size(); i++) {
                ObjectNode node = atThresholds.addObject();
                node.put("name", results.thresholdPoints().get(i).threshold().name());
                rates(node, group.atThresholds().get(i));
                MetricsJson.interval(node, "fnmr_bootstrap95", group.fnmrBootstrapAtThresholds().get(i));
            }
        }
        return columnNode;
    }

    private static ObjectNode crossGroup(VerificationResults.CrossGroupResults matrix) {
        ObjectNode node = MetricsJson.NODES.objectNode();
        node.put("group_column", matrix.column());
        ArrayNode values = node.putArray("groups");
        matrix.values().forEach(values::add);
        ArrayNode points = node.putArray("operating_points");
        for (int p = 0; p < matrix.points().size(); p++) {
            ObjectNode point = points.addObject();
            point.put("operating_point", matrix.points().get(p).name());
            MetricsJson.number(point, "threshold", matrix.points().get(p).threshold());
            ArrayNode cells = point.putArray("cells");
            int k = matrix.values().size();
            for (int cell = 0; cell < k * k; cell++) {
                ObjectNode cellNode = cells.addObject();
                cellNode.put("enrolment_group", matrix.values().get(cell / k));
                cellNode.put("probe_group", matrix.values().get(cell % k));
                MetricsJson.proportion(cellNode, "false_matches", "impostor_comparisons", "fmr", matrix.fmr().get(p).get(cell));
            }
        }
        return node;
    }

    private static ObjectNode differential(VerificationResults.Differential differential) {
        ObjectNode node = MetricsJson.NODES.objectNode();
        node.put("group_column", differential.grouping());
        node.put("operating_point", differential.point().name());
        MetricsJson.number(node, "threshold", differential.point().threshold());
        ObjectNode handling = node.putObject("zero_rate_handling");
        handling.put("method", differential.fmrRatios().handling().label());
        handling.put("description", differential.fmrRatios().handling().description());
        node.set("fmr", ratios(differential.fmrRatios()));
        node.set("fnmr", ratios(differential.fnmrRatios()));
        ObjectNode fdr = node.putObject("fdr");
        MetricsJson.number(fdr, "alpha", differential.fdr().alpha());
        MetricsJson.number(fdr, "max_fmr_gap", differential.fdr().maxFmrGap());
        MetricsJson.number(fdr, "max_fnmr_gap", differential.fdr().maxFnmrGap());
        MetricsJson.number(fdr, "fdr", differential.fdr().fdr());
        ObjectNode garbe = node.putObject("garbe");
        MetricsJson.number(garbe, "alpha", differential.garbe().alpha());
        MetricsJson.number(garbe, "gini_fmr", differential.garbe().giniFmr());
        MetricsJson.number(garbe, "gini_fnmr", differential.garbe().giniFnmr());
        MetricsJson.number(garbe, "garbe", differential.garbe().garbe());
        ObjectNode tests = node.putObject("tests");
        tests.set("fmr", tests(differential.fmrTests()));
        tests.set("fnmr", tests(differential.fnmrTests()));
        return node;
    }

    private static ObjectNode ratios(RateRatios ratios) {
        ObjectNode node = MetricsJson.NODES.objectNode();
        node.put("groups_used", ratios.groupsUsed());
        node.put("highest_group", ratios.highest() == null ? null : ratios.highest().valuesLabel());
        node.put("lowest_group", ratios.lowest() == null ? null : ratios.lowest().valuesLabel());
        MetricsJson.number(node, "max_over_min", ratios.maxOverMin());
        MetricsJson.number(node, "max_over_geometric_mean", ratios.maxOverGeometricMean());
        ArrayNode zero = node.putArray("zero_rate_groups");
        ratios.zeroRateGroups().forEach(group -> zero.add(group.valuesLabel()));
        return node;
    }

    private static ObjectNode tests(GroupComparisons comparisons) {
        ObjectNode node = MetricsJson.NODES.objectNode();
        ObjectNode overall = node.putObject("overall");
        overall.put("method", comparisons.overall().result().method());
        overall.put("groups_used", comparisons.overall().groupsUsed());
        MetricsJson.number(overall, "statistic", comparisons.overall().result().statistic());
        MetricsJson.number(overall, "p_value", comparisons.overall().result().pValue());
        node.put("correction", comparisons.correction().label());
        MetricsJson.number(node, "alpha", comparisons.alpha());
        ArrayNode pairs = node.putArray("pairs");
        for (GroupComparisons.Pair pair : comparisons.pairs()) {
            ObjectNode pairNode = pairs.addObject();
            pairNode.put("first_group", pair.first().valuesLabel());
            pairNode.put("second_group", pair.second().valuesLabel());
            pairNode.put("method", pair.test().method());
            MetricsJson.number(pairNode, "z", pair.test().statistic());
            MetricsJson.number(pairNode, "p_value", pair.test().pValue());
            MetricsJson.number(pairNode, "p_adjusted", pair.adjustedPValue());
            pairNode.put("significant", pair.significant());
            ObjectNode mdd = pairNode.putObject("minimum_detectable_difference");
            MetricsJson.number(mdd, "base_rate", pair.detectable().baseRate());
            MetricsJson.number(mdd, "power", pair.detectable().power());
            MetricsJson.number(mdd, "alpha", pair.detectable().alpha());
            MetricsJson.number(mdd, "detectable_rise_to", pair.detectable().detectableRise());
            MetricsJson.number(mdd, "detectable_fall_to", pair.detectable().detectableFall());
            MetricsJson.number(mdd, "corrected_alpha", pair.detectableCorrected().alpha());
            MetricsJson.number(mdd, "corrected_detectable_rise_to", pair.detectableCorrected().detectableRise());
            if (pair.equivalence() == null) {
                pairNode.putNull("equivalence");
            } else {
                ObjectNode tost = pairNode.putObject("equivalence");
                tost.put("method", pair.equivalence().method());
                MetricsJson.number(tost, "margin", pair.equivalence().margin());
                MetricsJson.number(tost, "difference", pair.equivalence().difference());
                MetricsJson.number(tost, "lower", pair.equivalence().lower());
                MetricsJson.number(tost, "upper", pair.equivalence().upper());
                MetricsJson.number(tost, "p_value", pair.equivalence().pValue());
                tost.put("equivalent", pair.equivalence().equivalent());
            }
        }
        return node;
    }

    private static ObjectNode scoreDistribution(ScoreDistribution all) {
        ObjectNode node = MetricsJson.NODES.objectNode();
        if (all instanceof StreamingScoreDistribution streaming) {
            node.put("method", "streaming");
            node.put("exact_everywhere", streaming.isExactEverywhere());
            node.put("kept_impostor_scores", streaming.keptImpostorScores());
            node.put("impostor_histogram_bins", streaming.impostorBins());
        } else {
            node.put("method", "in-memory");
            node.put("exact_everywhere", true);
        }
        return node;
    }

    private static ObjectNode bootstrap(VerificationResults results) {
        ObjectNode node = MetricsJson.NODES.objectNode();
        node.put("method", SubjectBootstrap.METHOD);
        SubjectBootstrap.Result bootstrap = results.bootstrap();
        if (bootstrap == null) {
            node.put("skipped", results.bootstrapSkipped());
            return node;
        }
        node.putNull("skipped");
        node.put("replicates", bootstrap.replicates());
        node.put("seed", bootstrap.seed());
        MetricsJson.number(node, "level", VerificationResults.LEVEL);
        node.put("subjects", bootstrap.subjects());
        node.put("impostor_tail_scores", bootstrap.tailScores());
        node.put("clusters", "subjects; a genuine comparison counts as often as its subject is drawn, an impostor"
                + " comparison as the product of its two subjects' draws; FMR-target thresholds re-derived per"
                + " replicate");
        return node;
    }

    /** The bootstrap intervals of an overall point: null fields when there are none. */
    private static void bootstrapIntervals(ObjectNode node, SubjectBootstrap.Intervals intervals) {
        MetricsJson.interval(node, "fmr_bootstrap95", intervals == null ? null : intervals.fmr());
        MetricsJson.interval(node, "fnmr_bootstrap95", intervals == null ? null : intervals.fnmr());
        if (intervals == null) {
            node.putNull("bootstrap_replicates_beyond_tail");
        } else {
            node.put("bootstrap_replicates_beyond_tail", intervals.replicatesBeyondTail());
        }
    }

    private static ObjectNode comparisons(ScoreDistribution all) {
        ObjectNode node = MetricsJson.NODES.objectNode();
        node.put("genuine_comparisons", all.genuineComparisons());
        node.put("failed_genuine_comparisons", all.failedGenuineComparisons());
        node.put("impostor_comparisons", all.impostorComparisons());
        node.put("failed_impostor_comparisons", all.failedImpostorComparisons());
        node.set("genuine_scores", summary(all.genuineScores()));
        node.set("impostor_scores", summary(all.impostorScores()));
        return node;
    }

    private static ObjectNode summary(ScoreSummary summary) {
        ObjectNode node = MetricsJson.NODES.objectNode();
        node.put("count", summary.count());
        MetricsJson.number(node, "min", summary.min());
        MetricsJson.number(node, "max", summary.max());
        MetricsJson.number(node, "mean", summary.mean());
        MetricsJson.number(node, "variance", summary.variance());
        return node;
    }

    private static ObjectNode eer(EqualErrorRate eer) {
        ObjectNode node = MetricsJson.NODES.objectNode();
        node.put("method", eer.method().label());
        MetricsJson.number(node, "eer", eer.rate());
        if (eer.method() == EqualErrorRate.Method.INTERPOLATED) {
            MetricsJson.number(node, "interpolated_threshold", eer.threshold());
            ObjectNode nearest = node.putObject("nearest_threshold");
            rates(nearest, eer.nearestCandidate());
            MetricsJson.number(nearest, "half_total_error_rate", eer.nearestCandidate().halfTotalErrorRate());
        }
        return node;
    }

    /** Threshold, FMR and FNMR with counts and intervals; all null when there is no threshold. */
    private static void rates(ObjectNode node, ErrorRates rates) {
        if (rates == null) {
            for (String field : List.of("threshold", "false_matches", "impostor_comparisons", "fmr", "fmr_ci95",
                    "fmr_wilson95", "fmr_upper95", "false_non_matches", "genuine_comparisons", "fnmr", "fnmr_ci95",
                    "fnmr_wilson95", "fnmr_upper95")) {
                node.putNull(field);
            }
            return;
        }
        MetricsJson.number(node, "threshold", rates.threshold());
        MetricsJson.proportion(node, "false_matches", "impostor_comparisons", "fmr", rates.fmr());
        MetricsJson.proportion(node, "false_non_matches", "genuine_comparisons", "fnmr", rates.fnmr());
    }
}
