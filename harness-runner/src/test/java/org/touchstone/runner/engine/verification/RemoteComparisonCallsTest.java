package org.touchstone.runner.engine.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.runner.boundaries.RunFiles;
import org.touchstone.runner.boundaries.TestRuns;
import org.touchstone.runner.engine.RunOutcome;
import org.touchstone.runner.systems.CallLimits;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.http.HttpClientSettings;
import org.touchstone.runner.systems.http.HttpSystemProvider;
import org.touchstone.runner.systems.serve.HttpApiServer;
import org.touchstone.runner.systems.serve.ServeSettings;
import org.touchstone.runner.systems.serve.ServedSystem;

/**
 * A system behind an HTTP service gets each probe's enrolments in calls larger than the in-process block
 * (a round trip per call is what a remote system pays), and every pair still gets its own score: the run's
 * comparisons equal the in-process run's, row for row. 50 subjects x 2 images of 100 KB templates: rows of up
 * to 99 enrolments, cut into smaller requests only while the service still has templates to receive.
 */
class RemoteComparisonCallsTest {
    private static final int TEMPLATE_BYTES = 100_000;
    private static final Queue<Integer> CALL_SIZES = new ConcurrentLinkedQueue<>();

    /** Templates of the image id padded to 100 KB; a pair's score depends on both ids, so a misplaced score shows. */
    private static final class PaddedIds implements FaceSystemProvider {
        @Override
        public SystemDescriptor descriptor() {
            return SystemDescriptor.builder("test-padded-ids").vendor("Touchstone tests").name("Padded ids")
                    .version("1").capabilities(Capability.VERIFICATION).scoreRange(new ScoreRange(0, 1)).build();
        }

        @Override
        public FaceSystem open(SystemContext context) {
            Verifier verifier = new Verifier() {
                @Override
                public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                    return Result.success(Template.of(Arrays.copyOf(images.get(0).id().getBytes(StandardCharsets.UTF_8),
                            TEMPLATE_BYTES)));
                }

                @Override
                public ComparisonResult compare(Template enrolment, Template probe) {
                    int h = 31 * idHash(enrolment) + idHash(probe);
                    return ComparisonResult.score(Math.floorMod(h, 1000) / 1000.0);
                }

                @Override
                public List<ComparisonResult> compareMany(Template probe, List<Template> enrolments) {
                    CALL_SIZES.add(enrolments.size());
                    return enrolments.stream().map(e -> compare(e, probe)).toList();
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

    /** A hash of a template's first 16 bytes (the image id): hashing all 100 KB per comparison only costs time. */
    private static int idHash(Template t) {
        byte[] head = new byte[16];
        t.buffer().get(head);
        return Arrays.hashCode(head);
    }

    @Test
    void remoteCallsAreLargerButBoundedAndScoreEveryPairAsInProcess(@TempDir Path tmp) throws Exception {
        DatasetManifest manifest = TestRuns.dataset("synthetic:subjects=50,images=2,seed=5", tmp.resolve("dataset"));
        Path inProcess = tmp.resolve("in-process");
        RunOutcome direct = TestRuns.verification("remote-calls", manifest, new PaddedIds(), inProcess);
        assertThat(direct.count("compared")).isEqualTo(100 * 99 / 2);
        assertThat(CALL_SIZES).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(ComparisonStage.BLOCK));
        CALL_SIZES.clear();

        Path remote = tmp.resolve("remote");
        try (OpenedSystem opened = OpenedSystem.open(new PaddedIds(), Optional.empty(), Capability.VERIFICATION,
                "serve", 2);
             ServedSystem served = ServedSystem.of(opened);
             HttpApiServer server = HttpApiServer.start(served, ServeSettings.loopback())) {
            TestRuns.verification("remote-calls", manifest,
                    HttpSystemProvider.connect(server.uri(), HttpClientSettings.defaults(), CallLimits.defaults()), remote);
        }
        // Whole rows once the service holds every template (the longest row has 99 enrolments), and every
        // pair once: parts the HTTP adapter cut while it still had templates to send add up.
        assertThat(CALL_SIZES).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(ComparisonStage.REMOTE_BLOCK));
        assertThat(CALL_SIZES).contains(99);
        assertThat(CALL_SIZES.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100 * 99 / 2);
        assertThat(RunFiles.withoutTiming(RunFiles.comparisonsCsv(remote)))
                .isEqualTo(RunFiles.withoutTiming(RunFiles.comparisonsCsv(inProcess)));
    }
}
