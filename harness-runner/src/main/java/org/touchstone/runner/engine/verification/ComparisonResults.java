package org.touchstone.runner.engine.verification;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.touchstone.api.FailureCode;
import org.touchstone.runner.engine.backend.Mergeable;

/**
 * The outcomes of a run of consecutive comparison units: one slot per pair, in plan order, in primitive
 * arrays (never an object per pair), and their {@link ComparisonSummary}. The slots are what
 * {@code comparisons.csv} records. Merging appends the later units' arrays as they are, without copying
 * them, since merged results are read once, in order.
 */
final class ComparisonResults implements Mergeable<ComparisonResults> {
    private static final long serialVersionUID = 1L;
    private static final FailureCode[] CODES = FailureCode.values();

    /**
     * One unit's slots.
     *
     * @param scores    scores, NaN where the pair failed
     * @param failures  0 when scored, else the failure code's ordinal + 1
     * @param latencyNs latency attributed to the comparison, or -1 when it was not compared (a template failed)
     * @param messages  the failure messages by slot (failures are few, so a map and not an array per pair)
     */
    private record Unit(double[] scores, byte[] failures, long[] latencyNs, java.util.Map<Integer, String> messages)
            implements Serializable {
    }

    private final List<Unit> units = new ArrayList<>();
    private int size;
    private ComparisonSummary summary;

    /**
     * @param scores    one unit's scores, NaN where a pair failed
     * @param failures  its failure codes as {@link #code}, 0 where scored
     * @param latencyNs its latencies, -1 where not compared
     * @param messages  the failures' messages by slot, where a failure had one
     * @param summary   their summary
     */
    ComparisonResults(double[] scores, byte[] failures, long[] latencyNs, java.util.Map<Integer, String> messages,
                      ComparisonSummary summary) {
        units.add(new Unit(scores, failures, latencyNs, messages));
        this.size = scores.length;
        this.summary = summary;
    }

    static byte code(FailureCode code) {
        return (byte) (code.ordinal() + 1);
    }

    /** @return pairs held */
    int size() {
        return size;
    }

    /** @return the summary of the held pairs */
    ComparisonSummary summary() {
        return summary;
    }

    /** Receives pair outcomes in plan order. */
    @FunctionalInterface
    interface PairConsumer {
        /**
         * @param score     the score (NaN when it failed)
         * @param failure   the failure code, or null when it was scored
         * @param latencyNs the latency, or -1 when it was not compared
         * @param message   the failure's message, or null
         * @throws java.io.IOException when writing fails
         */
        void accept(double score, FailureCode failure, long latencyNs, String message) throws java.io.IOException;
    }

    /**
     * @param consumer receives every held pair, in plan order
     * @throws java.io.IOException from the consumer
     */
    void forEach(PairConsumer consumer) throws java.io.IOException {
        for (Unit unit : units) {
            for (int i = 0; i < unit.scores().length; i++) {
                byte f = unit.failures()[i];
                consumer.accept(unit.scores()[i], f == 0 ? null : CODES[f - 1], unit.latencyNs()[i],
                        f == 0 ? null : unit.messages().get(i));
            }
        }
    }

    @Override
    public ComparisonResults mergedWith(ComparisonResults later) {
        units.addAll(later.units);
        size += later.size;
        summary = summary.mergedWith(later.summary);
        return this;
    }
}
