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
import org.openjdk.jmh.annotations.Warmup;
import org.touchstone.reports.verification.StreamingScoreDistribution;
import org.touchstone.reports.verification.SubjectBootstrap;

/**
 * The subject-clustered bootstrap on about 1e7 comparisons: S subjects with one enrolment and one probe
 * each, every pair compared (S genuine, S(S - 1) impostor; S = 3163 gives 1.0004e7), then 1,000 replicates
 * re-deriving the thresholds of FMR 1e-1 .. 1e-6 and measuring one fixed threshold. Setup (collecting the
 * counts and the tail in two passes) is timed and printed separately.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class BootstrapBenchmark {
    /** JMH instantiates the state. */
    public BootstrapBenchmark() {
    }

    private static final List<Double> TARGETS = List.of(0.1, 0.01, 0.001, 0.0001, 0.00001, 0.000001);
    private static final List<Double> FIXED = List.of(0.6);

    /** Subjects. */
    @Param("3163")
    public int subjects;

    /** Replicates per run. */
    @Param("1000")
    public int replicates;

    private SubjectBootstrap bootstrap;

    /** Collects the counts and the impostor tail in two passes, timed. */
    @Setup(Level.Trial)
    public void collect() {
        long started = System.nanoTime();
        StreamingScoreDistribution.FirstPass first = StreamingScoreDistribution.firstPass();
        SubjectBootstrap.Collector collector = SubjectBootstrap.Collector.forSubjects(subjects,
                SubjectBootstrap.DEFAULT_CELL_BUDGET);
        stream(first, collector, true);
        collector.startSecondPass(first, TARGETS, FIXED, SubjectBootstrap.DEFAULT_TAIL_BUDGET);
        stream(null, collector, false);
        bootstrap = collector.build();
        System.out.printf(Locale.ROOT, "%ncollected %d comparisons of %d subjects in %.2f s%n",
                (long) subjects * subjects, subjects, (System.nanoTime() - started) / 1e9);
    }

    private void stream(StreamingScoreDistribution.FirstPass first, SubjectBootstrap.Collector collector,
                        boolean firstPass) {
        SplittableRandom random = new SplittableRandom(7);
        for (int a = 0; a < subjects; a++) {
            for (int b = 0; b < subjects; b++) {
                double score = (a == b ? 0.7 : 0.3) + 0.1 * random.nextGaussian();
                if (a == b) {
                    collector.addGenuine(a, true, score);
                } else {
                    collector.addImpostor(a, b, true, score);
                    if (firstPass) {
                        first.addImpostor(score);
                    }
                }
            }
        }
    }

    /**
     * The replicates.
     *
     * @return the intervals
     */
    @Benchmark
    public Object replicates() {
        SubjectBootstrap.Result result = bootstrap.run(TARGETS, FIXED, replicates, SubjectBootstrap.DEFAULT_SEED, 0.95);
        System.out.printf(Locale.ROOT, "%n%d replicates; tail %d scores; FNMR@1e-3 interval %s%n", result.replicates(),
                result.tailScores(), result.fmrTargets().get(2).fnmr());
        return result;
    }
}
