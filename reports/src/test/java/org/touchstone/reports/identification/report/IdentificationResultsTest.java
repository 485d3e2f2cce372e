package org.touchstone.reports.identification.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.reports.TinyIdentificationRun;
import org.touchstone.reports.input.IdentificationRunSettings;
import org.touchstone.reports.input.SearchData;
import org.touchstone.reports.input.TemplateTable;
import org.touchstone.reports.stats.Proportion;

class IdentificationResultsTest {
    @TempDir
    Path tempDir;

    @Test
    void perGroupProportionsForSummariesOfDifferentials() throws IOException {
        Path runDir = TinyIdentificationRun.write(tempDir.resolve("run"));
        IdentificationRunSettings settings = IdentificationRunSettings.read(runDir.resolve("run.json"));
        TemplateTable templates = TemplateTable.read(runDir.resolve("templates.csv"), settings.groupColumns());
        IdentificationResults results = IdentificationResults.compute(settings, templates,
                SearchData.read(runDir, templates, settings.candidateListLength()));
        // FNIR per group of G0000000 at the global FPIR-0.5 threshold (0.6), as fed to max/min, GARBE etc.
        Map<String, SortedMap<String, Proportion>> fnir = results.galleries().get(0)
                .byGroup(group -> group.atFpirPoints().get(0).fnir());
        assertThat(fnir.keySet()).containsExactly("sex", "age_band", "sex & age_band");
        assertThat(fnir.get("sex")).containsExactly(entry("female", new Proportion(0, 1)), entry("male", new Proportion(1, 2)));
        assertThat(fnir.get("age_band").get("60+")).isEqualTo(new Proportion(0, 0));
    }
}
