package org.touchstone.runner.engine.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic the template-pair end-to-end tests share: TAR at FAR for IJB's six targets, recomputed here from
 * the scores the test's oracle gives the pairs whose templates were made, and the pairs whose templates failed
 * (non-matches), then compared with the run's {@code metrics.json}.
 */
final class TemplatePairsArithmetic {
    private TemplatePairsArithmetic() {
    }

    /**
     * @param runDir         the run
     * @param genuine        the genuine pairs' scores, both templates made
     * @param impostor       the impostor pairs' scores, both templates made
     * @param failedGenuine  genuine pairs with a template that failed to acquire
     * @param failedImpostor impostor pairs with a template that failed to acquire
     */
    static void assertOperatingPoints(Path runDir, List<Double> genuine, List<Double> impostor, int failedGenuine,
                                      int failedImpostor) throws IOException {
        int ng = genuine.size() + failedGenuine;
        int ni = impostor.size() + failedImpostor;
        JsonNode points = new ObjectMapper().readTree(runDir.resolve("metrics.json").toFile()).path("fmr_operating_points");
        List<Double> targets = List.of(1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6);
        assertThat(points).hasSize(targets.size());
        List<Double> candidates = new ArrayList<>(genuine);
        candidates.addAll(impostor);
        candidates.sort(null);
        for (int i = 0; i < targets.size(); i++) {
            double f = targets.get(i);
            double threshold = Double.NaN;
            for (double t : candidates) {
                long falseMatches = impostor.stream().filter(v -> v >= t).count();
                if ((double) falseMatches / ni <= f) {
                    threshold = t;
                    break;
                }
            }
            double t = threshold;
            long falseMatches = impostor.stream().filter(v -> v >= t).count();
            long falseNonMatches = failedGenuine + genuine.stream().filter(u -> u < t).count();
            JsonNode point = points.get(i);
            assertThat(point.path("fmr_target").asDouble()).isEqualTo(f);
            assertThat(point.path("supported").asBoolean()).as("supported at %s", f).isEqualTo(ni >= Math.ceil(3 / f));
            assertThat(point.path("threshold").asDouble()).as("threshold at %s", f).isEqualTo(threshold);
            assertThat(point.path("impostor_comparisons").asLong()).isEqualTo(ni);
            assertThat(point.path("genuine_comparisons").asLong()).isEqualTo(ng);
            assertThat(point.path("false_matches").asLong()).as("false matches at %s", f).isEqualTo(falseMatches);
            assertThat(point.path("false_non_matches").asLong()).as("false non-matches at %s", f)
                    .isEqualTo(falseNonMatches);
        }
    }
}
