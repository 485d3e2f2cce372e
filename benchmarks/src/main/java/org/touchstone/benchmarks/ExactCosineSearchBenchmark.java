package org.touchstone.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.touchstone.api.Candidate;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.reference.identification.ExactCosineIdentifier;

/**
 * The reference 1:N identifier ({@code ExactCosineIdentifier}) searching galleries of 1e3 to 1e6 float
 * embeddings of 512 values, through the SPI as the runner calls it: one {@code searchMany} of
 * {@link #probes} probes, 20 candidates each. The gallery enrols 4,096 distinct random embeddings cycled
 * under distinct ids (an exact search costs the same whatever the embeddings hold); the gallery parallelises
 * itself over all cores. Each iteration prints the comparisons per second (gallery size x probes / time per
 * call) and the bytes of embeddings scanned per second, to set beside {@link MemoryBandwidthBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Xms6g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExactCosineSearchBenchmark {
    /** JMH instantiates the state. */
    public ExactCosineSearchBenchmark() {
    }

    /** Enrolled templates. */
    @Param({"1000", "10000", "100000", "1000000"})
    public int templates;

    /** Values per embedding. */
    @Param("512")
    public int dimension;

    /** Probes per {@code searchMany} call (the runner's block is 16). */
    @Param("16")
    public int probes;

    private Gallery gallery;
    private List<Template> probeBlock;
    private long calls;
    private long started;

    /**
     * Builds the gallery.
     *
     * @throws Exception if it cannot be built
     */
    @Setup(Level.Trial)
    public void enrol() throws Exception {
        List<Template> distinct = EmbeddingTemplates.random(4096, dimension, 7);
        List<GalleryEntry> entries = new ArrayList<>(templates);
        for (int i = 0; i < templates; i++) {
            entries.add(new GalleryEntry("g" + i, distinct.get(i % distinct.size())));
        }
        Result<Gallery> built = new ExactCosineIdentifier((images, role) -> Result.failure(FailureCode.NOT_IMPLEMENTED,
                "embeddings only"), EmbeddingTemplates.codec(dimension)).finalizeEnrolment(entries, Path.of("."));
        gallery = built.value();
        probeBlock = EmbeddingTemplates.random(probes, dimension, 11);
    }

    /** Starts counting calls. */
    @Setup(Level.Iteration)
    public void start() {
        calls = 0;
        started = System.nanoTime();
    }

    /** Prints the iteration's comparisons and bytes scanned per second. */
    @TearDown(Level.Iteration)
    public void report() {
        double seconds = (System.nanoTime() - started) / 1e9;
        double comparisons = (double) calls * templates * probes;
        System.out.printf(Locale.ROOT, "%n%.4g comparisons/s, %.3g GB/s of embeddings scanned (%d calls in %.2f s)%n",
                comparisons / seconds, calls * (double) templates * dimension * 4 / seconds / 1e9, calls, seconds);
    }

    /**
     * One batched search.
     *
     * @return the candidate lists
     */
    @Benchmark
    public List<Result<List<Candidate>>> searchMany() {
        calls++;
        return gallery.searchMany(probeBlock, 20);
    }
}
