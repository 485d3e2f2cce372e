package org.touchstone.benchmarks;

import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
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

/**
 * The machine's bandwidth for a plain sequential scan of floats: the bound on any exact search that reads
 * its whole gallery once per call. The scan reads as many floats as a gallery of 1e6 x 512 embeddings
 * (2.048 GB), laid out as the reference gallery lays them out (rows of 512 floats, allocated in order) and
 * summed as it sums them ({@code acc[j] += row[j]}, which C2 vectorises: a flat array indexed at two
 * offsets is not vectorised, and ran at half this speed). {@code oneCore} scans on one thread,
 * {@code allCores} splits the rows over the common pool as the gallery does. Each iteration prints GB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Xms4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class MemoryBandwidthBenchmark {
    /** JMH instantiates the state. */
    public MemoryBandwidthBenchmark() {
    }

    /** Floats scanned: 1e6 embeddings of 512 values. */
    @Param("512000000")
    public int floats;

    private static final int STRIDE = 512;
    private float[][] rows;
    private long scans;
    private long started;

    /** Fills the array (so that every page is really there). */
    @Setup(Level.Trial)
    public void fill() {
        rows = new float[floats / STRIDE][STRIDE];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < STRIDE; j++) {
                rows[i][j] = ((i + j) & 1023) * 1e-3f;
            }
        }
    }

    /** Starts counting scans. */
    @Setup(Level.Iteration)
    public void start() {
        scans = 0;
        started = System.nanoTime();
    }

    /** Prints the iteration's bandwidth. */
    @TearDown(Level.Iteration)
    public void report() {
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%n%.3g GB/s (%d scans of %.3g GB in %.2f s)%n",
                scans * 4.0 * floats / seconds / 1e9, scans, 4.0 * floats / 1e9, seconds);
    }

    /** Sums rows [from, to) into a 512-float accumulator, as the gallery's kernel accumulates scores. */
    static float scan(float[][] rows, int from, int to) {
        float[] acc = new float[STRIDE];
        for (int i = from; i < to; i++) {
            float[] row = rows[i];
            for (int j = 0; j < STRIDE; j++) {
                acc[j] += row[j];
            }
        }
        float sum = 0;
        for (float v : acc) {
            sum += v;
        }
        return sum;
    }

    /**
     * One scan on one thread.
     *
     * @return the sum
     */
    @Benchmark
    public float oneCore() {
        scans++;
        return scan(rows, 0, rows.length);
    }

    /**
     * One scan split over all cores.
     *
     * @return the sum
     */
    @Benchmark
    public float allCores() {
        scans++;
        return ForkJoinPool.commonPool().invoke(new Part(rows, 0, rows.length));
    }

    /** A range of rows scanned in parallel, split in halves down to 16 M floats. */
    private static final class Part extends RecursiveTask<Float> {
        private static final long serialVersionUID = 1L;
        private final transient float[][] rows;
        private final int from;
        private final int to;

        Part(float[][] rows, int from, int to) {
            this.rows = rows;
            this.from = from;
            this.to = to;
        }

        @Override
        protected Float compute() {
            if (to - from <= (1 << 24) / STRIDE) {
                return scan(rows, from, to);
            }
            int middle = (from + to) >>> 1;
            Part left = new Part(rows, from, middle);
            left.fork();
            float right = new Part(rows, middle, to).compute();
            return left.join() + right;
        }
    }
}
