package org.touchstone.runner.cli.bench;

import java.util.OptionalInt;

/**
 * One thing to measure: an operation at a thread count (and, for searches, a gallery size); and, once
 * measured, its result, or why it was skipped or failed.
 *
 * @param operation   the operation
 * @param gallerySize for searches, the gallery's size
 * @param threads     benchmark threads calling the system at once
 */
public record BenchMeasurement(BenchOperation operation, OptionalInt gallerySize, int threads) {
    /** @return e.g. {@code search (gallery 10,000) x 2 threads} */
    public String label() {
        return operation.externalName() + (gallerySize.isPresent()
                ? String.format(" (gallery %,d)", gallerySize.getAsInt()) : "") + " x " + threads
                + (threads == 1 ? " thread" : " threads");
    }

    /**
     * A measured result.
     *
     * @param meanNs       mean time of one operation on one thread (JMH average time), in ns
     * @param errorNs      half-width of JMH's 99.9% confidence interval of the mean, NaN with too few samples
     * @param opsPerSecond operations per second over all threads: threads x 1e9 / meanNs
     * @param samples      measured iterations over all forks
     * @param minNs        fastest iteration's mean
     * @param maxNs        slowest iteration's mean
     */
    public record Result(double meanNs, double errorNs, double opsPerSecond, long samples, double minNs,
                         double maxNs) {
    }
}
