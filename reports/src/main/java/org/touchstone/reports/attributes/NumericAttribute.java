package org.touchstone.reports.attributes;

import java.util.Collection;
import java.util.List;
import org.touchstone.reports.stats.Proportion;

/**
 * The outcomes of one numeric attribute (such as age) over a set of images whose true value is known, and
 * its metrics: coverage and mean absolute error at a confidence threshold, and the error rates of the
 * decision "value at least a" at threshold values a.
 *
 * <p>An image analysed without an estimate of the attribute is undecided and outside every error rate. An
 * image whose analysis failed is undecided under {@link AnalysisFailurePolicy#UNDECIDED}; under
 * {@link AnalysisFailurePolicy#ERROR} it counts as decided (coverage) and as an error in both threshold error
 * rates, but, having no value, stays out of the mean absolute error.
 */
public final class NumericAttribute extends AttributeOutcomes {
    private final List<NumericOutcome> outcomes;

    private NumericAttribute(List<NumericOutcome> outcomes, AnalysisFailurePolicy policy,
                             List<NumericOutcome> withEstimate) {
        super(outcomes.size(), outcomes.stream().filter(NumericOutcome::failed).count(),
                new ConfidenceOrder(withEstimate.stream().mapToDouble(NumericOutcome::confidence).toArray(),
                        withEstimate.stream().mapToDouble(o -> Math.abs(o.estimate() - o.truth())).toArray()), policy);
        this.outcomes = outcomes;
    }

    /**
     * Collects the outcomes.
     *
     * @param outcomes one per image with a known true value, in a stable order (sums follow it)
     * @param policy   what a failed analysis counts as
     * @return the attribute's outcomes
     */
    public static NumericAttribute of(Collection<NumericOutcome> outcomes, AnalysisFailurePolicy policy) {
        List<NumericOutcome> copy = List.copyOf(outcomes);
        return new NumericAttribute(copy, policy, copy.stream().filter(NumericOutcome::hasEstimate).toList());
    }

    /**
     * Coverage and mean absolute error at a confidence threshold.
     *
     * @param threshold c, not NaN; 0 takes every estimate
     * @return the decisions at c
     */
    public NumericDecisions at(double threshold) {
        requireThreshold(threshold);
        int decidedEstimates = estimates.countAtOrAbove(threshold);
        long decided = decided(threshold);
        double mae = decidedEstimates == 0 ? Double.NaN : estimates.sumAtOrAbove(threshold) / decidedEstimates;
        return new NumericDecisions(threshold, new Proportion(decided, images()), decidedEstimates, mae);
    }

    /**
     * The error rates of "value at least a" decided from every estimate, whatever its confidence.
     *
     * @param threshold a, finite
     * @return over-estimate errors among true values below a, under-estimate errors among the others
     */
    public ThresholdErrors thresholdErrors(double threshold) {
        long below = 0;
        long over = 0;
        long atOrAbove = 0;
        long under = 0;
        boolean failedIsError = policy() == AnalysisFailurePolicy.ERROR;
        for (NumericOutcome outcome : outcomes) {
            boolean counted = outcome.hasEstimate() || outcome.failed() && failedIsError;
            if (!counted) {
                continue;
            }
            // A failed analysis under the error policy is wrong on either side of the threshold.
            boolean failedError = outcome.failed();
            if (outcome.truth() < threshold) {
                below++;
                over += failedError || outcome.estimate() >= threshold ? 1 : 0;
            } else {
                atOrAbove++;
                under += failedError || outcome.estimate() < threshold ? 1 : 0;
            }
        }
        return new ThresholdErrors(threshold, new Proportion(over, below), new Proportion(under, atOrAbove));
    }
}
