package org.touchstone.runner.engine.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.touchstone.protocols.ProtocolDefinition;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.SyntheticDatasetWriter;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.runner.boundaries.RunFiles;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.RunOutcome;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runformat.io.Sha256;
import org.touchstone.runner.testsystems.SubjectOracleProvider;

/**
 * Runs verification@1.0.0 end to end with a system whose every answer is known (the subject oracle:
 * genuine pairs score 1, impostor pairs 0, images numbered -03 fail template creation) on 10 subjects x 3
 * images, and checks the raw outputs against counts worked out by hand:
 * 30 templates, 435 pairs (30 mated); 10 templates fail in both roles, so only the 20 good templates are
 * compared: 190 pairs (10 mated, each 1.0; 180 non-mated, each 0.0) and 245 pairs are not compared
 * (20 mated, 225 non-mated).
 */
class VerificationRunnerTest {
    @TempDir
    static Path data;
    static DatasetManifest manifest;
    static ProtocolDefinition protocol;

    @BeforeAll
    static void dataset() throws Exception {
        Path file = SyntheticDatasetWriter.write(SyntheticSpec.parse("synthetic:subjects=10,images=3,seed=1"),
                data.resolve("dataset"));
        manifest = ManifestLoader.load(file);
        protocol = ProtocolRepository.builtIn().resolve("verification@1.0.0");
    }

    private static RunOutcome run(Path runDir, int threads) throws Exception {
        return new ProtocolRunner(Progress.silent()).run(new RunRequest("test-run", protocol, manifest,
                "synthetic:subjects=10,images=3,seed=1", new SubjectOracleProvider(), Optional.empty(), runDir, threads));
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    @Test
    void rawOutputsMatchTheHandCountedPlan(@TempDir Path tmp) throws Exception {
        Path runDir = tmp.resolve("run");
        RunOutcome outcome = run(runDir, 2);

        assertThat(outcome.count("templates")).isEqualTo(60);
        assertThat(outcome.count("template_failures")).isEqualTo(20);
        assertThat(outcome.count("pairs")).isEqualTo(435);
        assertThat(outcome.count("compared")).isEqualTo(190);

        List<CSVRecord> templates = csv(runDir.resolve("templates.csv"));
        assertThat(templates).hasSize(60);
        assertThat(templates).filteredOn(r -> r.get("status").equals("failed"))
                .hasSize(20)
                .allSatisfy(r -> {
                    assertThat(r.get("sample_ids")).endsWith("-03");
                    assertThat(r.get("failure_code")).isEqualTo("FACE_DETECTION_ERROR");
                    assertThat(r.get("size_bytes")).isEmpty();
                });
        assertThat(templates.get(0).get("template_id")).isEqualTo("T000001");
        assertThat(templates.get(0).get("role")).isEqualTo("verification_enrolment");
        assertThat(templates.get(1).get("role")).isEqualTo("verification_probe");
        assertThat(templates.get(0).isMapped("group:skin_tone")).isTrue();

        List<CSVRecord> comparisons = csv(org.touchstone.runner.boundaries.RunFiles.comparisonsCsv(runDir));
        assertThat(comparisons).hasSize(435);
        Map<String, Integer> byStatus = new HashMap<>();
        comparisons.forEach(r -> byStatus.merge(r.get("status") + "/" + r.get("mated"), 1, Integer::sum));
        assertThat(byStatus).containsOnly(
                Map.entry("ok/true", 10), Map.entry("ok/false", 180),
                Map.entry("template_failed/true", 20), Map.entry("template_failed/false", 225));
        assertThat(comparisons).filteredOn(r -> r.get("status").equals("ok"))
                .allSatisfy(r -> assertThat(Double.parseDouble(r.get("score")))
                        .isEqualTo(r.get("mated").equals("true") ? 1.0 : 0.0));
        assertThat(comparisons).filteredOn(r -> r.get("status").equals("template_failed"))
                .allSatisfy(r -> {
                    assertThat(r.get("failure_code")).isEqualTo("FACE_DETECTION_ERROR");
                    assertThat(r.get("score")).isEmpty();
                    assertThat(r.get("latency_ns")).isEmpty();
                });
        // Plan order: probe T000002 against T000001, then probe T000003 against T000001 and T000002, ...
        assertThat(comparisons.get(0).get("probe_template")).isEqualTo("T000002");
        assertThat(comparisons.get(0).get("enrolment_template")).isEqualTo("T000001");
        assertThat(comparisons.get(2).get("probe_template")).isEqualTo("T000003");
        assertThat(comparisons.get(2).get("enrolment_template")).isEqualTo("T000002");
    }

    @Test
    void provenanceNamesEverythingAndHashesEveryFile(@TempDir Path tmp) throws Exception {
        Path runDir = tmp.resolve("run");
        run(runDir, 1);
        JsonNode json = new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
        assertThat(json.path("format").asText()).isEqualTo("touchstone-run/2");
        assertThat(json.path("status").asText()).isEqualTo("complete");
        assertThat(json.path("protocol").path("sha256").asText()).isEqualTo(protocol.sha256());
        assertThat(json.path("dataset").path("sha256").asText()).isEqualTo(manifest.sha256());
        assertThat(json.path("system").path("id").asText()).isEqualTo(SubjectOracleProvider.ID);
        assertThat(json.path("system").path("artifact").path("sha256").asText()).hasSize(64);
        assertThat(json.path("evaluation").path("thresholds").get(0).path("value").asDouble()).isEqualTo(0.5);
        assertThat(json.path("environment").path("cores").asInt()).isPositive();
        assertThat(json.path("started").asText()).isNotEmpty();
        assertThat(json.path("finished").asText()).isNotEmpty();
        JsonNode files = json.path("files");
        assertThat(files.has("comparisons.arrows")).isTrue();
        assertThat(files.has("templates.csv")).isTrue();
        assertThat(files.has("protocol.yaml")).isTrue();
        assertThat(files.has("metrics.json")).isTrue();
        assertThat(files.has("run.json")).isFalse();
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) files::fields) {
            assertThat(Sha256.hex(runDir.resolve(entry.getKey()))).as(entry.getKey())
                    .isEqualTo(entry.getValue().asText());
        }
        try (var stream = Files.walk(runDir)) {
            assertThat(stream.filter(p -> p.toString().endsWith(".partial"))).isEmpty();
        }
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads(@TempDir Path tmp) throws Exception {
        run(tmp.resolve("one"), 1);
        run(tmp.resolve("three"), 3);
        List<CSVRecord> one = csv(org.touchstone.runner.boundaries.RunFiles.comparisonsCsv(tmp.resolve("one")));
        List<CSVRecord> three = csv(org.touchstone.runner.boundaries.RunFiles.comparisonsCsv(tmp.resolve("three")));
        assertThat(three).hasSameSizeAs(one);
        for (int i = 0; i < one.size(); i++) {
            for (String column : List.of("enrolment_template", "probe_template", "mated", "status", "score")) {
                assertThat(three.get(i).get(column)).isEqualTo(one.get(i).get(column));
            }
        }
        assertThat(RunFiles.metricsWithoutTiming(tmp.resolve("three/metrics.json")))
                .isEqualTo(RunFiles.metricsWithoutTiming(tmp.resolve("one/metrics.json")));
    }

    @Test
    void aNonEmptyRunDirectoryIsNeverOverwritten(@TempDir Path tmp) throws Exception {
        Path runDir = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(runDir.resolve("precious.txt"), "keep me");
        assertThatThrownBy(() -> run(runDir, 1)).isInstanceOf(IOException.class)
                .hasMessageContaining("already exists and is not empty");
        assertThat(Files.readString(runDir.resolve("precious.txt"))).isEqualTo("keep me");
    }
}
