package org.touchstone.reports.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.touchstone.reports.attributes.AnalysisFailurePolicy;
import org.touchstone.runformat.runjson.AnalysisEvaluation;

/**
 * The metric packages name run.json's coded values in their own types (they stay free of file formats): the
 * names must be those run-format reads.
 */
class RunFormatVocabularyTest {
    @Test
    void theAnalysisFailurePoliciesAreThoseRunJsonAccepts() {
        assertThat(AnalysisFailurePolicy.labels()).isEqualTo(AnalysisEvaluation.FAILURE_POLICIES);
        for (String label : AnalysisEvaluation.FAILURE_POLICIES) {
            assertThat(AnalysisFailurePolicy.fromLabel(label).label()).isEqualTo(label);
        }
    }
}
