package org.touchstone.reports.summary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A part of a report that puts figures on the first screen. Each capability has one
 * ({@link VerificationSummary}, {@link IdentificationSummary}, {@link AnalysisSummary}); a new part of a report
 * (say k-fold accuracy) adds its own implementation, reading its block of metrics.json, to
 * {@link RunSummary#sections}, and its figures then appear on the card, in {@code check} and in
 * {@code publish} with no other change.
 */
public interface SummarySection {
    /**
     * @param metrics the run's metrics.json
     * @return its headline figures in the order to show them (unsupported points included); empty when the
     *         metrics lack the section's block
     */
    List<Headline> headlines(JsonNode metrics);

    /**
     * @param metrics the run's metrics.json
     * @return the demographic verdicts, one per measure the section compares between groups; empty when the
     *         run has no groups
     */
    default List<DemographicVerdict> demographics(JsonNode metrics) {
        return List.of();
    }
}
