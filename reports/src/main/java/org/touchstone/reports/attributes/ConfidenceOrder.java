package org.touchstone.reports.attributes;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.touchstone.reports.verification.SortedScoreDistribution;

/**
 * Estimates in ascending order of confidence, each with a value to add up (1 for a correct label, the
 * absolute error of a numeric estimate), answering "how many are decided at threshold c, and what do their
 * values add up to" by binary search.
 */
final class ConfidenceOrder {
    private final double[] confidences;
    /** suffixSums[i] = the sum of the values of estimates i .. n-1 in ascending order; suffixSums[n] = 0. */
    private final double[] suffixSums;

    ConfidenceOrder(double[] confidences, double[] values) {
        // Sort by confidence, ties in input order, so that the sums are the same run after run.
        Integer[] order = IntStream.range(0, confidences.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> confidences[i]));
        this.confidences = new double[confidences.length];
        this.suffixSums = new double[confidences.length + 1];
        for (int i = 0; i < order.length; i++) {
            this.confidences[i] = confidences[order[i]];
        }
        for (int i = order.length - 1; i >= 0; i--) {
            suffixSums[i] = suffixSums[i + 1] + values[order[i]];
        }
    }

    /** Number of estimates. */
    int size() {
        return confidences.length;
    }

    /** Estimates with confidence {@code >= threshold}. */
    int countAtOrAbove(double threshold) {
        return confidences.length - SortedScoreDistribution.firstAtOrAbove(confidences, threshold);
    }

    /** Sum of the values of the estimates with confidence {@code >= threshold}. */
    double sumAtOrAbove(double threshold) {
        return suffixSums[SortedScoreDistribution.firstAtOrAbove(confidences, threshold)];
    }

    /** The distinct confidences, highest first: the thresholds where the decided set grows. */
    double[] distinctDescending() {
        return IntStream.range(0, confidences.length).map(i -> confidences.length - 1 - i)
                .mapToDouble(i -> confidences[i]).distinct().toArray();
    }
}
