package org.touchstone.runner.cli.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.touchstone.api.FaceSystemException;

/**
 * The JMH benchmarks {@code touchstone bench} runs (through {@link BenchRunner}, which sets the system, the
 * forks, iterations and threads): the average time of each SPI operation, called as the runner calls it.
 * Results are returned so that JMH consumes them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SystemBenchmarks {
    /** JMH instantiates the benchmark. */
    public SystemBenchmarks() {
    }

    /**
     * @param subject the system
     * @param cursor  this thread's next image
     * @return the result
     * @throws FaceSystemException if the system cannot be reached
     */
    @Benchmark
    public Object createTemplate(BenchSubject subject, BenchSubject.Cursor cursor) throws FaceSystemException {
        return subject.creator().createTemplate(subject.image(cursor), subject.enrolmentRole());
    }

    /**
     * @param subject the system
     * @param cursor  this thread's next probe
     * @return the results
     * @throws FaceSystemException if the system cannot be reached
     */
    @Benchmark
    @OperationsPerInvocation(BenchSubject.COMPARISON_BLOCK)
    public Object compare(BenchSubject subject, BenchSubject.Cursor cursor) throws FaceSystemException {
        return subject.verifier().compareMany(subject.probe(cursor), subject.enrolmentBlock());
    }

    /**
     * @param subject the system and its gallery
     * @return the candidate lists
     */
    @Benchmark
    @OperationsPerInvocation(BenchSubject.SEARCH_BLOCK)
    public Object search(BenchSubject subject) {
        return subject.gallery().searchMany(subject.probeBlock(), BenchSubject.CANDIDATES);
    }

    /**
     * @param subject the system
     * @param cursor  this thread's next image
     * @return the result
     * @throws FaceSystemException if the system cannot be reached
     */
    @Benchmark
    public Object analyze(BenchSubject subject, BenchSubject.Cursor cursor) throws FaceSystemException {
        return subject.analyzer().analyze(subject.image(cursor).get(0));
    }
}
