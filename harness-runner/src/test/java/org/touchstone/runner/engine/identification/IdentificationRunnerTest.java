package org.touchstone.runner.engine.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.IdentificationSettings;
import org.touchstone.protocols.ProtocolDefinition;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.SyntheticDatasetWriter;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.RunOutcome;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.testsystems.IdentificationOracleProvider;

/**
 * identification@1.0.0 on 40 subjects x 4 images with the 1:N oracle: 10 mated subjects (first image
 * enrolled, 3 probes each), 10 non-mated subjects (4 probes each), 20 distractors; galleries with 0, 10
 * and all 20 distractors; 70 probes searched in each of the 3 galleries.
 */
class IdentificationRunnerTest {
    @TempDir
    static Path data;
    static DatasetManifest manifest;
    static ProtocolDefinition protocol;
    static IdentificationPlan plan;

    @BeforeAll
    static void dataset() throws Exception {
        manifest = ManifestLoader.load(SyntheticDatasetWriter.write(
                SyntheticSpec.parse("synthetic:subjects=40,images=4,seed=3"), data.resolve("dataset")));
        protocol = ProtocolRepository.builtIn().resolve("identification@1.0.0");
        IdentificationSettings settings = protocol.identification().orElseThrow();
        plan = IdentificationPlan.build(settings, protocol.seed(), manifest, protocol.source());
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    @Test
    void theSplitAndTheSweepFollowTheProtocol() {
        assertThat(plan.matedSubjects()).hasSize(10);
        assertThat(plan.nonMatedSubjects()).hasSize(10);
        assertThat(plan.distractors()).hasSize(20);
        assertThat(plan.probes()).hasSize(10 * 3 + 10 * 4);
        assertThat(plan.galleries()).extracting(IdentificationPlan.GalleryPlan::id)
                .containsExactly("G0000000", "G0000010", "G0000020");
        assertThat(plan.galleries()).extracting(g -> g.templates().size()).containsExactly(10, 20, 30);
        // Nested: each gallery holds the previous one.
        assertThat(plan.galleries().get(2).templates()).startsWith(plan.galleries().get(1).templates().toArray(Integer[]::new));
        assertThat(plan.matedSubjects()).doesNotContainAnyElementsOf(plan.nonMatedSubjects());
    }

    @Test
    void theSplitDependsOnTheSeedOnly() throws Exception {
        IdentificationPlan again = IdentificationPlan.build(protocol.identification().orElseThrow(), protocol.seed(),
                manifest, protocol.source());
        assertThat(again.matedSubjects()).isEqualTo(plan.matedSubjects());
        IdentificationPlan other = IdentificationPlan.build(protocol.identification().orElseThrow(),
                protocol.seed() + 1, manifest, protocol.source());
        assertThat(other.matedSubjects()).isNotEqualTo(plan.matedSubjects());
    }

    @Test
    void candidateListsThatBreakTheContractAreRecordedAsFailuresNotRepaired(@TempDir Path tmp) throws Exception {
        Path runDir = tmp.resolve("run");
        RunOutcome outcome = new ProtocolRunner(Progress.silent()).run(new RunRequest("id-test", protocol, manifest,
                "synthetic", new IdentificationOracleProvider(), Optional.empty(), runDir, 2));
        assertThat(outcome.count("searches")).isEqualTo(3 * 70);

        List<CSVRecord> searches = csv(runDir.resolve("searches.csv"));
        assertThat(searches).hasSize(210);
        Map<String, Integer> gallerySize = Map.of("G0000000", 10, "G0000010", 20, "G0000020", 30);
        for (CSVRecord r : searches) {
            String probeImage = templateSample(runDir, r.get("probe_template")).split("-")[1];
            char mode = r.get("probe_subject").charAt(r.get("probe_subject").length() - 1);
            boolean mated = r.get("mated").equals("true");
            String[] expected = expected(probeImage.equals("03") ? mode : '0', mated, gallerySize.get(r.get("gallery_id")));
            assertThat(r.get("status")).as("search %s in %s", r.get("probe_template"), r.get("gallery_id"))
                    .isEqualTo(expected[0]);
            assertThat(r.get("message")).contains(expected[1]);
            if (!expected[0].equals("ok")) {
                assertThat(r.get("candidates")).isEqualTo("0");
            }
        }
        Map<String, Integer> candidatesPerSearch = new HashMap<>();
        for (CSVRecord c : csv(runDir.resolve("candidates.csv"))) {
            candidatesPerSearch.merge(c.get("gallery_id") + "/" + c.get("probe_template"), 1, Integer::sum);
        }
        for (CSVRecord r : searches) {
            int expected = Integer.parseInt(r.get("candidates"));
            assertThat(candidatesPerSearch.getOrDefault(r.get("gallery_id") + "/" + r.get("probe_template"), 0))
                    .isEqualTo(expected);
        }
        List<CSVRecord> galleries = csv(runDir.resolve("galleries.csv"));
        assertThat(galleries).extracting(g -> g.get("enrolled_templates")).containsExactly("10", "20", "30");
        assertThat(galleries).allSatisfy(g -> assertThat(g.get("status")).isEqualTo("ok"));
    }

    /** @return the expected status and a phrase of the message for a probe of the oracle's given mode */
    private static String[] expected(char mode, boolean mated, int gallerySize) {
        return switch (mode) {
            case '1' -> mated ? new String[] {"invalid_output", "not sorted by descending score"} : new String[] {"ok", ""};
            case '2' -> gallerySize >= 20 ? new String[] {"invalid_output", "more than the 20 asked for"}
                    : new String[] {"invalid_output", "repeats"};
            case '3' -> new String[] {"invalid_output", "'nobody', which is not enrolled in this gallery"};
            case '4' -> new String[] {"invalid_output", "repeats"};
            case '5' -> new String[] {"invalid_output", "has score NaN"};
            case '6' -> new String[] {"search_failed", "vendor says no"};
            case '7' -> new String[] {"search_failed", "search blew up"};
            default -> new String[] {"ok", ""};
        };
    }

    private static Map<String, String> samples;

    private static synchronized String templateSample(Path runDir, String templateId) throws IOException {
        if (samples == null) {
            samples = new HashMap<>();
            for (CSVRecord t : csv(runDir.resolve("templates.csv"))) {
                samples.put(t.get("template_id"), t.get("sample_ids"));
            }
        }
        return samples.get(templateId);
    }
}
