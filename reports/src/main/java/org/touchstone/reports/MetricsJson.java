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
import org.touchstone.reports.rundir.RunSettings;
import org.touchstone.reports.stats.ConfidenceInterval;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.reports.verification.EqualErrorRate;
import org.touchstone.reports.verification.ErrorRates;
import org.touchstone.reports.verification.FmrOperatingPoint;
import org.touchstone.reports.verification.NamedThreshold;
import org.touchstone.reports.verification.ScoreDistribution;
import org.touchstone.reports.verification.ScoreSummary;
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
        RunSettings settings = results.settings();
        ObjectNode root = header(settings.runId(), settings.system(), RunSettings.CAPABILITY, RunSettings.FAILURE_POLICY);
        root.set("comparisons", comparisons(results.all()));
        root.set("failure_to_enrol", fte(results.fteByRole()));

        ObjectNode eer = root.putObject("equal_error_rate");
        results.interpolatedEer().ifPresentOrElse(e -> eer.set("interpolated", eer(e)), () -> eer.putNull("interpolated"));
        results.rocchEer().ifPresentOrElse(e -> eer.set("rocch", eer(e)), () -> eer.putNull("rocch"));
        number(root, "d_prime", results.dPrime().orElse(Double.NaN));

        ArrayNode fmrPoints = root.putArray("fmr_operating_points");
        for (FmrOperatingPoint point : results.fmrPoints()) {
            ObjectNode node = fmrPoints.addObject();
            number(node, "fmr_target", point.fmrTarget());
            node.put("supported", point.supported());
            node.put("min_impostor_comparisons", point.minimumImpostorComparisons());
            node.put("threshold_origin", origin(point.thresholdOrigin()));
            rates(node, point.rates());
        }
        ArrayNode thresholdPoints = root.putArray("named_thresholds");
        for (VerificationResults.ThresholdPoint point : results.thresholdPoints()) {
            ObjectNode node = thresholdPoints.addObject();
            node.put("name", point.threshold().name());
            node.put("source", point.threshold().source());
            node.put("description", point.threshold().description());
            rates(node, point.rates());
        }

        ArrayNode groupColumns = root.putArray("groups");
        results.groupColumns().forEach(column -> groupColumns.add(groupColumn(results, column)));

        failures(root, results.failures());
        return finish(root, tables, figures);
    }

    /** The fields every metrics.json starts with. */
    static ObjectNode header(String runId, RunSettings.SystemSummary system, String capability, String failurePolicy) {
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

    private static ObjectNode groupColumn(VerificationResults results, VerificationResults.GroupColumnResults column) {
        ObjectNode columnNode = NODES.objectNode();
        columnNode.put("group_column", column.column());
        columnNode.put("mated_comparisons_outside_groups", column.matedOutsideGroups());
        columnNode.put("non_mated_comparisons_outside_groups", column.nonMatedOutsideGroups());
        ArrayNode groups = columnNode.putArray("groups");
        for (VerificationResults.GroupResults group : column.groups()) {
            ObjectNode groupNode = groups.addObject();
            groupNode.put("group", group.value());
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
            }
            ArrayNode atThresholds = groupNode.putArray("named_thresholds");
            for (int i = 0; i < results.thresholdPoints().size(); i++) {
                ObjectNode node = atThresholds.addObject();
                node.put("name", results.thresholdPoints().get(i).threshold().name());
                rates(node, group.atThresholds().get(i));
            }
        }
        return columnNode;
    }

    private static ObjectNode system(RunSettings.SystemSummary system) {
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
                    "false_non_matches", "genuine_comparisons", "fnmr", "fnmr_ci95")) {
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
        ConfidenceInterval ci = proportion.ci95();
        ObjectNode interval = node.putObject(rate + "_ci95");
        number(interval, "lower", ci.lower());
        number(interval, "upper", ci.upper());
        number(interval, "level", ci.level());
        interval.put("method", ci.method());
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
