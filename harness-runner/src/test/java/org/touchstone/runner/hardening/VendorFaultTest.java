package org.touchstone.runner.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.cli.ExitCodes;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.testsystems.NothingMatchesProvider;
import picocli.CommandLine;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.SystemFault;
import org.touchstone.runner.systems.guard.ComparisonBatch;
import org.touchstone.runner.systems.guard.GuardedVerifier;
import org.touchstone.runner.testsystems.ScriptedVerifierProvider;

/**
 * Issue class "honest numbers under vendor faults": a crash, a hang or a garbled reply caused by one pair
 * fails that pair only; the batch it was in is retried one comparison at a time and counted in
 * {@code batch_retries}; a system that is down is not called again for every remaining pair.
 */
class VendorFaultTest {
    private static final Template GOOD = Template.of(new byte[] {1});
    private static final Template POISON = Template.of(new byte[] {6, 6, 6});

    /** A verifier that scores every pair 0.5 unless {@link #fault} says otherwise; counts its calls. */
    private abstract static class Faulty implements Verifier {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
            return Result.success(GOOD);
        }

        @Override
        public ComparisonResult compare(Template enrolment, Template probe) {
            throw new AssertionError("the guard calls compareMany");
        }

        @Override
        public List<ComparisonResult> compareMany(Template probe, List<Template> enrolments) {
            calls.incrementAndGet();
            fault(enrolments);
            List<ComparisonResult> scores = new ArrayList<>();
            enrolments.forEach(e -> scores.add(ComparisonResult.score(0.5)));
            return scores;
        }

        /** Throws what the adapter of a misbehaving remote system throws, for the calls it chooses. */
        abstract void fault(List<Template> enrolments);
    }

    private static GuardedVerifier guard(Verifier verifier) throws Exception {
        OpenedSystem system = OpenedSystem.open(new ScriptedVerifierProvider(verifier, Concurrency.THREAD_SAFE),
                Optional.empty(), Capability.VERIFICATION, "verification@1.0.0", 1);
        return new GuardedVerifier(system);
    }

    private static List<Template> blockWithPoisonAt(int n, int poison) {
        List<Template> block = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            block.add(i == poison ? POISON : GOOD);
        }
        return block;
    }

    private static void assertOnlyThePoisonFailed(ComparisonBatch batch, int n, int poison, FailureCode code) {
        for (int i = 0; i < n; i++) {
            if (i == poison) {
                assertThat(batch.failure(i)).as("pair %d", i).isNotNull();
                assertThat(batch.failure(i).code()).isEqualTo(code);
            } else {
                assertThat(batch.failure(i)).as("pair %d", i).isNull();
                assertThat(batch.score(i)).isEqualTo(0.5);
            }
        }
    }

    @Test
    void aCrashOnOnePairFailsThatPairOnly() throws Exception {
        Faulty system = new Faulty() {
            @Override
            void fault(List<Template> enrolments) {
                if (enrolments.contains(POISON)) {
                    throw new SystemFault(FailureCode.SYSTEM_CRASHED, "worker 1 died during 'compare_many'");
                }
            }
        };
        GuardedVerifier guarded = guard(system);
        ComparisonBatch batch = new ComparisonBatch(37);
        guarded.compareMany(GOOD, blockWithPoisonAt(37, 11), batch, 0);
        assertOnlyThePoisonFailed(batch, 37, 11, FailureCode.SYSTEM_CRASHED);
        assertThat(guarded.batchRetries()).isEqualTo(1);
        assertThat(system.calls.get()).isEqualTo(1 + 37);
    }

    @Test
    void aHangOnOnePairFailsThatPairOnly() throws Exception {
        Faulty system = new Faulty() {
            @Override
            void fault(List<Template> enrolments) {
                if (enrolments.contains(POISON)) {
                    throw new SystemFault(FailureCode.TIMEOUT, "no answer within 2 s");
                }
            }
        };
        GuardedVerifier guarded = guard(system);
        ComparisonBatch batch = new ComparisonBatch(8);
        guarded.compareMany(GOOD, blockWithPoisonAt(8, 0), batch, 0);
        assertOnlyThePoisonFailed(batch, 8, 0, FailureCode.TIMEOUT);
        assertThat(guarded.batchRetries()).isEqualTo(1);
    }

    @Test
    void aGarbledReplyCausedByOnePairFailsThatPairOnly() throws Exception {
        Faulty system = new Faulty() {
            @Override
            void fault(List<Template> enrolments) {
                if (enrolments.contains(POISON)) {
                    throw new SystemFault(FailureCode.INVALID_OUTPUT, "stdout held 'Segmentation fault' where a"
                            + " reply frame belongs");
                }
            }
        };
        GuardedVerifier guarded = guard(system);
        ComparisonBatch batch = new ComparisonBatch(5);
        guarded.compareMany(GOOD, blockWithPoisonAt(5, 4), batch, 0);
        assertOnlyThePoisonFailed(batch, 5, 4, FailureCode.INVALID_OUTPUT);
        assertThat(guarded.batchRetries()).isEqualTo(1);
    }

    @Test
    void aSystemThatIsDownIsNotCalledForEveryRemainingPair() throws Exception {
        Faulty system = new Faulty() {
            @Override
            void fault(List<Template> enrolments) {
                throw new SystemFault(FailureCode.SYSTEM_CRASHED, "worker restarts exhausted");
            }
        };
        GuardedVerifier guarded = guard(system);
        ComparisonBatch batch = new ComparisonBatch(10);
        guarded.compareMany(GOOD, blockWithPoisonAt(10, -1), batch, 0);
        for (int i = 0; i < 10; i++) {
            assertThat(batch.failure(i).code()).isEqualTo(FailureCode.SYSTEM_CRASHED);
        }
        // The batch, then two single calls in a row that also say the system is down; no more.
        assertThat(system.calls.get()).isEqualTo(3);
        assertThat(batch.failure(2).message()).contains("not retried alone").contains("worker restarts exhausted");
        assertThat(guarded.batchRetries()).isEqualTo(1);
    }

    @Test
    void aRunInWhichNoComparisonSucceededExitsNonZeroSayingWhy(@TempDir Path tmp) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("dataset", "generate", "synthetic:subjects=10,images=2,seed=7", "--out",
                tmp.resolve("data").toString())).as(err.toString()).isZero();

        int code = cli.execute("run", "--protocol", "verification@1.0.0", "--system", NothingMatchesProvider.ID,
                "--dataset", tmp.resolve("data/manifest.csv").toString(), "--out", tmp.resolve("run").toString());

        assertThat(code).isEqualTo(ExitCodes.RUN_FAILED);
        // 20 templates, all against all: 190 pairs, not one scored.
        assertThat(err.toString()).contains("none of its 190 comparisons succeeded").contains("comparisons.arrows");
        assertThat(tmp.resolve("run/run.json")).exists();
    }
}
