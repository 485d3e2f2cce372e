package org.touchstone.runner.systems.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.FailureCode;
import org.touchstone.api.ImageFormat;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;
import org.touchstone.runner.systems.CallLimits;
import org.touchstone.runner.systems.RunSystemContext;
import org.touchstone.runner.systems.SystemFault;

/** Deadlines on calls into systems in the harness's JVM. */
class TimeLimitedProviderTest {
    private static final CallLimits QUICK = CallLimits.defaults().with(CallLimits.Operation.TEMPLATE,
            Duration.ofMillis(300));

    /** A system that hangs on images named "hang" (until released), throws on "boom", and counts its opens. */
    private static final class Stuck implements FaceSystemProvider {
        final AtomicInteger opens = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);
        final Concurrency concurrency;

        Stuck(Concurrency concurrency) {
            this.concurrency = concurrency;
        }

        @Override
        public SystemDescriptor descriptor() {
            return SystemDescriptor.builder("stuck").vendor("t").name("Stuck").version("1")
                    .capabilities(Capability.VERIFICATION).scoreRange(new ScoreRange(0, 1)).concurrency(concurrency)
                    .build();
        }

        @Override
        public FaceSystem open(SystemContext context) {
            int instance = opens.incrementAndGet();
            Verifier verifier = new Verifier() {
                @Override
                public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                    switch (images.get(0).id()) {
                        case "hang" -> {
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                // Stuck code ignores interruption; it returns when released.
                            }
                        }
                        case "boom" -> throw new UnsupportedOperationException("boom");
                        default -> {
                        }
                    }
                    return Result.success(Template.of(new byte[] {(byte) instance}));
                }

                @Override
                public ComparisonResult compare(Template enrolment, Template probe) {
                    return ComparisonResult.score(0.5);
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

    private static List<FaceImage> image(String id) {
        return List.of(new FaceImage(id, ImageFormat.PNG, new byte[] {1}));
    }

    @Test
    void aHungCallIsATimeoutAndAnInstanceThatCannotBeSharedIsReplaced(@TempDir Path tmp) throws Exception {
        Stuck stuck = new Stuck(Concurrency.ONE_INSTANCE_PER_THREAD);
        try (FaceSystem system = new TimeLimitedProvider(stuck, QUICK).open(new RunSystemContext(Optional.empty(), tmp, 1))) {
            Verifier v = system.verifier().orElseThrow();
            assertThatThrownBy(() -> v.createTemplate(image("hang"), TemplateRole.VERIFICATION_ENROLMENT))
                    .isInstanceOfSatisfying(SystemFault.class, f -> assertThat(f.code()).isEqualTo(FailureCode.TIMEOUT))
                    .hasMessageContaining("abandoned");
            // The abandoned call may still be using the first instance: the next call gets a fresh one.
            assertThat(v.createTemplate(image("ok"), TemplateRole.VERIFICATION_ENROLMENT).value().toByteArray())
                    .containsExactly(2);
            assertThat(stuck.opens).hasValue(2);
        } finally {
            stuck.release.countDown();
        }
    }

    @Test
    void aThreadSafeInstanceIsKeptAndExceptionsReachTheGuardAsThrown(@TempDir Path tmp) throws Exception {
        Stuck stuck = new Stuck(Concurrency.THREAD_SAFE);
        try (FaceSystem system = new TimeLimitedProvider(stuck, QUICK).open(new RunSystemContext(Optional.empty(), tmp, 1))) {
            Verifier v = system.verifier().orElseThrow();
            assertThatThrownBy(() -> v.createTemplate(image("hang"), TemplateRole.VERIFICATION_ENROLMENT))
                    .isInstanceOf(SystemFault.class);
            assertThatThrownBy(() -> v.createTemplate(image("boom"), TemplateRole.VERIFICATION_ENROLMENT))
                    .isExactlyInstanceOf(UnsupportedOperationException.class).hasMessage("boom");
            assertThat(v.createTemplate(image("ok"), TemplateRole.VERIFICATION_ENROLMENT).value().toByteArray())
                    .containsExactly(1);
            assertThat(stuck.opens).hasValue(1);
        } finally {
            stuck.release.countDown();
        }
    }
}
