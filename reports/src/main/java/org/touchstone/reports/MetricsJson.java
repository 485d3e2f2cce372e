package org.touchstone.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.touchstone.reports.differentials.GroupComparisons;
import org.touchstone.reports.differentials.RateRatios;
import org.touchstone.reports.input.VerificationRunSettings;
import org.touchstone.reports.stats.ConfidenceInterval;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.reports.verification.EqualErrorRate;
import org.touchstone.reports.verification.ErrorRates;
import org.touchstone.reports.verification.FmrOperatingPoint;
import org.touchstone.reports.verification.NamedThreshold;
import org.touchstone.reports.verification.ScoreDistribution;
import org.touchstone.reports.verification.ScoreSummary;
import org.touchstone.reports.verification.StreamingScoreDistribution;
import org.touchstone.reports.verification.SubjectBootstrap;
import org.touchstone.reports.verification.ThresholdOrigin;

/**
 * {@code metrics.json}: every number of the report with field names that say what they are. Fields are
 * documented in {@code docs/run-directory.md}. Undefined numbers (a rate with no trials) are null.
 */
final class MetricsJson {
    /** The format tag written into metrics.json. */
    static final String FORMAT = "touchstone-metrics/1";
    static final String FILE = "metrics.json";

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // Fixed "\n" line ends: the default indenter uses the platform's line separator.
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MetricsJson() {
    }

    /**
     * Renders metrics.json.
     *
     * @param results the numbers
     * @param tables  the table files written, relative paths
     * @param figures the figures written
     * @return UTF-8 bytes ending with a newline
     */
    static byte[] render(VerificationResults results, List<String> tables, List<Figures.Figure> figures) {
        VerificationRunSettings settings = results.settings();
        ObjectNode root = header(settings.runId(), settings.system(), VerificationRunSettings.CAPABILITY, VerificationRunSettings.FAILURE_POLICY);
        root.set("comparisons", comparisons(results.all()));
        root.set("failure_to_enrol", fte(results.fteByRole()));

        ObjectNode eer = root.putObject("equal_error_rate");
        results.interpolatedEer().ifPresentOrElse(e -> eer.set("interpolated", eer(e)), () -> eer.putNull("interpolated"));
        results.rocchEer().ifPresentOrElse(e -> eer.set("rocch", eer(e)), () -> eer.putNull("rocch"));
        number(root, "d_prime", results.dPrime().orElse(Double.NaN));

        root.set("score_distribution", scoreDistribution(results.all()));
        root.set("bootstrap", bootstrap(results));
        number(root, "equivalence_margin", settings.equivalenceMargin());

        ArrayNode fmrPoints = root.putArray("fmr_operating_points");
        for (int i = 0; i < results.fmrPoints().size(); i++) {
            FmrOperatingPoint point = results.fmrPoints().get(i);
            ObjectNode node = fmrPoints.addObject();
            number(node, "fmr_target", point.fmrTarget());
            node.put("supported", point.supported());
            node.put("min_impostor_comparisons", point.minimumImpostorComparisons());
            node.put("threshold_origin", origin(point.thresholdOrigin()));
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

        failures(root, results.failures());
        return finish(root, tables, figures);
    }

    /** The fields every metrics.json starts with. */
    static ObjectNode header(String runId, VerificationRunSettings.SystemSummary system, String capability, String failurePolicy) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        root.put("run_id", runId);
        root.set("system", system(system));
        root.put("capability", capability);
        root.put("failure_policy", failurePolicy);
        return root;
    }

    /** The {@code failures} array. */
    static void failures(ObjectNode root, List<VerificationResults.FailureCount> failureCounts) {
        ArrayNode failures = root.putArray("failures");
        for (VerificationResults.FailureCount failure : failureCounts) {
            ObjectNode node = failures.addObject();
            node.put("record_type", failure.key().recordType());
            node.put("category", failure.key().category());
            node.put("status", failure.key().status());
            node.put("failure_code", failure.key().failureCode());
            node.put("count", failure.count());
            node.put("total", failure.total());
        }
    }

    /**
     * Adds a block and tables to a rendered metrics.json: the block goes just before {@code tables}, the
     * tables at the end of {@code tables}; every other byte stays as it was.
     *
     * @param metrics a metrics.json as {@link #finish} serialised it
     * @param field   the block's name
     * @param block   the block
     * @param tables  relative paths of further tables
     * @return the new metrics.json
     */
    static byte[] withSection(byte[] metrics, String field, com.fasterxml.jackson.databind.JsonNode block,
                              List<String> tables) {
        ObjectNode parsed;
        try {
            parsed = (ObjectNode) MAPPER.readTree(metrics);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("metrics.json as rendered is always valid JSON", e);
        }
        ObjectNode root = NODES.objectNode();
        for (var it = parsed.fields(); it.hasNext();) {
            var entry = it.next();
            if (entry.getKey().equals("tables")) {
                root.set(field, block);
                ArrayNode names = root.putArray("tables");
                entry.getValue().forEach(names::add);
                tables.forEach(names::add);
            } else {
                root.set(entry.getKey(), entry.getValue());
            }
        }
        return serialise(root);
    }

    /** Adds the {@code tables} and {@code figures} arrays and serialises the document. */
    static byte[] finish(ObjectNode root, List<String> tables, List<Figures.Figure> figures) {
        ArrayNode tableNames = root.putArray("tables");
        tables.forEach(tableNames::add);
        ArrayNode figureNodes = root.putArray("figures");
        for (Figures.Figure figure : figures) {
            ObjectNode node = figureNodes.addObject();
            node.put("name", figure.name());
            ArrayNode files = node.putArray("files");
            figure.files().keySet().forEach(files::add);
            node.put("caption", figure.caption());
            ArrayNode notes = node.putArray("notes");
            figure.notes().forEach(notes::add);
        }
        return serialise(root);
    }

    private static byte[] serialise(ObjectNode root) {
        try {
            return (MAPPER.writer(PRINTER).writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    /** Whether a group has the rule-of-3 support for a global FMR target: its own impostor comparisons count. */
    static boolean supportedIn(ScoreDistribution group, FmrOperatingPoint point) {
        return group.impostorComparisons() >= point.minimumImpostorComparisons();
    }

    /** The value of {@code threshold_origin}. */
    static String origin(ThresholdOrigin origin) {
        return origin.name().toLowerCase(Locale.ROOT);
    }

    /** How an FMR-target operating point is named in tables, e.g. {@code fmr_target:0.001}. */
    static String fmrTargetName(double fmrTarget) {
        return "fmr_target:" + Numbers.exact(fmrTarget);
    }

    /** How a named threshold is named in tables, e.g. {@code threshold:default}. */
    static String thresholdName(NamedThreshold threshold) {
        return "threshold:" + threshold.name();
    }

    private static ObjectNode grouping(VerificationResults results, VerificationResults.GroupingResults grouping) {
        ObjectNode columnNode = NODES.objectNode();
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
            groupNode.set("failure_to_enrol", fte(group.fteByRole()));
            ArrayNode atFmrPoints = groupNode.putArray("fmr_operating_points");
            for (int i = 0; i < results.fmrPoints().size(); i++) {
                FmrOperatingPoint point = results.fmrPoints().get(i);
                ObjectNode node = atFmrPoints.addObject();
                number(node, "fmr_target", point.fmrTarget());
                node.put("supported", supportedIn(group.scores(), point));
                rates(node, group.atFmrPoints().get(i));
                interval(node, "fnmr_bootstrap95", group.fnmrBootstrapAtFmrPoints().get(i));
            }
            ArrayNode atThresholds = groupNode.putArray("named_thresholds");
            for (int i = 0; i < results.thresholdPoints().size(); i++) {
                ObjectNode node = atThresholds.addObject();
                node.put("name", results.thresholdPoints().get(i).threshold().name());
                rates(node, group.atThresholds().get(i));
                interval(node, "fnmr_bootstrap95", group.fnmrBootstrapAtThresholds().get(i));
            }
        }
        return columnNode;
    }

    private static ObjectNode crossGroup(VerificationResults.CrossGroupResults matrix) {
        ObjectNode node = NODES.objectNode();
        node.put("group_column", matrix.column());
        ArrayNode values = node.putArray("groups");
        matrix.values().forEach(values::add);
        ArrayNode points = node.putArray("operating_points");
        for (int p = 0; p < matrix.points().size(); p++) {
            ObjectNode point = points.addObject();
            point.put("operating_point", matrix.points().get(p).name());
            number(point, "threshold", matrix.points().get(p).threshold());
            ArrayNode cells = point.putArray("cells");
            int k = matrix.values().size();
            for (int cell = 0; cell < k * k; cell++) {
                ObjectNode cellNode = cells.addObject();
                cellNode.put("enrolment_group", matrix.values().get(cell / k));
                cellNode.put("probe_group", matrix.values().get(cell % k));
                proportion(cellNode, "false_matches", "impostor_comparisons", "fmr", matrix.fmr().get(p).get(cell));
            }
        }
        return node;
    }

    private static ObjectNode differential(VerificationResults.Differential differential) {
        ObjectNode node = NODES.objectNode();
        node.put("group_column", differential.grouping());
        node.put("operating_point", differential.point().name());
        number(node, "threshold", differential.point().threshold());
        ObjectNode handling = node.putObject("zero_rate_handling");
        handling.put("method", differential.fmrRatios().handling().label());
        handling.put("description", differential.fmrRatios().handling().description());
        node.set("fmr", ratios(differential.fmrRatios()));
        node.set("fnmr", ratios(differential.fnmrRatios()));
        ObjectNode fdr = node.putObject("fdr");
        number(fdr, "alpha", differential.fdr().alpha());
        number(fdr, "max_fmr_gap", differential.fdr().maxFmrGap());
        number(fdr, "max_fnmr_gap", differential.fdr().maxFnmrGap());
        number(fdr, "fdr", differential.fdr().fdr());
        ObjectNode garbe = node.putObject("garbe");
        number(garbe, "alpha", differential.garbe().alpha());
        number(garbe, "gini_fmr", differential.garbe().giniFmr());
        number(garbe, "gini_fnmr", differential.garbe().giniFnmr());
        number(garbe, "garbe", differential.garbe().garbe());
        ObjectNode tests = node.putObject("tests");
        tests.set("fmr", tests(differential.fmrTests()));
        tests.set("fnmr", tests(differential.fnmrTests()));
        return node;
    }

    private static ObjectNode ratios(RateRatios ratios) {
        ObjectNode node = NODES.objectNode();
        node.put("groups_used", ratios.groupsUsed());
        node.put("highest_group", ratios.highest() == null ? null : ratios.highest().valuesLabel());
        node.put("lowest_group", ratios.lowest() == null ? null : ratios.lowest().valuesLabel());
        number(node, "max_over_min", ratios.maxOverMin());
        number(node, "max_over_geometric_mean", ratios.maxOverGeometricMean());
        ArrayNode zero = node.putArray("zero_rate_groups");
        ratios.zeroRateGroups().forEach(group -> zero.add(group.valuesLabel()));
        return node;
    }

    private static ObjectNode tests(GroupComparisons comparisons) {
        ObjectNode node = NODES.objectNode();
        ObjectNode overall = node.putObject("overall");
        overall.put("method", comparisons.overall().result().method());
        overall.put("groups_used", comparisons.overall().groupsUsed());
        number(overall, "statistic", comparisons.overall().result().statistic());
        number(overall, "p_value", comparisons.overall().result().pValue());
        node.put("correction", comparisons.correction().label());
        number(node, "alpha", comparisons.alpha());
        ArrayNode pairs = node.putArray("pairs");
        for (GroupComparisons.Pair pair : comparisons.pairs()) {
            ObjectNode pairNode = pairs.addObject();
            pairNode.put("first_group", pair.first().valuesLabel());
            pairNode.put("second_group", pair.second().valuesLabel());
            pairNode.put("method", pair.test().method());
            number(pairNode, "z", pair.test().statistic());
            number(pairNode, "p_value", pair.test().pValue());
            number(pairNode, "p_adjusted", pair.adjustedPValue());
            pairNode.put("significant", pair.significant());
            ObjectNode mdd = pairNode.putObject("minimum_detectable_difference");
            number(mdd, "base_rate", pair.detectable().baseRate());
            number(mdd, "power", pair.detectable().power());
            number(mdd, "alpha", pair.detectable().alpha());
            number(mdd, "detectable_rise_to", pair.detectable().detectableRise());
            number(mdd, "detectable_fall_to", pair.detectable().detectableFall());
            number(mdd, "corrected_alpha", pair.detectableCorrected().alpha());
            number(mdd, "corrected_detectable_rise_to", pair.detectableCorrected().detectableRise());
            if (pair.equivalence() == null) {
                pairNode.putNull("equivalence");
            } else {
                ObjectNode tost = pairNode.putObject("equivalence");
                tost.put("method", pair.equivalence().method());
                number(tost, "margin", pair.equivalence().margin());
                number(tost, "difference", pair.equivalence().difference());
                number(tost, "lower", pair.equivalence().lower());
                number(tost, "upper", pair.equivalence().upper());
                number(tost, "p_value", pair.equivalence().pValue());
                tost.put("equivalent", pair.equivalence().equivalent());
            }
        }
        return node;
    }

    private static ObjectNode scoreDistribution(ScoreDistribution all) {
        ObjectNode node = NODES.objectNode();
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
        ObjectNode node = NODES.objectNode();
        node.put("method", SubjectBootstrap.METHOD);
        SubjectBootstrap.Result bootstrap = results.bootstrap();
        if (bootstrap == null) {
            node.put("skipped", results.bootstrapSkipped());
            return node;
        }
        node.putNull("skipped");
        node.put("replicates", bootstrap.replicates());
        node.put("seed", bootstrap.seed());
        number(node, "level", VerificationResults.LEVEL);
        node.put("subjects", bootstrap.subjects());
        node.put("impostor_tail_scores", bootstrap.tailScores());
        node.put("clusters", "subjects; a genuine comparison counts as often as its subject is drawn, an impostor"
                + " comparison as the product of its two subjects' draws; FMR-target thresholds re-derived per"
                + " replicate");
        return node;
    }

    /** The bootstrap intervals of an overall point: null fields when there are none. */
    private static void bootstrapIntervals(ObjectNode node, SubjectBootstrap.Intervals intervals) {
        interval(node, "fmr_bootstrap95", intervals == null ? null : intervals.fmr());
        interval(node, "fnmr_bootstrap95", intervals == null ? null : intervals.fnmr());
        if (intervals == null) {
            node.putNull("bootstrap_replicates_beyond_tail");
        } else {
            node.put("bootstrap_replicates_beyond_tail", intervals.replicatesBeyondTail());
        }
    }

    private static void interval(ObjectNode node, String field, ConfidenceInterval ci) {
        if (ci == null) {
            node.putNull(field);
            return;
        }
        ObjectNode interval = node.putObject(field);
        number(interval, "lower", ci.lower());
        number(interval, "upper", ci.upper());
        number(interval, "level", ci.level());
        interval.put("method", ci.method());
    }

    private static ObjectNode system(VerificationRunSettings.SystemSummary system) {
        ObjectNode node = NODES.objectNode();
        node.put("id", system.id());
        node.put("vendor", system.vendor());
        node.put("name", system.name());
        node.put("version", system.version());
        if (Double.isNaN(system.scoreRangeMin())) {
            node.putNull("score_range");
        } else {
            ObjectNode range = node.putObject("score_range");
            number(range, "min", system.scoreRangeMin());
            number(range, "max", system.scoreRangeMax());
        }
        return node;
    }

    private static ObjectNode comparisons(ScoreDistribution all) {
        ObjectNode node = NODES.objectNode();
        node.put("genuine_comparisons", all.genuineComparisons());
        node.put("failed_genuine_comparisons", all.failedGenuineComparisons());
        node.put("impostor_comparisons", all.impostorComparisons());
        node.put("failed_impostor_comparisons", all.failedImpostorComparisons());
        node.set("genuine_scores", summary(all.genuineScores()));
        node.set("impostor_scores", summary(all.impostorScores()));
        return node;
    }

    private static ObjectNode summary(ScoreSummary summary) {
        ObjectNode node = NODES.objectNode();
        node.put("count", summary.count());
        number(node, "min", summary.min());
        number(node, "max", summary.max());
        number(node, "mean", summary.mean());
        number(node, "variance", summary.variance());
        return node;
    }

    static ArrayNode fte(Map<String, Proportion> fteByRole) {
        ArrayNode array = NODES.arrayNode();
        fteByRole.forEach((role, fte) -> {
            ObjectNode node = array.addObject();
            node.put("role", role);
            proportion(node, "failed_templates", "templates", "fte", fte);
        });
        return array;
    }

    private static ObjectNode eer(EqualErrorRate eer) {
        ObjectNode node = NODES.objectNode();
        node.put("method", eer.method().label());
        number(node, "eer", eer.rate());
        if (eer.method() == EqualErrorRate.Method.INTERPOLATED) {
            number(node, "interpolated_threshold", eer.threshold());
            ObjectNode nearest = node.putObject("nearest_threshold");
            rates(nearest, eer.nearestCandidate());
            number(nearest, "half_total_error_rate", eer.nearestCandidate().halfTotalErrorRate());
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
        number(node, "threshold", rates.threshold());
        proportion(node, "false_matches", "impostor_comparisons", "fmr", rates.fmr());
        proportion(node, "false_non_matches", "genuine_comparisons", "fnmr", rates.fnmr());
    }

    /** A rate's counts, value and 95% interval, as {@code events}, {@code trials}, {@code rate}, {@code rate_ci95}. */
    static void proportion(ObjectNode node, String events, String trials, String rate, Proportion proportion) {
        node.put(events, proportion.events());
        node.put(trials, proportion.trials());
        number(node, rate, proportion.rate());
        interval(node, rate + "_ci95", proportion.ci95());
        interval(node, rate + "_wilson95", proportion.wilson95());
        number(node, rate + "_upper95", proportion.upper95());
    }

    /** A number, or null when it is NaN or infinite. */
    static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
