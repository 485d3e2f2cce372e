package org.touchstone.reports.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** A k-fold run's first figure: mean accuracy +- SE, read from a hand-written kfold block. */
class KFoldSummaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void meanAccuracyComesFirstWithItsStandardErrorAndTheSummedCounts() throws Exception {
        ObjectNode metrics = (ObjectNode) RunSummaryTest.verification(300, 151);
        // Two folds: 9 of 10 and 7 of 10 correct; mean 0.8, SE of the mean = sd(0.9, 0.7)/sqrt(2) = 0.1.
        metrics.set("kfold", JSON.readTree("""
                {"folds":2,"pairs":20,"mean_accuracy":0.8,"standard_error":0.1,
                 "per_fold":[{"fold":1,"genuine":5,"impostor":5,"correct":9},
                             {"fold":2,"genuine":5,"impostor":5,"correct":7}]}
                """));
        RunSummary summary = RunSummary.of(metrics);
        Headline first = summary.first();
        assertThat(first.key()).isEqualTo("kfold_accuracy");
        assertThat(first.value()).isEqualTo(0.8);
        assertThat(first.events()).isEqualTo(16);
        assertThat(first.trials()).isEqualTo(20);
        assertThat(first.lowerIsBetter()).isFalse();
        assertThat(first.hasInterval()).isFalse();
        assertThat(first.sentence()).contains("80.0%", "+- 10.0% standard error", "2 folds", "16 of 20");
        assertThat(summary.prominent()).extracting(Headline::key)
                .containsExactly("kfold_accuracy", "fnmr@fmr=0.001", "eer", "fte");
    }

    @Test
    void aRunWithoutFoldsHasNoKFoldFigure() throws Exception {
        JsonNode metrics = RunSummaryTest.verification(300, 151);
        assertThat(RunSummary.of(metrics).first().key()).isEqualTo("fnmr@fmr=0.001");
    }
}
