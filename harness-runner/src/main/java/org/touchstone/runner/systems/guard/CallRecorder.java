package org.touchstone.runner.systems.guard;

/**
 * Where the guards report every SPI call they make: its operation, latency and whether it failed, and
 * the size of every template made. The engine's run timing implements it; calls made outside a run (such
 * as {@code validate}'s) go to {@link #discarding()}. Implementations are called from many threads.
 */
public interface CallRecorder {
    /**
     * Records the items of one call, each with the same share of the call's wall time (a batched call's
     * comparisons or searches; one item for a plain call).
     *
     * @param operation     the operation, per item
     * @param latencyEachNs each item's share of the wall time
     * @param count         items
     * @param failures      items that failed
     */
    void record(TimedOperation operation, long latencyEachNs, long count, long failures);

    /** @param bytes the size of a template a system made */
    void recordTemplateSize(long bytes);

    /**
     * Records one call.
     *
     * @param operation the operation
     * @param latencyNs its wall time
     * @param failed    whether it failed
     */
    default void record(TimedOperation operation, long latencyNs, boolean failed) {
        record(operation, latencyNs, 1, failed ? 1 : 0);
    }

    /** @return a recorder that keeps nothing */
    static CallRecorder discarding() {
        return Discarding.INSTANCE;
    }

    /** The recorder of calls nobody times. */
    enum Discarding implements CallRecorder {
        /** The one instance. */
        INSTANCE;

        @Override
        public void record(TimedOperation operation, long latencyEachNs, long count, long failures) {
        }

        @Override
        public void recordTemplateSize(long bytes) {
        }
    }
}
