package org.touchstone.runner.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.SyntheticDatasetWriter;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.reports.comparison.RunComparison;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.testsystems.SubjectOracleProvider;

/**
 * Two oracles on 10 subjects x 3 images (30 genuine, 405 impostor pairs): the subject oracle fails every
 * -03 template, so 20 of its 30 genuine pairs are false non-matches; the perfect oracle fails none. At
 * the headline FMR target (0.01, the smallest 405 impostor pairs support) the paired test sees 20 pairs
 * on which only the first erred and none on which only the second did.
 */
class ComparisonTest {
    @TempDir
    static Path data;
    static DatasetManifest manifest;

    /** The subject oracle without its failures. */
    static final class PerfectOracle implements FaceSystemProvider {
        @Override
        public SystemDescriptor descriptor() {
            return SystemDescriptor.builder("test-perfect").vendor("Touchstone tests").name("Perfect oracle")
                    .version("2").capabilities(Capability.VERIFICATION).scoreRange(new ScoreRange(0, 1)).build();
        }

        @Override
        public FaceSystem open(SystemContext context) {
            Verifier verifier = new Verifier() {
                @Override
                public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                    return Result.success(Template.of(images.get(0).id().split("-")[0].getBytes(StandardCharsets.UTF_8)));
                }

                @Override
                public ComparisonResult compare(Template enrolment, Template probe) {
                    return ComparisonResult.score(enrolment.equals(probe) ? 1.0 : 0.0);
                }
            };
            return new FaceSystem() {
                @Override
                public Optional<Verifier> verifier() {
                    return Optional.of(verifier);
                }
            };
        }
    }

    @BeforeAll
    static void dataset() throws Exception {
        manifest = ManifestLoader.load(SyntheticDatasetWriter.write(
                SyntheticSpec.parse("synthetic:subjects=10,images=3,seed=13"), data.resolve("dataset")));
    }

    private static Path run(Path dir, FaceSystemProvider system, DatasetManifest dataset) throws Exception {
        new ProtocolRunner(Progress.silent()).run(new RunRequest("cmp", ProtocolRepository.builtIn()
                .resolve("verification@1.0.0"), dataset, "synthetic", system, Optional.empty(), dir, 2));
        return dir;
    }

    @Test
    void leaderboardAndPairedTestCountTheSameTrials(@TempDir Path tmp) throws Exception {
        Path a = run(tmp.resolve("oracle"), new SubjectOracleProvider(), manifest);
        Path b = run(tmp.resolve("perfect"), new PerfectOracle(), manifest);
        RunComparison.Result result = RunComparison.compare(List.of(a, b), tmp.resolve("cmp"));

        JsonNode json = new ObjectMapper().readTree(tmp.resolve("cmp/comparison.json").toFile());
        JsonNode board = json.path("leaderboard");
        assertThat(board.path(0).path("measure").asText()).isEqualTo("FNMR at FMR 0.01");
        assertThat(board.path(0).path("system").asText()).startsWith("Perfect oracle 2");
        assertThat(board.path(0).path("events").asLong()).isZero();
        assertThat(board.path(1).path("events").asLong()).isEqualTo(20);
        assertThat(board.path(1).path("trials").asLong()).isEqualTo(30);
        JsonNode genuine = json.path("paired_tests").path(0);
        assertThat(genuine.path("trials").asText()).isEqualTo("genuine comparisons");
        assertThat(genuine.path("n").asLong()).isEqualTo(30);
        assertThat(genuine.path("first_only_erred").asLong()).isEqualTo(20);
        assertThat(genuine.path("second_only_erred").asLong()).isZero();
        assertThat(genuine.path("p_value").asDouble()).isLessThan(0.001);
        JsonNode impostor = json.path("paired_tests").path(1);
        assertThat(impostor.path("n").asLong()).isEqualTo(405);
        assertThat(impostor.path("first_only_erred").asLong() + impostor.path("second_only_erred").asLong()).isZero();
        assertThat(result.headline()).anyMatch(l -> l.contains("significant at 0.05"));
        assertThat(tmp.resolve("cmp/figures/det-overlay.svg")).exists();
        assertThat(Files.readString(tmp.resolve("cmp/comparison.html"))).contains("Perfect oracle").contains("McNemar");
    }

    @Test
    void runsOnDifferentDatasetsAreRefusedWithTheReason(@TempDir Path tmp) throws Exception {
        DatasetManifest other = ManifestLoader.load(SyntheticDatasetWriter.write(
                SyntheticSpec.parse("synthetic:subjects=10,images=3,seed=14"), tmp.resolve("other")));
        Path a = run(tmp.resolve("a"), new SubjectOracleProvider(), manifest);
        Path b = run(tmp.resolve("b"), new PerfectOracle(), other);
        assertThatThrownBy(() -> RunComparison.compare(List.of(a, b), tmp.resolve("cmp")))
                .isInstanceOf(RunComparison.IncompatibleRunsException.class)
                .hasMessageContaining("differ in dataset (manifest SHA-256)");
        assertThat(tmp.resolve("cmp")).doesNotExist();
    }
}
