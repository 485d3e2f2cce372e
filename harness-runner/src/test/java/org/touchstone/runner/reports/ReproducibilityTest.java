package org.touchstone.runner.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.Capability;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.protocols.ProtocolDefinition;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.SyntheticDatasetWriter;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.reports.RunReports;
import org.touchstone.reports.card.ReportCard;
import org.touchstone.reports.verify.RunVerifier;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.testsystems.SubjectOracleProvider;

/** A run's report regenerates byte for byte, tampering is caught and named, hostile strings are escaped. */
class ReproducibilityTest {
    @TempDir
    static Path data;
    static DatasetManifest manifest;
    static ProtocolDefinition protocol;

    @BeforeAll
    static void dataset() throws Exception {
        manifest = ManifestLoader.load(SyntheticDatasetWriter.write(
                SyntheticSpec.parse("synthetic:subjects=10,images=3,seed=11"), data.resolve("dataset")));
        protocol = ProtocolRepository.builtIn().resolve("verification@1.0.0");
    }

    private static Path run(Path runDir, FaceSystemProvider system) throws Exception {
        new ProtocolRunner(Progress.silent()).run(new RunRequest("repro", protocol, manifest, "synthetic", system,
                Optional.empty(), runDir, 2));
        return runDir;
    }

    @Test
    void regeneratingTheReportGivesTheSameBytesAndVerifyAgrees(@TempDir Path tmp) throws Exception {
        Path runDir = run(tmp.resolve("run"), new SubjectOracleProvider());
        byte[] metrics = Files.readAllBytes(runDir.resolve("metrics.json"));
        byte[] card = Files.readAllBytes(runDir.resolve(ReportCard.FILE));
        byte[] det = Files.readAllBytes(runDir.resolve("figures/det.svg"));
        RunReports.generate(runDir);
        assertThat(Files.readAllBytes(runDir.resolve("metrics.json"))).isEqualTo(metrics);
        assertThat(Files.readAllBytes(runDir.resolve(ReportCard.FILE))).isEqualTo(card);
        assertThat(Files.readAllBytes(runDir.resolve("figures/det.svg"))).isEqualTo(det);
        RunVerifier.Verdict verdict = RunVerifier.verify(runDir);
        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.filesChecked()).isGreaterThan(10);
        assertThat(verdict.recomputed()).isGreaterThan(5);
    }

    @Test
    void editingOneScoreIsCaughtNamingTheFileAndTheNumbersItChanges(@TempDir Path tmp) throws Exception {
        Path runDir = run(tmp.resolve("run"), new SubjectOracleProvider());
        // The subject oracle scores 1.0 only genuine pairs.
        assertThat(org.touchstone.runner.boundaries.RunFiles.editFirstScore(runDir, 1.0, 0.0))
                .as("a scored genuine comparison").isNotNegative();

        RunVerifier.Verdict verdict = RunVerifier.verify(runDir);
        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.problems()).anySatisfy(p -> assertThat(p).startsWith("comparisons.arrows: SHA-256"));
        assertThat(verdict.problems()).anySatisfy(p -> assertThat(p).startsWith("metrics.json: differs"));
        assertThat(verdict.problems()).anySatisfy(p -> assertThat(p).contains("metrics.json ")
                .contains("false_non_matches"));
    }

    @Test
    void afterRegeneratingFromEditedScoresTheHashesAloneCatchTheScoreAndEveryNumberItMoved(@TempDir Path tmp)
            throws Exception {
        // What `touchstone report` does: regenerate from the raw files, then check hashes (no recomputation).
        Path runDir = run(tmp.resolve("run"), new SubjectOracleProvider());
        RunVerifier.Verdict clean = RunVerifier.checkHashes(runDir);
        assertThat(clean.problems()).isEmpty();
        assertThat(clean.filesChecked()).isGreaterThan(10);
        assertThat(clean.recomputed()).isZero();

        assertThat(org.touchstone.runner.boundaries.RunFiles.editFirstScore(runDir, 1.0, 0.0))
                .as("a scored genuine comparison").isNotNegative();
        RunReports.generate(runDir);
        RunVerifier.Verdict verdict = RunVerifier.checkHashes(runDir);
        assertThat(verdict.recomputed()).isZero();
        assertThat(verdict.problems()).anySatisfy(p -> assertThat(p).startsWith("comparisons.arrows: SHA-256"));
        assertThat(verdict.problems()).anySatisfy(p -> assertThat(p).startsWith("metrics.json: SHA-256"));
    }

    @Test
    void aHostileDescriptorCannotInjectScriptIntoTheReportCard(@TempDir Path tmp) throws Exception {
        FaceSystemProvider oracle = new SubjectOracleProvider();
        FaceSystemProvider hostile = new FaceSystemProvider() {
            @Override
            public SystemDescriptor descriptor() {
                return SystemDescriptor.builder("hostile").vendor("<script>alert('vendor')</script>")
                        .name("\"><img src=x onerror=alert(1)>").version("1 & <b>2</b>")
                        .description("<iframe src=javascript:alert(1)>").capabilities(Capability.VERIFICATION)
                        .scoreRange(new ScoreRange(0, 1)).property("model", "</pre><script>x</script>").build();
            }

            @Override
            public FaceSystem open(SystemContext context) throws org.touchstone.api.FaceSystemException {
                return oracle.open(context);
            }
        };
        Path runDir = run(tmp.resolve("run"), hostile);
        String html = Files.readString(runDir.resolve(ReportCard.FILE));
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<iframe")
                .doesNotContain("<img src=x").doesNotContain("<b>2</b>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;vendor&#39;)&lt;/script&gt;")
                .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    }
}
