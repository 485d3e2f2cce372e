package org.touchstone.runner.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.Attribute;
import org.touchstone.api.AttributeAnalyzer;
import org.touchstone.api.AttributeEstimate;
import org.touchstone.api.Capability;
import org.touchstone.api.FaceAnalysis;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Result;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.protocols.ProtocolDefinition;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.SyntheticDatasetWriter;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.systems.CapabilityMismatchException;

/**
 * attributes@1.0.0 on 10 subjects x 3 images with a scripted analyzer that estimates sex and smile only:
 * images numbered -02 have no face, -03 throw; every other image gets "female" (0.75) and smile "true"
 * (0.6). So 10 analyses succeed, 10 find no face, 10 fail; age and eyeglasses are not evaluated.
 */
class AnalysisRunnerTest {
    @TempDir
    static Path data;
    static DatasetManifest manifest;
    static ProtocolDefinition protocol;

    /** Estimates sex and smile; declares nothing else. */
    static final class ScriptedAnalyzer implements FaceSystemProvider {
        @Override
        public SystemDescriptor descriptor() {
            return SystemDescriptor.builder("test-analyzer").vendor("t").name("t").version("1")
                    .capabilities(Capability.ANALYSIS).attributes(Attribute.SEX, Attribute.SMILE).build();
        }

        @Override
        public FaceSystem open(SystemContext context) {
            AttributeAnalyzer analyzer = image -> {
                if (image.id().endsWith("-02")) {
                    return Result.success(List.of());
                }
                if (image.id().endsWith("-03")) {
                    throw new IllegalStateException("analyzer crashed");
                }
                return Result.success(List.of(FaceAnalysis.of(null, 0.99, List.of(
                        AttributeEstimate.label(Attribute.SEX, "female", 0.75),
                        AttributeEstimate.label(Attribute.SMILE, "true", 0.6)))));
            };
            return new FaceSystem() {
                @Override
                public Optional<AttributeAnalyzer> analyzer() {
                    return Optional.of(analyzer);
                }
            };
        }
    }

    @BeforeAll
    static void dataset() throws Exception {
        manifest = ManifestLoader.load(SyntheticDatasetWriter.write(
                SyntheticSpec.parse("synthetic:subjects=10,images=3,seed=5"), data.resolve("dataset")));
        protocol = ProtocolRepository.builtIn().resolve("attributes@1.0.0");
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    @Test
    void onlyWhatTheSystemDeclaresAndTheDatasetLabelsIsEvaluated() throws Exception {
        AnalysisRunner.Scope scope = AnalysisRunner.scope(protocol.analysis().orElseThrow(),
                new ScriptedAnalyzer().descriptor(), manifest, protocol.source());
        assertThat(scope.attributes()).containsExactly("sex", "smile");
        assertThat(scope.notEvaluated()).containsOnlyKeys("age", "eyeglasses")
                .containsEntry("age", "system 'test-analyzer' does not estimate it");
        assertThat(scope.intersections()).containsExactly(List.of("sex", "skin_tone"));
        assertThat(scope.groupColumns()).containsExactly("age_band", "sex", "skin_tone");
    }

    @Test
    void aSystemThatEstimatesNothingAskedForIsRefusedBeforeAnyWork() {
        FaceSystemProvider hats = new FaceSystemProvider() {
            @Override
            public SystemDescriptor descriptor() {
                return SystemDescriptor.builder("hats").vendor("t").name("t").version("1")
                        .capabilities(Capability.ANALYSIS)
                        .attributes(Attribute.vendor("hat", Attribute.Kind.CATEGORICAL, List.of("none", "cap")))
                        .build();
            }

            @Override
            public FaceSystem open(SystemContext context) {
                throw new AssertionError("never opened");
            }
        };
        assertThatThrownBy(() -> AnalysisRunner.scope(protocol.analysis().orElseThrow(), hats.descriptor(), manifest,
                protocol.source())).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("nothing to evaluate").hasMessageContaining("x-hat");
    }

    @Test
    void theLbpSystemCannotRunAnAttributeProtocol(@TempDir Path tmp) throws Exception {
        FaceSystemProvider lbp = new org.touchstone.runner.systems.SystemRegistry(getClass().getClassLoader())
                .require("lbp");
        assertThatThrownBy(() -> new ProtocolRunner(Progress.silent()).run(new RunRequest("r", protocol, manifest,
                "synthetic", lbp, Optional.empty(), tmp.resolve("run"), 1)))
                .isInstanceOf(CapabilityMismatchException.class)
                .hasMessageContaining("attributes@1.0.0 needs capability ANALYSIS")
                .hasMessageContaining("offers only [VERIFICATION, IDENTIFICATION]");
        assertThat(tmp.resolve("run")).doesNotExist();
    }

    @Test
    void everyImageIsAnalysedOnceAndFailuresAreRecorded(@TempDir Path tmp) throws Exception {
        Path runDir = tmp.resolve("run");
        new ProtocolRunner(Progress.silent()).run(new RunRequest("attr-test", protocol, manifest, "synthetic",
                new ScriptedAnalyzer(), Optional.empty(), runDir, 2));
        List<CSVRecord> analyses = csv(runDir.resolve("analyses.csv"));
        assertThat(analyses).hasSize(30);
        assertThat(analyses).filteredOn(r -> r.get("status").equals("ok")).hasSize(10)
                .allSatisfy(r -> assertThat(r.get("sample_id")).endsWith("-01"));
        assertThat(analyses).filteredOn(r -> r.get("status").equals("no_face")).hasSize(10)
                .allSatisfy(r -> assertThat(r.get("failure_code")).isEqualTo(FailureCode.FACE_DETECTION_ERROR.name()));
        assertThat(analyses).filteredOn(r -> r.get("status").equals("failed")).hasSize(10)
                .allSatisfy(r -> {
                    assertThat(r.get("failure_code")).isEqualTo(FailureCode.UNCAUGHT_EXCEPTION.name());
                    assertThat(r.get("message")).contains("analyzer crashed");
                });
        CSVRecord first = analyses.get(0);
        assertThat(first.get("label:sex")).isEqualTo(manifest.samples().get(0).labels().get("sex"));
        assertThat(first.isMapped("group:skin_tone")).isTrue();
        assertThat(first.isMapped("label:age")).isFalse();

        List<CSVRecord> estimates = csv(runDir.resolve("estimates.csv"));
        assertThat(estimates).hasSize(20);
        assertThat(estimates).filteredOn(r -> r.get("attribute").equals("sex"))
                .allSatisfy(r -> {
                    assertThat(r.get("label")).isEqualTo("female");
                    assertThat(r.get("confidence")).isEqualTo("0.75");
                    assertThat(r.get("value")).isEmpty();
                });
        JsonNode json = new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
        assertThat(json.path("evaluation").path("attributes").toString()).isEqualTo("[\"sex\",\"smile\"]");
        assertThat(json.path("evaluation").path("attributes_not_evaluated").has("eyeglasses")).isTrue();
        assertThat(json.path("evaluation").path("failure_policy").asText()).isEqualTo("undecided");
    }
}
