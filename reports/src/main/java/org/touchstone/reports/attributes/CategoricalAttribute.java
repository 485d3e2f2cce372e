package org.touchstone.reports.attributes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.touchstone.reports.stats.Proportion;

/**
 * The outcomes of one categorical attribute (sex, smile, ...) over a set of images whose true label is
 * known, and every metric of it: coverage and accuracy at a confidence threshold, the confusion matrix,
 * the accuracy/coverage curve and calibration.
 *
 * <p>At threshold c an image is <em>decided</em> when it has an estimate with confidence {@code >= c};
 * coverage = decided / images and accuracy = correct / decided. An image whose analysis failed is
 * undecided under {@link AnalysisFailurePolicy#UNDECIDED} and decided and wrong under
 * {@link AnalysisFailurePolicy#ERROR}, at every threshold. An image analysed without an estimate of this attribute is undecided under both.
 */
public final class CategoricalAttribute extends AttributeOutcomes {
    private final List<LabelledOutcome> outcomes;
    private final List<String> labels;
    private final double[] estimateConfidences;
    private final boolean[] estimateCorrect;

    private CategoricalAttribute(List<LabelledOutcome> outcomes, AnalysisFailurePolicy policy,
                                 List<LabelledOutcome> withEstimate) {
        super(outcomes.size(), outcomes.stream().filter(LabelledOutcome::failed).count(),
                new ConfidenceOrder(withEstimate.stream().mapToDouble(LabelledOutcome::confidence).toArray(),
                        withEstimate.stream().mapToDouble(o -> o.correct() ? 1 : 0).toArray()), policy);
        this.outcomes = outcomes;
        TreeSet<String> labelSet = new TreeSet<>();
        for (LabelledOutcome outcome : outcomes) {
            labelSet.add(outcome.truth());
            if (outcome.estimate() != null) {
                labelSet.add(outcome.estimate());
            }
        }
        this.labels = List.copyOf(labelSet);
        this.estimateConfidences = withEstimate.stream().mapToDouble(LabelledOutcome::confidence).toArray();
        this.estimateCorrect = new boolean[withEstimate.size()];
        for (int i = 0; i < estimateCorrect.length; i++) {
            estimateCorrect[i] = withEstimate.get(i).correct();
        }
    }

    /**
     * Collects the outcomes.
     *
     * @param outcomes one per image with a known true label, in a stable order (sums follow it)
     * @param policy   what a failed analysis counts as
     * @return the attribute's outcomes
     */
    public static CategoricalAttribute of(Collection<LabelledOutcome> outcomes, AnalysisFailurePolicy policy) {
        List<LabelledOutcome> copy = List.copyOf(outcomes);
        return new CategoricalAttribute(copy, policy, copy.stream().filter(o -> o.estimate() != null).toList());
    }

    /**
     * Every label that is true or estimated for some image.
     *
     * @return sorted labels
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Coverage and accuracy at a confidence threshold.
     *
     * @param threshold c, not NaN
     * @return the decisions at c
     */
    public Decisions at(double threshold) {
        requireThreshold(threshold);
        long decided = decided(threshold);
        long correct = Math.round(estimates.sumAtOrAbove(threshold));
        return new Decisions(threshold, new Proportion(decided, images()), new Proportion(correct, decided));
    }

    /**
     * Accuracy among the estimates at or above a confidence, failed analyses left out whatever the policy:
     * whether a stated confidence of, say, 0.99 is right 99% of the time.
     *
     * @param confidence the least confidence, not NaN
     * @return correct estimates out of estimates with confidence {@code >= confidence}
     */
    public Proportion accuracyAtOrAbove(double confidence) {
        requireThreshold(confidence);
        return new Proportion(Math.round(estimates.sumAtOrAbove(confidence)), estimates.countAtOrAbove(confidence));
    }

    /**
     * The confusion matrix at a confidence threshold.
     *
     * @param threshold c, not NaN
     * @return the matrix over {@link #labels()}
     */
    public ConfusionMatrix confusion(double threshold) {
        requireThreshold(threshold);
        int n = labels.size();
        long[][] counts = new long[n][n];
        long[] undecided = new long[n];
        long[] failedByTruth = new long[n];
        for (LabelledOutcome outcome : outcomes) {
            int truth = labels.indexOf(outcome.truth());
            if (outcome.failed()) {
                failedByTruth[truth]++;
            } else if (outcome.estimate() == null || outcome.confidence() < threshold) {
                undecided[truth]++;
            } else {
                counts[truth][labels.indexOf(outcome.estimate())]++;
            }
        }
        return new ConfusionMatrix(threshold, labels, counts, undecided, failedByTruth);
    }

    /**
     * The accuracy/coverage curve: one point at each distinct confidence, highest first.
     *
     * @return the full curve (thin it for tables and figures)
     */
    public AccuracyCoverageCurve accuracyCoverage() {
        List<AccuracyCoverageCurve.Point> points = new ArrayList<>();
        for (double threshold : estimates.distinctDescending()) {
            Decisions decisions = at(threshold);
            points.add(new AccuracyCoverageCurve.Point(threshold, decisions.coverage().events(),
                    decisions.accuracy().events()));
        }
        return new AccuracyCoverageCurve(images(), points);
    }

    /**
     * Calibration of the estimates' confidences.
     *
     * @param bins M, the number of equal-width confidence bins, {@code >= 1}
     * @return the reliability diagram and its summaries
     */
    public Calibration calibration(int bins) {
        return Calibration.of(estimateConfidences, estimateCorrect, bins);
    }
}
