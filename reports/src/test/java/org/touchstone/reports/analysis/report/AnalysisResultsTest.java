package org.touchstone.reports.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.reports.TinyAnalysisRun;
import org.touchstone.reports.input.AnalysisData;
import org.touchstone.reports.input.AnalysisRunSettings;
import org.touchstone.reports.stats.Proportion;

class AnalysisResultsTest {
    @TempDir
    Path tempDir;

    @Test
    void perGroupProportionsForSummariesOfDifferentials() throws IOException {
        Path runDir = TinyAnalysisRun.write(tempDir.resolve("run"));
        AnalysisRunSettings settings = AnalysisRunSettings.read(runDir.resolve("run.json"));
        AnalysisResults results = AnalysisResults.compute(settings, AnalysisData.read(runDir, settings));
        // Accuracy of sex per group at "default" (0.8), as fed to max/min, GARBE etc.
        Map<String, SortedMap<String, Proportion>> accuracy = results.attributes().get(1).byGroup(
                evaluation -> ((AnalysisResults.CategoricalResults) evaluation).atPoints().get(2).accuracy());
        assertThat(accuracy.keySet()).containsExactly("sex", "skin_tone", "sex & skin_tone");
        assertThat(accuracy.get("sex")).containsExactly(entry("female", new Proportion(1, 1)), entry("male", new Proportion(2, 3)));
        assertThat(accuracy.get("skin_tone").get("V")).isEqualTo(new Proportion(0, 0));
    }
}
