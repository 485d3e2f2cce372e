package org.touchstone.runner.engine.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.touchstone.runner.engine.timing.CallTimings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.Result;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.runner.engine.backend.BackendContext;
import org.touchstone.runner.engine.backend.BackendSession;
import org.touchstone.runner.engine.backend.EmbeddedBackend;
import org.touchstone.runner.boundaries.RunFiles;
import org.touchstone.runner.boundaries.TestRuns;
import org.touchstone.runner.engine.checkpoint.Checkpoints;
import org.touchstone.runner.engine.checkpoint.TemplateLog;
import org.touchstone.runner.engine.stage.TemplateSet;
import org.touchstone.runner.engine.stage.TemplateStage;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runformat.io.AtomicFiles;
import org.touchstone.runner.systems.guard.GuardedVerifier;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.testsystems.SubjectOracleProvider;

/**
 * A comparison stage stopped after its first work unit and run again continues from the rows it
 * committed and ends with the same file and the same summary as a stage that was never stopped: the
 * summary of the committed rows is rebuilt from the file. 90 subjects x 3 images (the third of each
 * fails): 270 templates, 36,315 pairs, two units of the default 32,768 pairs.
 */
class ComparisonStageResumeTest {
    private static final AtomicLong COMPARISONS = new AtomicLong();

    /** The subject oracle, counting its comparisons. */
    private static final class CountingOracle implements FaceSystemProvider {
        private final SubjectOracleProvider oracle = new SubjectOracleProvider();

        @Override
        public SystemDescriptor descriptor() {
            return oracle.descriptor();
        }

        @Override
        public FaceSystem open(SystemContext context) throws FaceSystemException {
            Verifier verifier = oracle.open(context).verifier().orElseThrow();
            Verifier counting = new Verifier() {
                @Override
                public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                    return verifier.createTemplate(images, role);
                }

                @Override
                public ComparisonResult compare(Template enrolment, Template probe) {
                    COMPARISONS.incrementAndGet();
                    return verifier.compare(enrolment, probe);
                }
            };
            return new FaceSystem() {
                @Override
                public Optional<Verifier> verifier() {
                    return Optional.of(counting);
                }
            };
        }
    }

    private static ComparisonSummary compare(VerificationPlan plan, Path runDir, DatasetManifest manifest)
            throws Exception {
        try (OpenedSystem system = OpenedSystem.open(new CountingOracle(), Optional.empty(),
                Capability.VERIFICATION, "test", 2);
             BackendSession backend = new EmbeddedBackend().open(new BackendContext("test", runDir, system,
                     Optional.empty(), 2, Map.of(), CallTimings.discarding()))) {
            Checkpoints checkpoints = Checkpoints.of(runDir);
            TemplateStage.Templates templates;
            try (TemplateLog log = checkpoints.templates("templates")) {
                templates = new TemplateStage(backend, Progress.silent()).run(plan.templates(), manifest,
                        GuardedVerifier::new, TemplateStage.Roles.VERIFICATION, runDir, log);
            }
            return new ComparisonStage(backend, Progress.silent()).run(plan, backend.share(new TemplateSet(templates)),
                    checkpoints);
        }
    }

    /** Keeps the first records of a checkpoint log, as if the run had been killed after writing them. */
    private static void keepRecords(Path log, int records) throws Exception {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(log));
        int position = 8;
        for (int i = 0; i < records; i++) {
            position += 8 + bytes.getInt(position);
        }
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(position);
        }
    }

    @Test
    void aStageStoppedAfterItsFirstUnitResumesToTheSameFileAndSummary(@TempDir Path tmp) throws Exception {
        DatasetManifest manifest = TestRuns.dataset("synthetic:subjects=90,images=3,seed=3", tmp.resolve("data"));
        VerificationPlan plan = VerificationPlan.allAgainstAll(manifest, 1);
        assertThat(plan.pairs().pairCount()).isEqualTo(36_315);

        Path straight = tmp.resolve("straight");
        ComparisonSummary uninterrupted = compare(plan, straight, manifest);
        assertThat(uninterrupted.pairs()).isEqualTo(36_315);
        assertThat(uninterrupted.notCompared()).isPositive();

        Path resumed = tmp.resolve("resumed");
        compare(plan, resumed, manifest);
        // Back to the moment after the first unit's commit: the finished file becomes partial again.
        Path file = resumed.resolve(ComparisonStage.FILE);
        Files.move(file, file.resolveSibling(ComparisonStage.FILE + AtomicFiles.PARTIAL_SUFFIX));
        // The log holds the header's commit, one per unit, then the finish: keep the first two.
        keepRecords(resumed.resolve("checkpoint").resolve(ComparisonStage.FILE + ".log"), 2);
        COMPARISONS.set(0);
        ComparisonSummary afterResume = compare(plan, resumed, manifest);

        // Only the second unit was compared again: fewer calls than the pairs compared in all.
        assertThat(COMPARISONS.get()).isPositive().isLessThan(uninterrupted.compared());
        assertThat(afterResume).isEqualTo(uninterrupted);
        // The same rows (record batches may end elsewhere in a resumed store: compared as format 1's CSV).
        assertThat(RunFiles.withoutTiming(RunFiles.comparisonsCsv(resumed)))
                .isEqualTo(RunFiles.withoutTiming(RunFiles.comparisonsCsv(straight)));
    }

    @Test
    void aFinishedStageGivesBackTheSummaryOfItsFile(@TempDir Path tmp) throws Exception {
        DatasetManifest manifest = TestRuns.dataset("synthetic:subjects=12,images=3,seed=3", tmp.resolve("data"));
        VerificationPlan plan = VerificationPlan.allAgainstAll(manifest, 1);
        Path runDir = tmp.resolve("run");
        ComparisonSummary first = compare(plan, runDir, manifest);
        ComparisonSummary again = compare(plan, runDir, manifest);

        assertThat(again).isEqualTo(first);
        // 36 templates, 630 pairs; the oracle fails the 12 of images -03, so 24 * 23 / 2 = 276 pairs are compared.
        assertThat(List.of(first.pairs(), first.compared(), first.notCompared())).containsExactly(630L, 276L, 354L);
    }
}
