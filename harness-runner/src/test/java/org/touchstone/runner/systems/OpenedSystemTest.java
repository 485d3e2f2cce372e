package org.touchstone.runner.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.Concurrency;
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
import org.touchstone.runner.testsystems.AnalysisOnlyProvider;
import org.touchstone.runner.testsystems.ScriptedVerifierProvider;

class OpenedSystemTest {
    private static final Verifier CONSTANT = new Verifier() {
        @Override
        public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
            return Result.success(Template.of(new byte[1]));
        }

        @Override
        public ComparisonResult compare(Template enrolment, Template probe) {
            return ComparisonResult.score(0.5);
        }
    };

    @Test
    void aRecognitionProtocolRefusesAnAnalysisOnlySystemNamingBothSides() {
        assertThatThrownBy(() -> OpenedSystem.open(new AnalysisOnlyProvider(), Optional.empty(),
                Capability.VERIFICATION, "verification@1.0.0", 1))
                .isInstanceOf(CapabilityMismatchException.class)
                .hasMessageContaining("verification@1.0.0 needs capability VERIFICATION")
                .hasMessageContaining("offers only [ANALYSIS]")
                .hasMessageContaining("never used as a recognition score");
    }

    @Test
    void aSystemThatDeclaresVerificationButDoesNotImplementItIsRefused() {
        FaceSystemProvider liar = new FaceSystemProvider() {
            @Override
            public SystemDescriptor descriptor() {
                return SystemDescriptor.builder("test-liar").vendor("t").name("t").version("1")
                        .capabilities(Capability.VERIFICATION).scoreRange(new ScoreRange(0, 1)).build();
            }

            @Override
            public FaceSystem open(SystemContext context) {
                return new FaceSystem() {
                };
            }
        };
        assertThatThrownBy(() -> OpenedSystem.open(liar, Optional.empty(), Capability.VERIFICATION, "v@1", 1))
                .isInstanceOf(CapabilityMismatchException.class)
                .hasMessageContaining("declares VERIFICATION but returns no implementation");
    }

    @Test
    void theConfigurationIsAReadOnlyCopyAtAnotherPath(@TempDir Path tmp) throws Exception {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("model.txt"), "weights");
        AtomicReference<Path> seen = new AtomicReference<>();
        FaceSystemProvider provider = new ScriptedVerifierProvider(CONSTANT, Concurrency.THREAD_SAFE);
        FaceSystemProvider recording = new FaceSystemProvider() {
            @Override
            public SystemDescriptor descriptor() {
                return provider.descriptor();
            }

            @Override
            public FaceSystem open(SystemContext context) throws org.touchstone.api.FaceSystemException {
                seen.set(context.configDirectory().orElseThrow());
                assertThat(context.workingDirectory()).isWritable();
                return provider.open(context);
            }
        };
        Path copy;
        try (OpenedSystem system = OpenedSystem.open(recording, Optional.of(config), Capability.VERIFICATION, "v@1", 1)) {
            copy = seen.get();
            assertThat(copy).isNotEqualTo(config);
            assertThat(Files.readString(copy.resolve("model.txt"))).isEqualTo("weights");
            // Permissions rather than a write attempt: tests may run as root, who may write anyway.
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.resolve("model.txt"))))
                    .isEqualTo("r--r--r--");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)))
                    .isEqualTo("r-xr-xr-x");
        }
        assertThat(copy).doesNotExist();
        assertThat(Files.readString(config.resolve("model.txt"))).isEqualTo("weights");
    }

    @Test
    void aSingleThreadedSystemGetsOneInstancePerThreadAndAllAreClosed() throws Exception {
        AtomicInteger closed = new AtomicInteger();
        FaceSystemProvider perThread = new FaceSystemProvider() {
            @Override
            public SystemDescriptor descriptor() {
                return SystemDescriptor.builder("test-per-thread").vendor("t").name("t").version("1")
                        .capabilities(Capability.VERIFICATION).scoreRange(new ScoreRange(0, 1))
                        .concurrency(Concurrency.ONE_INSTANCE_PER_THREAD).build();
            }

            @Override
            public FaceSystem open(SystemContext context) {
                return new FaceSystem() {
                    @Override
                    public Optional<Verifier> verifier() {
                        return Optional.of(CONSTANT);
                    }

                    @Override
                    public void close() {
                        closed.incrementAndGet();
                    }
                };
            }
        };
        Set<FaceSystem> used = ConcurrentHashMap.newKeySet();
        OpenedSystem system = OpenedSystem.open(perThread, Optional.empty(), Capability.VERIFICATION, "v@1", 3);
        FaceSystem mainInstance = system.instance();
        assertThat(system.instance()).isSameAs(mainInstance);
        CountDownLatch done = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            new Thread(() -> {
                try {
                    used.add(system.instance());
                    used.add(system.instance());
                } catch (Exception e) {
                    throw new AssertionError(e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        used.add(mainInstance);
        assertThat(used).hasSize(3);
        assertThat(system.instanceCount()).isEqualTo(3);
        system.close();
        assertThat(closed).hasValue(3);
    }
}
