package org.touchstone.runner.engine.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A stage's wall time summed over the attempts of a run. A resumed run makes only the work its checkpoints
 * lack, so the time of the attempt that completes a stage alone would make its rate (comparisons per
 * second) that of rereading the checkpoints. The clock therefore notes, every {@value #TICK_MS} ms while
 * the stage runs, how long this attempt has spent in it, in a {@link RecordLog} that survives
 * {@code kill -9}; on resume the last note of each earlier attempt is added to this attempt's time. The
 * sum includes work an interruption lost and the next attempt made again: it is the time the stage took,
 * not the time it would have taken uninterrupted, within a tick per interruption.
 *
 * <p>A record is the attempt's number (int) and its elapsed nanoseconds (long), big-endian.
 */
public final class StageClock implements AutoCloseable {
    /** How often an attempt's elapsed time is noted: the most an interruption can leave uncounted. */
    static final long TICK_MS = 200;
    private static final int RECORD_BYTES = Integer.BYTES + Long.BYTES;

    private final RecordLog log;
    private final LongSupplier nanoTime;
    private final int attempt;
    private final long earlierNanos;
    private final long startNanos;
    private final ScheduledExecutorService ticker;
    private volatile IOException noteFailure;
    private volatile long stoppedNanos = -1;

    private StageClock(RecordLog log, LongSupplier nanoTime, int attempt, long earlierNanos, boolean tick) {
        this.log = log;
        this.nanoTime = nanoTime;
        this.attempt = attempt;
        this.earlierNanos = earlierNanos;
        this.startNanos = nanoTime.getAsLong();
        if (tick) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "touchstone-stage-clock");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::note, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /**
     * Starts the clock of a stage, reading what earlier attempts spent in it.
     *
     * @param log the stage's clock log ({@link Checkpoints#clock})
     * @return the running clock, noting its time every {@value #TICK_MS} ms on a daemon thread
     * @throws IOException if a record of the log is not a clock record
     */
    static StageClock start(RecordLog log) throws IOException {
        return start(log, System::nanoTime, true);
    }

    /** As {@link #start(RecordLog)}, with a given time source; {@code tick} false leaves noting to {@link #note}. */
    static StageClock start(RecordLog log, LongSupplier nanoTime, boolean tick) throws IOException {
        Map<Integer, Long> notes = lastNoteOfEachAttempt(log);
        int attempt = notes.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        return new StageClock(log, nanoTime, attempt, notedNanos(notes), tick);
    }

    /**
     * @param file a clock's log, not in use
     * @return the seconds its attempts noted, summed (what the next attempt starts from)
     * @throws IOException if it cannot be read or is not a clock's log
     */
    static double notedSeconds(Path file) throws IOException {
        try (RecordLog log = RecordLog.open(file)) {
            return notedNanos(lastNoteOfEachAttempt(log)) / 1e9;
        }
    }

    private static long notedNanos(Map<Integer, Long> lastNoteOfEachAttempt) {
        return lastNoteOfEachAttempt.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<Integer, Long> lastNoteOfEachAttempt(RecordLog log) throws IOException {
        Map<Integer, Long> lastNoteOfAttempt = new HashMap<>();
        for (byte[] record : log.recovered()) {
            if (record.length != RECORD_BYTES) {
                throw new IOException(log.file() + ": a record of " + record.length + " bytes, expected "
                        + RECORD_BYTES + " (an attempt's number and elapsed nanoseconds)");
            }
            ByteBuffer b = ByteBuffer.wrap(record);
            lastNoteOfAttempt.merge(b.getInt(), b.getLong(), Math::max);
        }
        return lastNoteOfAttempt;
    }

    /** Notes this attempt's elapsed time in the log; a failure is kept and thrown by {@link #close}. */
    void note() {
        try {
            log.append(ByteBuffer.allocate(RECORD_BYTES).putInt(attempt).putLong(attemptNanos()).array());
        } catch (IOException e) {
            if (noteFailure == null) {
                noteFailure = e;
            }
        }
    }

    private long attemptNanos() {
        long stopped = stoppedNanos;
        return (stopped >= 0 ? stopped : nanoTime.getAsLong()) - startNanos;
    }

    /**
     * Stops the clock: its readings no longer change. Called when the stage's work is done, before what
     * follows it (writing files, summaries) in the same attempt.
     */
    public void stop() {
        if (stoppedNanos >= 0) {
            return;
        }
        stoppedNanos = nanoTime.getAsLong();
        if (ticker != null) {
            ticker.shutdownNow();
        }
        note(); // the whole attempt, should the run be interrupted in a later stage
    }

    /** @return this attempt's seconds in the stage (what this process's {@code timing.csv} counts) */
    public double attemptSeconds() {
        return attemptNanos() / 1e9;
    }

    /** @return the stage's seconds over every attempt of the run, this one included (run.json's) */
    public double seconds() {
        return (earlierNanos + attemptNanos()) / 1e9;
    }

    @Override
    public void close() throws IOException {
        stop();
        try {
            if (ticker != null) {
                ticker.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.close();
        if (noteFailure != null) {
            throw new IOException("could not note the stage's time in " + log.file(), noteFailure);
        }
    }
}
