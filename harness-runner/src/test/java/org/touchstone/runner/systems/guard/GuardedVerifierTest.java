package org.touchstone.runner.systems.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FailureCode;
import org.touchstone.api.ImageFormat;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;
import org.touchstone.runner.testsystems.ScriptedVerifierProvider;
import org.touchstone.runner.systems.OpenedSystem;

class GuardedVerifierTest {
    private static final FaceImage IMAGE = new FaceImage("s1", ImageFormat.PNG, new byte[] {1, 2, 3});
    private static final Template T = Template.of(new byte[] {9});

    /** A verifier whose every answer is chosen by the test, keyed by the first template byte. */
    private abstract static class Scripted implements Verifier {
        @Override
        public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
            return Result.success(T);
        }
    }

    private static GuardedVerifier guard(Verifier verifier) throws Exception {
        OpenedSystem system = OpenedSystem.open(new ScriptedVerifierProvider(verifier, Concurrency.THREAD_SAFE),
                Optional.empty(), Capability.VERIFICATION, "verification@1.0.0", 1);
        return new GuardedVerifier(system);
    }

    @Test
    void exceptionFromTemplateCreationIsRecordedNotThrown() throws Exception {
        GuardedVerifier guarded = guard(new Scripted() {
            @Override
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                throw new IllegalStateException("vendor bug");
            }

            @Override
            public ComparisonResult compare(Template a, Template b) {
                return ComparisonResult.score(0);
            }
        });
        TemplateOutcome outcome = guarded.createTemplate(List.of(IMAGE), TemplateRole.VERIFICATION_ENROLMENT);
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.failure().code()).isEqualTo(FailureCode.UNCAUGHT_EXCEPTION);
        assertThat(outcome.failure().message()).contains("vendor bug");
        assertThat(outcome.latencyNs()).isPositive();
    }

    @Test
    void nullTemplateResultAndHarnessOnlyCodesAreInvalidOutput() throws Exception {
        GuardedVerifier returnsNull = guard(new Scripted() {
            @Override
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                return null;
            }

            @Override
            public ComparisonResult compare(Template a, Template b) {
                return ComparisonResult.score(0);
            }
        });
        assertThat(returnsNull.createTemplate(List.of(IMAGE), TemplateRole.VERIFICATION_PROBE).failure().code())
                .isEqualTo(FailureCode.INVALID_OUTPUT);

        GuardedVerifier claimsTimeout = guard(new Scripted() {
            @Override
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                return Result.failure(FailureCode.TIMEOUT, "I pretend the harness timed me out");
            }

            @Override
            public ComparisonResult compare(Template a, Template b) {
                return ComparisonResult.score(0);
            }
        });
        TemplateOutcome outcome = claimsTimeout.createTemplate(List.of(IMAGE), TemplateRole.VERIFICATION_PROBE);
        assertThat(outcome.failure().code()).isEqualTo(FailureCode.INVALID_OUTPUT);
        assertThat(outcome.failure().message()).contains("harness-only code TIMEOUT");
    }

    @Test
    void vendorFailureCodesAreKept() throws Exception {
        GuardedVerifier guarded = guard(new Scripted() {
            @Override
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                return Result.failure(FailureCode.FACE_DETECTION_ERROR, "no face");
            }

            @Override
            public ComparisonResult compare(Template a, Template b) {
                return ComparisonResult.failure(FailureCode.MATCH_ERROR, "cannot");
            }
        });
        assertThat(guarded.createTemplate(List.of(IMAGE), TemplateRole.VERIFICATION_PROBE).failure().code())
                .isEqualTo(FailureCode.FACE_DETECTION_ERROR);
        ComparisonBatch batch = new ComparisonBatch(1);
        guarded.compareMany(T, List.of(T), batch, 0);
        assertThat(batch.failure(0).code()).isEqualTo(FailureCode.MATCH_ERROR);
        assertThat(batch.latencyNs(0)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void scoresThatAreNotFiniteOrOutOfRangeAreInvalidOutputPerPair() throws Exception {
        double[] answers = {0.25, Double.NaN, Double.POSITIVE_INFINITY, 1.5, -0.1, 1.0};
        GuardedVerifier guarded = guard(new Scripted() {
            @Override
            public ComparisonResult compare(Template enrolment, Template probe) {
                return enrolment.toByteArray()[0] == 7 ? null
                        : ComparisonResult.score(answers[enrolment.toByteArray()[0]]);
            }
        });
        List<Template> enrolments = new java.util.ArrayList<>();
        for (int i = 0; i < answers.length; i++) {
            enrolments.add(Template.of(new byte[] {(byte) i}));
        }
        enrolments.add(Template.of(new byte[] {7}));
        ComparisonBatch batch = new ComparisonBatch(10);
        guarded.compareMany(T, enrolments, batch, 2);
        assertThat(batch.failure(2)).isNull();
        assertThat(batch.score(2)).isEqualTo(0.25);
        for (int slot = 3; slot <= 6; slot++) {
            assertThat(batch.failure(slot).code()).as("slot %d", slot).isEqualTo(FailureCode.INVALID_OUTPUT);
        }
        assertThat(batch.failure(4).message()).contains("outside the declared range [0.0, 1.0]");
        assertThat(batch.score(7)).isEqualTo(1.0);
        assertThat(batch.failure(8).message()).contains("null");
        assertThat(batch.failure(0)).isNull();
        assertThat(Double.isNaN(batch.score(0))).isTrue();
    }

    @Test
    void aBatchOfTheWrongLengthIsRetriedOneByOneAndSingleCallsOfTheWrongLengthFail() throws Exception {
        GuardedVerifier guarded = guard(new Scripted() {
            @Override
            public ComparisonResult compare(Template a, Template b) {
                return ComparisonResult.score(0.5);
            }

            @Override
            public List<ComparisonResult> compareMany(Template probe, List<Template> enrolments) {
                // One result whatever was asked: wrong for three, right for one.
                return enrolments.get(0).size() == 2 ? List.of() : List.of(ComparisonResult.score(0.5));
            }
        });
        ComparisonBatch batch = new ComparisonBatch(3);
        guarded.compareMany(T, List.of(T, Template.of(new byte[2]), T), batch, 0);
        assertThat(batch.score(0)).isEqualTo(0.5);
        assertThat(batch.failure(1).code()).isEqualTo(FailureCode.INVALID_OUTPUT);
        assertThat(batch.failure(1).message()).contains("returned 0 results for 1 templates");
        assertThat(batch.score(2)).isEqualTo(0.5);
        assertThat(guarded.batchRetries()).isEqualTo(1);
    }

    @Test
    void anExceptionForOnePairFailsThatPairOnlyNotItsBlock() throws Exception {
        GuardedVerifier guarded = guard(new Scripted() {
            @Override
            public ComparisonResult compare(Template enrolment, Template probe) {
                if (enrolment.size() == 3) {
                    throw new IllegalArgumentException("cannot read this one");
                }
                return ComparisonResult.score(0.25);
            }
        });
        ComparisonBatch batch = new ComparisonBatch(3);
        guarded.compareMany(T, List.of(T, Template.of(new byte[3]), T), batch, 0);
        assertThat(batch.score(0)).isEqualTo(0.25);
        assertThat(batch.failure(1).code()).isEqualTo(FailureCode.UNCAUGHT_EXCEPTION);
        assertThat(batch.failure(1).message()).contains("cannot read this one");
        assertThat(batch.score(2)).isEqualTo(0.25);
        assertThat(guarded.batchRetries()).isEqualTo(1);
    }

    @Test
    void anExceptionInABatchFailsItsPairsAndTheNextBatchStillRuns() throws Exception {
        GuardedVerifier guarded = guard(new Scripted() {
            @Override
            public ComparisonResult compare(Template enrolment, Template probe) {
                if (probe.size() == 2) {
                    throw new StackOverflowError();
                }
                return ComparisonResult.score(0.75);
            }
        });
        ComparisonBatch batch = new ComparisonBatch(4);
        guarded.compareMany(Template.of(new byte[2]), List.of(T, T), batch, 0);
        guarded.compareMany(T, List.of(T, T), batch, 2);
        assertThat(batch.failure(0).code()).isEqualTo(FailureCode.UNCAUGHT_EXCEPTION);
        assertThat(batch.failure(1).code()).isEqualTo(FailureCode.UNCAUGHT_EXCEPTION);
        assertThat(batch.score(2)).isEqualTo(0.75);
        assertThat(batch.score(3)).isEqualTo(0.75);
    }
}
