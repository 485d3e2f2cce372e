package org.touchstone.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
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
import org.touchstone.reports.verification.EqualErrorRate;
import org.touchstone.reports.verification.FmrOperatingPoint;
import org.touchstone.reports.verification.ScoreSink;
import org.touchstone.reports.verification.StreamingScoreDistribution;

/**
 * Streams synthetic scores (impostor N(0.3, 0.1), genuine N(0.7, 0.1), seeded) through the streaming
 * verification engine in its two passes, then finds FNMR at FMR 1e-1 .. 1e-6 and the EER, in a fork limited
 * to 512 MB of heap. {@code stream} is the whole engine; {@code generateOnly} streams the same scores into a
 * sink that does nothing, so the engine's own cost per score is the difference. Each prints its time per
 * streamed score (each score is streamed twice, both passes counted once per score) and the heap peak.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Xms512m"})
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class StreamingDistributionBenchmark {
    /** JMH instantiates the state. */
    public StreamingDistributionBenchmark() {
    }

    private static final List<Double> TARGETS = List.of(0.1, 0.01, 0.001, 0.0001, 0.00001, 0.000001);

    /** Impostor scores streamed. */
    @Param("100000000")
    public long impostors;

    /** Genuine scores streamed. */
    @Param("1000000")
    public long genuine;

    private long started;
    private String lastResult = "";

    /** A sink that only keeps the scores from being optimised away. */
    private static final class NoOpSink implements ScoreSink {
        double sum;

        @Override
        public void addGenuine(double score) {
            sum += score;
        }

        @Override
        public void addImpostor(double score) {
            sum += score;
        }

        @Override
        public void addFailedGenuine(long count) {
        }

        @Override
        public void addFailedImpostor(long count) {
        }
    }

    /** Starts the clock and a new heap peak. */
    @Setup(Level.Iteration)
    public void start() {
        HeapPeak.reset();
        started = System.nanoTime();
    }

    /** Prints the time per score and the heap peak of the iteration. */
    @TearDown(Level.Iteration)
    public void report() {
        double elapsed = System.nanoTime() - started;
        System.out.printf(Locale.ROOT, "%n%.1f ns per score (%d scores, %.2f s), heap peak %d MB of -Xmx %d MB %s%n",
                elapsed / (impostors + genuine), impostors + genuine, elapsed / 1e9, HeapPeak.bytes() >> 20,
                HeapPeak.limit() >> 20, lastResult);
    }

    private void stream(ScoreSink sink) {
        SplittableRandom random = new SplittableRandom(20261126);
        for (long i = 0; i < genuine; i++) {
            sink.addGenuine(0.7 + 0.1 * random.nextGaussian());
        }
        for (long i = 0; i < impostors; i++) {
            sink.addImpostor(0.3 + 0.1 * random.nextGaussian());
        }
    }

    /**
     * Both passes, the plan and the operating points.
     *
     * @return the operating points, so nothing is optimised away
     */
    @Benchmark
    public Object stream() {
        StreamingScoreDistribution.FirstPass first = StreamingScoreDistribution.firstPass();
        stream(first);
        StreamingScoreDistribution.SecondPass second = first.plan(TARGETS, List.of(),
                StreamingScoreDistribution.DEFAULT_EXACT_LIMIT).secondPass(first);
        stream(second);
        StreamingScoreDistribution scores = second.build();
        List<FmrOperatingPoint> points = FmrOperatingPoint.find(scores, TARGETS);
        EqualErrorRate eer = EqualErrorRate.interpolated(scores).orElseThrow();
        lastResult = String.format(Locale.ROOT, "[kept %d impostor scores in %d bins; FNMR@1e-6 %s at %s; EER %.5f]",
                scores.keptImpostorScores(), scores.impostorBins(), points.get(5).rates().fnmr(),
                points.get(5).rates().threshold(), eer.rate());
        return points;
    }

    /**
     * The same scores generated twice into a sink that does nothing: the cost of generating them.
     *
     * @return the sum of the scores
     */
    @Benchmark
    public double generateOnly() {
        NoOpSink sink = new NoOpSink();
        stream(sink);
        stream(sink);
        lastResult = "[generation only]";
        return sink.sum;
    }
}
