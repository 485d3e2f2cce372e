package org.touchstone.protocols;

import java.util.List;
import java.util.Optional;

/**
 * The settings of an attribute (facial analysis) protocol. See {@code docs/protocol-format.md}.
 *
 * @param attributes           the attributes scored (standard attribute names); an attribute is evaluated
 *                             where the dataset labels it and the system declares it
 * @param confidenceThresholds confidence thresholds to report at, ascending, in [0, 1]
 * @param vendorThresholds     also report at every analysis threshold the system declares
 * @param ageThresholds        ages at which over- and under-age errors are reported, ascending
 * @param calibrationBins      equal-width confidence bins of the reliability diagram
 * @param groupColumns         the group columns for subgroup tables; empty means every group column of
 *                             the dataset
 * @param intersections        combinations of group columns for intersectional tables
 * @param equivalenceMargin    the margin, declared in advance, of the equivalence test behind any parity
 *                             claim between groups (an absolute difference in accuracy)
 * @param failurePolicy        how failed analyses and missed faces enter the metrics
 */
public record AnalysisSettings(List<String> attributes, List<Double> confidenceThresholds, boolean vendorThresholds,
                               List<Integer> ageThresholds, int calibrationBins, Optional<List<String>> groupColumns,
                               List<List<String>> intersections, double equivalenceMargin,
                               AnalysisFailurePolicy failurePolicy) {
    /** Copies the lists. */
    public AnalysisSettings {
        attributes = List.copyOf(attributes);
        confidenceThresholds = List.copyOf(confidenceThresholds);
        ageThresholds = List.copyOf(ageThresholds);
        groupColumns = groupColumns.map(List::copyOf);
        intersections = intersections.stream().map(List::copyOf).toList();
    }
}
