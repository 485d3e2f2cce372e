package org.touchstone.reports.analysis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.touchstone.reports.attributes.AccuracyCoverageCurve;
import org.touchstone.reports.attributes.AttributeKind;
import org.touchstone.reports.attributes.Calibration;
import org.touchstone.reports.attributes.CategoricalAttribute;
import org.touchstone.reports.attributes.ConfusionMatrix;
import org.touchstone.reports.attributes.Decisions;
import org.touchstone.reports.attributes.LabelledOutcome;
import org.touchstone.reports.attributes.NumericAttribute;
import org.touchstone.reports.attributes.NumericDecisions;
import org.touchstone.reports.attributes.NumericOutcome;
import org.touchstone.reports.attributes.ThresholdErrors;
import org.touchstone.reports.input.AnalysisData;
import org.touchstone.reports.input.AnalysisRunSettings;
import org.touchstone.reports.input.FailureKey;
import org.touchstone.reports.input.GroupAssignment;
import org.touchstone.reports.rendering.Failures;
import org.touchstone.reports.rendering.MetricsJson;
import org.touchstone.reports.rendering.Numbers;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.reports.verification.NamedThreshold;

/**
 * Every number of an analysis report, computed from the run directory's contents; what the JSON, table and
 * figure writers render. Every attribute is measured at the same operating points: the evaluation's
 * confidence thresholds, then its named thresholds, overall and per group at those same thresholds.
 *
 * @param settings         the evaluation settings from run.json
 * @param operatingPoints  the confidence thresholds, then the named thresholds
 * @param acquisition      over all images: {@code no_face} (failure to acquire) and {@code failed} rates
 * @param acquisitionGroups the same per group column (then intersection) and group
 * @param attributes       one entry per evaluated attribute, in run.json order
 * @param failures         failed analyses by status and code, out of all images
 */
record AnalysisResults(AnalysisRunSettings settings, List<OperatingPoint> operatingPoints,
                       Map<String, Proportion> acquisition, List<AcquisitionColumn> acquisitionGroups,
                       List<AttributeResults> attributes, List<Failures.Count> failures) {

    /** Confidence of the calibration check "is 99% confidence right 99% of the time?". */
    static final double HIGH_CONFIDENCE = 0.99;

    /**
     * A confidence threshold at which every attribute is measured.
     *
     * @param name      {@code confidence:<c>} or {@code threshold:<name>}
     * @param threshold c
     * @param named     the named threshold, or null for one of the evaluation's confidence thresholds
     */
    record OperatingPoint(String name, double threshold, NamedThreshold named) {
    }

    /** What is measured for one attribute over one set of images: categorical or numeric. */
    sealed interface Evaluation permits CategoricalResults, NumericResults {
    }

    /**
     * A categorical attribute over a set of images.
     *
     * @param attribute      the outcomes
     * @param atPoints       coverage and accuracy at each operating point
     * @param confusions     the confusion matrix at each operating point
     * @param curve          the full accuracy/coverage curve
     * @param calibration    the reliability diagram and its summaries
     * @param highConfidence accuracy among estimates at confidence {@code >=} {@link #HIGH_CONFIDENCE}
     */
    record CategoricalResults(CategoricalAttribute attribute, List<Decisions> atPoints, List<ConfusionMatrix> confusions,
                              AccuracyCoverageCurve curve, Calibration calibration, Proportion highConfidence)
            implements Evaluation {
    }

    /**
     * A numeric attribute over a set of images.
     *
     * @param attribute       the outcomes
     * @param atPoints        coverage and mean absolute error at each operating point
     * @param all             coverage and mean absolute error over every estimate (threshold 0)
     * @param thresholdErrors over- and under-estimate errors at each age threshold
     */
    record NumericResults(NumericAttribute attribute, List<NumericDecisions> atPoints, NumericDecisions all,
                          List<ThresholdErrors> thresholdErrors) implements Evaluation {
    }

    /**
     * One attribute.
     *
     * @param name               its name
     * @param kind               categorical or numeric
     * @param imagesWithoutTruth images whose true label or value is unknown: left out of every number
     * @param overall            over every image with a known truth
     * @param groupColumns       per group column (then intersection), the same per group
     */
    record AttributeResults(String name, AttributeKind kind, long imagesWithoutTruth, Evaluation overall,
                            List<GroupColumnResults> groupColumns) {
        /**
         * One measure for every group: the seam for summaries of differentials across groups.
         *
         * @param measure picks a proportion from a group's results, e.g. its accuracy at an operating point
         * @return group column (then intersection) to group value (sorted) to that proportion
         */
        Map<String, SortedMap<String, Proportion>> byGroup(Function<Evaluation, Proportion> measure) {
            Map<String, SortedMap<String, Proportion>> byColumn = new LinkedHashMap<>();
            for (GroupColumnResults column : groupColumns) {
                SortedMap<String, Proportion> byValue = new TreeMap<>();
                column.groups().forEach(group -> byValue.put(group.value(), measure.apply(group.evaluation())));
                byColumn.put(column.column(), byValue);
            }
            return byColumn;
        }
    }

    /**
     * One group column (or intersection) of one attribute.
     *
     * @param column              its name
     * @param imagesOutsideGroups images with a known truth but no group in this column
     * @param groups              one entry per value, sorted
     */
    record GroupColumnResults(String column, long imagesOutsideGroups, List<GroupResults> groups) {
    }

    /**
     * One group of one attribute.
     *
     * @param value      the group value
     * @param evaluation the attribute over the group's images, at the global operating points
     */
    record GroupResults(String value, Evaluation evaluation) {
    }

    /**
     * Failed analyses per group of one group column (or intersection).
     *
     * @param column the column name
     * @param groups per value, sorted: status ({@code no_face}, {@code failed}) to failed images out of the
     *               group's images
     */
    record AcquisitionColumn(String column, SortedMap<String, Map<String, Proportion>> groups) {
    }

    /**
     * Computes every number.
     *
     * @param settings run.json's evaluation settings
     * @param data     analyses.csv and estimates.csv
     * @return the results
     */
    static AnalysisResults compute(AnalysisRunSettings settings, AnalysisData data) {
        List<OperatingPoint> points = new ArrayList<>();
        for (double threshold : settings.confidenceThresholds()) {
            points.add(new OperatingPoint("confidence:" + Numbers.exact(threshold), threshold, null));
        }
        for (NamedThreshold threshold : settings.thresholds()) {
            points.add(new OperatingPoint(MetricsJson.thresholdName(threshold), threshold.value(), threshold));
        }
        GroupAssignment groups = data.groups();
        int images = data.images().size();

        List<AttributeResults> attributes = new ArrayList<>();
        for (int a = 0; a < data.attributes().size(); a++) {
            final int attribute = a;
            long withoutTruth = data.images().stream().filter(i -> data.truth(attribute, i.index()).isEmpty()).count();
            List<GroupColumnResults> columns = new ArrayList<>();
            for (int c = 0; c < groups.columns().size(); c++) {
                final int column = c;
                List<GroupResults> byGroup = new ArrayList<>();
                for (int g = 0; g < groups.values(c).size(); g++) {
                    final int group = g;
                    byGroup.add(new GroupResults(groups.values(c).get(g),
                            evaluate(settings, data, attribute, points, i -> groups.group(i, column) == group)));
                }
                long outside = data.images().stream().filter(i -> !data.truth(attribute, i.index()).isEmpty()
                        && groups.group(i.index(), column) == GroupAssignment.NO_GROUP).count();
                columns.add(new GroupColumnResults(groups.columns().get(c), outside, byGroup));
            }
            attributes.add(new AttributeResults(data.attributes().get(a), data.kind(a), withoutTruth,
                    evaluate(settings, data, attribute, points, i -> true), columns));
        }

        List<AcquisitionColumn> acquisitionGroups = new ArrayList<>();
        for (int c = 0; c < groups.columns().size(); c++) {
            SortedMap<String, Map<String, Proportion>> byValue = new TreeMap<>();
            for (int g = 0; g < groups.values(c).size(); g++) {
                final int column = c;
                final int group = g;
                byValue.put(groups.values(c).get(g), acquisition(data, i -> groups.group(i, column) == group));
            }
            acquisitionGroups.add(new AcquisitionColumn(groups.columns().get(c), byValue));
        }
        Map<String, Long> totals = Map.of(FailureKey.IMAGE, (long) images);
        return new AnalysisResults(settings, List.copyOf(points), acquisition(data, i -> true),
                List.copyOf(acquisitionGroups), List.copyOf(attributes),
                Failures.count(data.failures(), totals));
    }

    /** No-face and failed analyses among the images chosen, as failure rates. */
    private static Map<String, Proportion> acquisition(AnalysisData data, IntPredicate chosen) {
        long images = 0;
        long noFace = 0;
        long failed = 0;
        for (AnalysisData.Image image : data.images()) {
            if (chosen.test(image.index())) {
                images++;
                noFace += image.status().equals(AnalysisData.NO_FACE) ? 1 : 0;
                failed += image.status().equals(AnalysisData.FAILED) ? 1 : 0;
            }
        }
        Map<String, Proportion> rates = new LinkedHashMap<>();
        rates.put(AnalysisData.NO_FACE, new Proportion(noFace, images));
        rates.put(AnalysisData.FAILED, new Proportion(failed, images));
        return rates;
    }

    /** The attribute over the chosen images that have a known truth. */
    private static Evaluation evaluate(AnalysisRunSettings settings, AnalysisData data, int attribute,
                                       List<OperatingPoint> points, IntPredicate chosen) {
        List<AnalysisData.Image> images = data.images().stream()
                .filter(image -> chosen.test(image.index()) && !data.truth(attribute, image.index()).isEmpty()).toList();
        if (data.kind(attribute) == AttributeKind.NUMERIC) {
            List<NumericOutcome> outcomes = new ArrayList<>();
            for (AnalysisData.Image image : images) {
                double truth = Double.parseDouble(data.truth(attribute, image.index()));
                AnalysisData.Estimate estimate = data.estimate(attribute, image.index());
                outcomes.add(image.failed() ? NumericOutcome.failedAnalysis(truth)
                        : estimate == null ? NumericOutcome.notEstimated(truth)
                        : NumericOutcome.estimated(truth, estimate.value(), estimate.confidence()));
            }
            NumericAttribute numeric = NumericAttribute.of(outcomes, settings.failurePolicy());
            return new NumericResults(numeric, points.stream().map(p -> numeric.at(p.threshold())).toList(),
                    numeric.at(0), settings.ageThresholds().stream().map(numeric::thresholdErrors).toList());
        }
        List<LabelledOutcome> outcomes = new ArrayList<>();
        for (AnalysisData.Image image : images) {
            String truth = data.truth(attribute, image.index());
            AnalysisData.Estimate estimate = data.estimate(attribute, image.index());
            outcomes.add(image.failed() ? LabelledOutcome.failedAnalysis(truth)
                    : estimate == null ? LabelledOutcome.notEstimated(truth)
                    : LabelledOutcome.estimated(truth, estimate.label(), estimate.confidence()));
        }
        CategoricalAttribute categorical = CategoricalAttribute.of(outcomes, settings.failurePolicy());
        return new CategoricalResults(categorical, points.stream().map(p -> categorical.at(p.threshold())).toList(),
                points.stream().map(p -> categorical.confusion(p.threshold())).toList(), categorical.accuracyCoverage(),
                categorical.calibration(settings.calibrationBins()), categorical.accuracyAtOrAbove(HIGH_CONFIDENCE));
    }
}
