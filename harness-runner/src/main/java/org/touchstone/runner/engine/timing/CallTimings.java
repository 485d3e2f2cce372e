package org.touchstone.runner.engine.timing;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.commons.csv.CSVPrinter;
import org.touchstone.runformat.io.AtomicFiles;
import org.touchstone.runformat.columns.Column;
import org.touchstone.runformat.columns.TimingCsv;
import org.touchstone.runner.engine.rundir.Csv;
import org.touchstone.runner.systems.guard.CallRecorder;
import org.touchstone.runner.systems.guard.TimedOperation;

/**
 * The latency of every SPI call a run makes, by operation, the size of every template, and the wall time
 * of each stage; written as {@value #FILE} (documented in docs/run-directory.md). The guards feed it from
 * the worker threads, so recording is thread-safe and lock-free: an HdrHistogram per operation (three
 * significant digits, so percentiles are within 0.1%) plus an exact count, sum, minimum and maximum.
 *
 * <p>It covers the calls made by this process: a resumed run's file leaves out what the interrupted
 * process did, as the raw files' latencies are the only record of those calls.
 */
public final class CallTimings implements CallRecorder {
    /** The raw file, at the root of the run directory. */
    public static final String FILE = TimingCsv.FILE;

    private static final CallTimings DISCARDING = new CallTimings(false);

    private final boolean recording;
    private final Map<TimedOperation, Distribution> latencies = new EnumMap<>(TimedOperation.class);
    private final Distribution templateSizes = new Distribution();
    private final Map<TimedStage, Double> stageSeconds = new EnumMap<>(TimedStage.class);

    private CallTimings(boolean recording) {
        this.recording = recording;
        for (TimedOperation operation : TimedOperation.values()) {
            latencies.put(operation, new Distribution());
        }
    }

    /** @return a new, empty record for one run */
    public static CallTimings recording() {
        return new CallTimings(true);
    }

    /** @return a record that keeps nothing, for guards used outside runs (such as {@code validate}) */
    public static CallTimings discarding() {
        return DISCARDING;
    }

    @Override
    public void record(TimedOperation operation, long latencyEachNs, long count, long failures) {
        if (recording && count > 0) {
            latencies.get(operation).record(latencyEachNs, count, failures);
        }
    }

    @Override
    public void recordTemplateSize(long bytes) {
        if (recording) {
            templateSizes.record(bytes, 1, 0);
        }
    }

    /**
     * Records a stage's wall time; a stage recorded twice adds up.
     *
     * @param stage   the stage
     * @param seconds its wall time
     */
    public void stage(TimedStage stage, double seconds) {
        if (recording) {
            synchronized (stageSeconds) {
                stageSeconds.merge(stage, seconds, Double::sum);
            }
        }
    }

    /**
     * @return the calls and template sizes recorded so far, as plain data that can travel between JVMs (a
     *         distributed backend's executors record into their own and the driver {@linkplain #add adds}
     *         them up); stage times stay where the stages are timed
     */
    public Snapshot snapshot() {
        Map<TimedOperation, Snapshot.Part> parts = new EnumMap<>(TimedOperation.class);
        latencies.forEach((operation, d) -> parts.put(operation, d.part()));
        return new Snapshot(parts, templateSizes.part());
    }

    /**
     * Adds another record's calls and template sizes to this one's, as if they had been recorded here.
     *
     * @param other a snapshot of another record (e.g. an executor's)
     */
    public void add(Snapshot other) {
        if (recording) {
            other.latencies().forEach((operation, part) -> latencies.get(operation).add(part));
            templateSizes.add(other.templateSizes());
        }
    }

    /**
     * A record's calls and template sizes, frozen.
     *
     * @param latencies     per operation
     * @param templateSizes template sizes
     */
    public record Snapshot(Map<TimedOperation, Part> latencies, Part templateSizes) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Copies the map. */
        public Snapshot {
            latencies = new EnumMap<>(latencies);
        }

        /**
         * One distribution, frozen.
         *
         * @param histogram its values
         * @param count     values
         * @param sum       their sum
         * @param failures  calls that failed
         * @param min       the smallest value ({@code Long.MAX_VALUE} when none)
         * @param max       the largest ({@code Long.MIN_VALUE} when none)
         */
        public record Part(Histogram histogram, long count, long sum, long failures, long min, long max)
                implements Serializable {
            private static final long serialVersionUID = 1L;
        }
    }

    /**
     * @param operation an SPI operation
     * @return what was recorded of it
     */
    public LatencySummary summary(TimedOperation operation) {
        return latencies.get(operation).summary();
    }

    /** @return what was recorded of template sizes, in bytes */
    public LatencySummary templateSizes() {
        return templateSizes.summary();
    }

    /**
     * The rows of {@value #FILE}: a {@code latency} row per operation called, a {@code size} row when
     * templates were made, and a {@code stage} row per stage recorded; each as its cells.
     *
     * @return the rows, in that order
     */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (TimedOperation operation : TimedOperation.values()) {
            LatencySummary s = summary(operation);
            if (s.count() > 0) {
                rows.add(distributionRow(TimingCsv.RecordKind.LATENCY, operation.externalName(), TimingCsv.NANOSECONDS, s,
                        Long.toString(s.failures())));
            }
        }
        LatencySummary sizes = templateSizes();
        if (sizes.count() > 0) {
            rows.add(distributionRow(TimingCsv.RecordKind.SIZE, TimingCsv.TEMPLATE_SIZE, TimingCsv.BYTES, sizes, ""));
        }
        Map<TimedStage, Double> stages;
        synchronized (stageSeconds) {
            stages = new EnumMap<>(stageSeconds);
        }
        for (Map.Entry<TimedStage, Double> stage : stages.entrySet()) {
            long items = summary(stage.getKey().items()).count();
            double seconds = stage.getValue();
            rows.add(List.of(TimingCsv.RecordKind.STAGE.text(), stage.getKey().externalName(), stage.getKey().unit(), Long.toString(items), "",
                    "", "", "", "", "", Double.toString(seconds), seconds > 0 ? Double.toString(items / seconds) : ""));
        }
        return rows;
    }

    private static List<String> distributionRow(TimingCsv.RecordKind record, String name, String unit,
                                                LatencySummary s, String failures) {
        return List.of(record.text(), name, unit, Long.toString(s.count()), failures, Long.toString(s.p50()),
                Long.toString(s.p90()), Long.toString(s.p99()), Long.toString(s.max()), Double.toString(s.mean()), "",
                "");
    }

    /**
     * Writes {@value #FILE} atomically.
     *
     * @param file where
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        List<List<String>> rows = rows();
        AtomicFiles.write(file, out -> {
            try (CSVPrinter csv = Csv.printer(out, Column.headerRow(TimingCsv.values()))) {
                for (List<String> row : rows) {
                    Csv.row(csv, row);
                }
            }
        });
    }

    /** One operation's values: recorded from many threads at once without locks. */
    private static final class Distribution {
        private final ConcurrentHistogram histogram = new ConcurrentHistogram(3);
        private final LongAdder count = new LongAdder();
        private final LongAdder sum = new LongAdder();
        private final LongAdder failures = new LongAdder();
        private final LongAccumulator min = new LongAccumulator(Math::min, Long.MAX_VALUE);
        private final LongAccumulator max = new LongAccumulator(Math::max, Long.MIN_VALUE);

        void record(long value, long n, long failed) {
            long v = Math.max(0, value);
            histogram.recordValueWithCount(v, n);
            count.add(n);
            sum.add(v * n);
            failures.add(failed);
            min.accumulate(v);
            max.accumulate(v);
        }

        Snapshot.Part part() {
            Histogram copy = new Histogram(3);
            copy.add(histogram);
            return new Snapshot.Part(copy, count.sum(), sum.sum(), failures.sum(), min.get(), max.get());
        }

        void add(Snapshot.Part part) {
            if (part.count() == 0) {
                return;
            }
            histogram.add(part.histogram());
            count.add(part.count());
            sum.add(part.sum());
            failures.add(part.failures());
            min.accumulate(part.min());
            max.accumulate(part.max());
        }

        LatencySummary summary() {
            long n = count.sum();
            if (n == 0) {
                return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
            }
            long lo = min.get();
            long hi = max.get();
            // HdrHistogram answers with a value of the percentile's bucket, which may lie a little beyond the
            // exact extremes: clamp, so that p50 <= p90 <= p99 <= max always holds.
            return new LatencySummary(n, failures.sum(), percentile(50, lo, hi), percentile(90, lo, hi),
                    percentile(99, lo, hi), hi, (double) sum.sum() / n);
        }

        private long percentile(double p, long lo, long hi) {
            return Math.max(lo, Math.min(hi, histogram.getValueAtPercentile(p)));
        }
    }
}
