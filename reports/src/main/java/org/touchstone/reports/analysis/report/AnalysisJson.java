package org.touchstone.reports.analysis.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.touchstone.reports.attributes.Calibration;
import org.touchstone.reports.attributes.ConfusionMatrix;
import org.touchstone.reports.attributes.Decisions;
import org.touchstone.reports.attributes.NumericDecisions;
import org.touchstone.reports.attributes.ThresholdErrors;
import org.touchstone.reports.input.AnalysisData;
import org.touchstone.reports.input.AnalysisRunSettings;
import org.touchstone.reports.input.RunHeader;
import org.touchstone.reports.rendering.Failures;
import org.touchstone.reports.rendering.Figure;
import org.touchstone.reports.rendering.MetricsJson;
import org.touchstone.reports.stats.Proportion;

/**
 * {@code metrics.json} of an analysis run. Fields are documented in {@code docs/run-directory.md},
 * "Computed files (analysis)"; the overall layout is that of {@link MetricsJson}.
 */
final class AnalysisJson {
    private AnalysisJson() {
    }

    /**
     * Renders metrics.json.
     *
     * @param results the numbers
     * @param tables  the table files written, relative paths
     * @param figures the figures written
     * @return UTF-8 bytes ending with a newline
     */
    static byte[] render(AnalysisResults results, List<String> tables, List<Figure> figures) {
        AnalysisRunSettings settings = results.settings();
        ObjectNode root = MetricsJson.header(settings.header().runId(), settings.header().system(), RunHeader.ANALYSIS,
                settings.failurePolicy().label());
        root.put("calibration_bins", settings.calibrationBins());
        root.set("analyses", acquisition(results.acquisition()));
        ArrayNode attributes = root.putArray("attributes");
        for (AnalysisResults.AttributeResults attribute : results.attributes()) {
            attributes.add(attribute(results, attribute));
        }
        ArrayNode acquisitionGroups = root.putArray("acquisition_groups");
        for (AnalysisResults.AcquisitionColumn column : results.acquisitionGroups()) {
            ObjectNode columnNode = acquisitionGroups.addObject();
            columnNode.put("group_column", column.column());
            ArrayNode groups = columnNode.putArray("groups");
            column.groups().forEach((value, rates) -> groups.addObject().put("group", value).setAll(acquisition(rates)));
        }
        Failures.json(root, results.failures());
        return MetricsJson.finish(root, tables, figures);
    }

    /** {@code images}, then the failure-to-acquire ({@code no_face}) and failed-call rates. */
    private static ObjectNode acquisition(Map<String, Proportion> rates) {
        ObjectNode node = MetricsJson.NODES.objectNode();
        Proportion noFace = rates.get(AnalysisData.NO_FACE);
        node.put("images", noFace.trials());
        MetricsJson.proportion(node.putObject("failure_to_acquire"), "no_face_images", "images", "rate", noFace);
        MetricsJson.proportion(node.putObject("failed_analyses"), "failed_images", "images", "rate",
                rates.get(AnalysisData.FAILED));
        return node;
    }

    private static ObjectNode attribute(AnalysisResults results, AnalysisResults.AttributeResults attribute) {
        ObjectNode node = MetricsJson.NODES.objectNode();
        node.put("attribute", attribute.name());
        node.put("kind", attribute.kind().label());
        node.put("images_without_truth", attribute.imagesWithoutTruth());
        evaluation(node, results, attribute.overall(), true);
        ArrayNode groupColumns = node.putArray("groups");
        for (AnalysisResults.GroupColumnResults column : attribute.groupColumns()) {
            ObjectNode columnNode = groupColumns.addObject();
            columnNode.put("group_column", column.column());
            columnNode.put("images_outside_groups", column.imagesOutsideGroups());
            ArrayNode groups = columnNode.putArray("groups");
            for (AnalysisResults.GroupResults group : column.groups()) {
                ObjectNode groupNode = groups.addObject();
                groupNode.put("group", group.value());
                evaluation(groupNode, results, group.evaluation(), false);
            }
        }
        return node;
    }

    /** The attribute's numbers over a set of images; the confusion matrices only for all images. */
    private static void evaluation(ObjectNode node, AnalysisResults results, AnalysisResults.Evaluation evaluation,
                                   boolean overall) {
        if (evaluation instanceof AnalysisResults.CategoricalResults categorical) {
            node.put("images", categorical.attribute().images());
            node.put("failed_images", categorical.attribute().failedImages());
            node.put("estimates", categorical.attribute().estimates());
            if (overall) {
                ArrayNode labels = node.putArray("labels");
                categorical.attribute().labels().forEach(labels::add);
            }
            ArrayNode points = node.putArray("operating_points");
            for (int i = 0; i < results.operatingPoints().size(); i++) {
                ObjectNode point = operatingPoint(points, results.operatingPoints().get(i), overall);
                Decisions decisions = categorical.atPoints().get(i);
                MetricsJson.proportion(point, "decided", "images", "coverage", decisions.coverage());
                MetricsJson.proportion(point, "correct", "decided", "accuracy", decisions.accuracy());
            }
            if (overall) {
                ArrayNode confusions = node.putArray("confusion");
                for (int i = 0; i < results.operatingPoints().size(); i++) {
                    confusions.add(confusion(results.operatingPoints().get(i), categorical.confusions().get(i)));
                }
            }
            node.set("calibration", calibration(categorical.calibration(), categorical.highConfidence()));
        } else if (evaluation instanceof AnalysisResults.NumericResults numeric) {
            node.put("images", numeric.attribute().images());
            node.put("failed_images", numeric.attribute().failedImages());
            node.put("estimates", numeric.attribute().estimates());
            ArrayNode points = node.putArray("operating_points");
            for (int i = 0; i < results.operatingPoints().size(); i++) {
                ObjectNode point = operatingPoint(points, results.operatingPoints().get(i), overall);
                numericDecisions(point, numeric.atPoints().get(i));
            }
            numericDecisions(node.putObject("all_estimates"), numeric.all());
            ArrayNode thresholds = node.putArray("age_thresholds");
            for (ThresholdErrors errors : numeric.thresholdErrors()) {
                ObjectNode errorNode = thresholds.addObject();
                MetricsJson.number(errorNode, "age_threshold", errors.threshold());
                MetricsJson.proportion(errorNode, "over_errors", "truth_below_threshold", "over_error_rate", errors.over());
                MetricsJson.proportion(errorNode, "under_errors", "truth_at_or_above_threshold", "under_error_rate",
                        errors.under());
            }
        }
    }

    private static ObjectNode operatingPoint(ArrayNode points, AnalysisResults.OperatingPoint point, boolean overall) {
        ObjectNode node = points.addObject();
        node.put("operating_point", point.name());
        MetricsJson.number(node, "confidence_threshold", point.threshold());
        if (overall && point.named() != null) {
            node.put("name", point.named().name());
            node.put("source", point.named().source());
            node.put("description", point.named().description());
        }
        return node;
    }

    private static void numericDecisions(ObjectNode node, NumericDecisions decisions) {
        MetricsJson.proportion(node, "decided", "images", "coverage", decisions.coverage());
        node.put("estimates_in_mean", decisions.estimates());
        MetricsJson.number(node, "mean_absolute_error", decisions.meanAbsoluteError());
    }

    private static ObjectNode confusion(AnalysisResults.OperatingPoint point, ConfusionMatrix matrix) {
        ObjectNode node = MetricsJson.NODES.objectNode();
        node.put("operating_point", point.name());
        MetricsJson.number(node, "confidence_threshold", point.threshold());
        ArrayNode rows = node.putArray("rows");
        for (int t = 0; t < matrix.labels().size(); t++) {
            ObjectNode row = rows.addObject();
            row.put("truth", matrix.labels().get(t));
            ObjectNode estimates = row.putObject("estimates");
            for (int e = 0; e < matrix.labels().size(); e++) {
                estimates.put(matrix.labels().get(e), matrix.counts()[t][e]);
            }
            row.put("undecided", matrix.undecided()[t]);
            row.put("failed", matrix.failed()[t]);
        }
        return node;
    }

    private static ObjectNode calibration(Calibration calibration, Proportion highConfidence) {
        ObjectNode node = MetricsJson.NODES.objectNode();
        node.put("estimates", calibration.estimates());
        MetricsJson.number(node, "ece", calibration.ece());
        MetricsJson.number(node, "mce", calibration.mce());
        MetricsJson.number(node, "brier", calibration.brier());
        ArrayNode bins = node.putArray("reliability");
        for (Calibration.Bin bin : calibration.bins()) {
            ObjectNode binNode = bins.addObject();
            binNode.put("bin", bin.index());
            MetricsJson.number(binNode, "lower", bin.lower());
            MetricsJson.number(binNode, "upper", bin.upper());
            MetricsJson.number(binNode, "mean_confidence", bin.meanConfidence());
            MetricsJson.proportion(binNode, "correct", "estimates", "accuracy", bin.accuracy());
        }
        ObjectNode high = node.putObject("high_confidence");
        MetricsJson.number(high, "confidence_threshold", AnalysisResults.HIGH_CONFIDENCE);
        MetricsJson.proportion(high, "correct", "estimates", "accuracy", highConfidence);
        return node;
    }
}
