package org.touchstone.reports.attributes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.touchstone.reports.stats.Proportion;

/**
 * The outcomes of one categorical attribute (sex, smile, ...) over a set of images whose true label is
 * known, and every metric of it: coverage and accuracy at a confidence threshold, the confusion matrix,
 * the accuracy/coverage curve and calibration.
 *
 * <p>At threshold c an image is <em>decided</em> when it has an estimate with confidence {@code >= c};
 * coverage = decided / images and accuracy = correct / decided. An image whose analysis failed is
 * undecided under {@link FailurePolicy#UNDECIDED} and decided and wrong under {@link FailurePolicy#ERROR},
 * at every threshold. An image analysed without an estimate of this attribute is undecided under both.
 */
public final class CategoricalAttribute {
    private final List<LabelledOutcome> outcomes;
    private final FailurePolicy policy;
    private final List<String> labels;
    private final long failed;
    private final ConfidenceOrder estimates;
    private final double[] estimateConfidences;
    private final boolean[] estimateCorrect;

    private CategoricalAttribute(List<LabelledOutcome> outcomes, FailurePolicy policy) {
        this.outcomes = outcomes;
        this.policy = policy;
        TreeSet<String> labelSet = new TreeSet<>();
        List<LabelledOutcome> withEstimate = new ArrayList<>();
        long failedImages = 0;
        for (LabelledOutcome outcome : outcomes) {
            labelSet.add(outcome.truth());
            if (outcome.estimate() != null) {
                labelSet.add(outcome.estimate());
                withEstimate.add(outcome);
            }
            failedImages += outcome.failed() ? 1 : 0;
        }
        this.labels = List.copyOf(labelSet);
        this.failed = failedImages;
        this.estimateConfidences = withEstimate.stream().mapToDouble(LabelledOutcome::confidence).toArray();
        this.estimateCorrect = new boolean[withEstimate.size()];
        double[] ones = new double[withEstimate.size()];
        for (int i = 0; i < ones.length; i++) {
            estimateCorrect[i] = withEstimate.get(i).correct();
            ones[i] = estimateCorrect[i] ? 1 : 0;
        }
        this.estimates = new ConfidenceOrder(estimateConfidences, ones);
    }

    /**
     * Collects the outcomes.
     *
     * @param outcomes one per image with a known true label, in a stable order (sums follow it)
     * @param policy   what a failed analysis counts as
     * @return the attribute's outcomes
     */
    public static CategoricalAttribute of(Collection<LabelledOutcome> outcomes, FailurePolicy policy) {
        return new CategoricalAttribute(List.copyOf(outcomes), Objects.requireNonNull(policy, "policy"));
    }

    /**
     * Images with a known true label: the coverage denominator.
     *
     * @return images
     */
    public long images() {
        return outcomes.size();
    }

    /**
     * Images whose analysis failed.
     *
     * @return failed images, included in {@link #images()}
     */
    public long failedImages() {
        return failed;
    }

    /**
     * Images with an estimate, whatever its confidence.
     *
     * @return estimates
     */
    public long estimates() {
        return estimates.size();
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
        long asWrong = policy == FailurePolicy.ERROR ? failed : 0;
        long decided = estimates.countAtOrAbove(threshold) + asWrong;
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

    private static void requireThreshold(double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must not be NaN");
        }
    }
}
