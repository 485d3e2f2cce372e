package org.touchstone.runner.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.touchstone.api.Capability;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;

/** What bench measures and what it skips, with the reason, before any benchmark runs. */
class BenchPlanTest {
    private static FaceSystemProvider system(Concurrency concurrency, Capability... capabilities) {
        SystemDescriptor descriptor = SystemDescriptor.builder("planned").vendor("Touchstone tests").name("Planned")
                .version("1").capabilities(capabilities).scoreRange(new ScoreRange(0, 1)).concurrency(concurrency)
                .build();
        return new FaceSystemProvider() {
            @Override
            public SystemDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public FaceSystem open(SystemContext context) {
                throw new UnsupportedOperationException("planning never opens the system");
            }
        };
    }

    private static BenchSettings settings(long heapBytes) {
        return new BenchSettings("planned", Optional.empty(), Path.of("out"), BenchSettings.DATASET, Path.of("data"),
                List.of(BenchOperation.values()), List.of(1, 2), List.of(1_000, 100_000), 1, 2, Duration.ofSeconds(1),
                3, Duration.ofSeconds(1), heapBytes, List.of());
    }

    private static List<String> described(List<BenchRunner.Entry> entries) {
        return entries.stream().map(e -> e.measurement().label() + ": " + (e.skipped() == null ? "measure" : e.skipped()))
                .toList();
    }

    @Test
    void operationsTheSystemDoesNotOfferAndGalleriesBeyondTheHeapAreSkippedWithTheReason() {
        // 100,000 templates of 15,116 bytes (plus 256 per entry) need 1.43 GiB; 60% of 2 GiB is 1.2 GiB.
        List<BenchRunner.Entry> plan = BenchRunner.plan(settings(2L << 30),
                system(Concurrency.THREAD_SAFE, Capability.VERIFICATION, Capability.IDENTIFICATION),
                OptionalInt.of(15_116));
        assertThat(described(plan)).containsExactly(
                "create_template x 1 thread: measure",
                "create_template x 2 threads: measure",
                "comparison x 1 thread: measure",
                "comparison x 2 threads: measure",
                "search (gallery 1,000) x 1 thread: measure",
                "search (gallery 1,000) x 2 threads: measure",
                "search (gallery 100,000) x 1 thread: needs about 1.4 GiB (100,000 templates of 15,116 bytes), more"
                        + " than 60% of the benchmark JVM's 2.0 GiB heap (--fork-heap, bounded by the memory available)",
                "search (gallery 100,000) x 2 threads: needs about 1.4 GiB (100,000 templates of 15,116 bytes), more"
                        + " than 60% of the benchmark JVM's 2.0 GiB heap (--fork-heap, bounded by the memory available)",
                "analysis x 1 thread: system 'planned' offers no capability with this operation",
                "analysis x 2 threads: system 'planned' offers no capability with this operation");
    }

    @Test
    void aGalleryOfASystemThatIsNotThreadSafeIsSearchedFromOneThreadOnly() {
        List<BenchRunner.Entry> plan = BenchRunner.plan(settings(8L << 30),
                system(Concurrency.ONE_INSTANCE_PER_THREAD, Capability.IDENTIFICATION), OptionalInt.of(100));
        assertThat(described(plan)).contains(
                "create_template x 2 threads: measure",
                "comparison x 1 thread: system 'planned' offers no capability with this operation",
                "search (gallery 100,000) x 1 thread: measure",
                "search (gallery 100,000) x 2 threads: the system is not thread-safe: its gallery takes one caller at"
                        + " a time");
    }
}
