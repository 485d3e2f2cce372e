package org.touchstone.runner.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageClockTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aResumedStageAddsTheLastNoteOfEveryInterruptedAttempt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("comparisons.seconds.log");
        AtomicLong now = new AtomicLong(1_000 * SECOND);

        // Attempt 1: noted at 2 s and 5 s, then killed at 5.7 s (never closed): 5 s count.
        StageClock first = StageClock.start(RecordLog.open(file), now::get, false);
        now.addAndGet(2 * SECOND);
        first.note();
        now.addAndGet(3 * SECOND);
        first.note();
        now.addAndGet(7 * SECOND / 10);
        assertThat(first.seconds()).isCloseTo(5.7, within(1e-9));

        // Attempt 2 (another process: a new time origin): noted at 4 s, killed.
        now.set(50 * SECOND);
        StageClock second = StageClock.start(RecordLog.open(file), now::get, false);
        now.addAndGet(4 * SECOND);
        second.note();
        assertThat(second.attemptSeconds()).isCloseTo(4.0, within(1e-9));
        assertThat(second.seconds()).isCloseTo(9.0, within(1e-9));

        // Attempt 3 completes in 1.5 s, and its readings stop with the stage.
        now.set(7 * SECOND);
        try (StageClock last = StageClock.start(RecordLog.open(file), now::get, false)) {
            now.addAndGet(3 * SECOND / 2);
            last.stop();
            now.addAndGet(60 * SECOND);
            assertThat(last.attemptSeconds()).isCloseTo(1.5, within(1e-9));
            assertThat(last.seconds()).isCloseTo(5 + 4 + 1.5, within(1e-9));
        }

        // Stopping noted the whole attempt: a run killed in a later stage finds the three attempts.
        now.set(0);
        try (StageClock again = StageClock.start(RecordLog.open(file), now::get, false)) {
            assertThat(again.seconds()).isCloseTo(10.5, within(1e-9));
        }
    }

    @Test
    void aFirstAttemptCountsOnlyItsOwnTime(@TempDir Path dir) throws IOException {
        AtomicLong now = new AtomicLong(123 * SECOND);
        try (StageClock clock = StageClock.start(RecordLog.open(dir.resolve("templates.seconds.log")), now::get,
                false)) {
            now.addAndGet(SECOND / 4);
            assertThat(clock.seconds()).isCloseTo(0.25, within(1e-9));
            assertThat(clock.attemptSeconds()).isEqualTo(clock.seconds());
        }
    }

    @Test
    void theRunningClockNotesItselfWithoutBeingAsked(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("searches.seconds.log");
        long empty;
        try (RecordLog log = RecordLog.open(file)) {
            empty = Files.size(file);
        }
        try (StageClock clock = StageClock.start(RecordLog.open(file))) {
            long deadline = System.nanoTime() + 30 * SECOND;
            // A framed record (length, CRC, 12 bytes) appears with neither note() nor stop() called.
            while (Files.size(file) < empty + 20) {
                assertThat(System.nanoTime()).as("no note within 30 s").isLessThan(deadline);
                Thread.sleep(StageClock.TICK_MS / 2);
            }
            assertThat(clock.seconds()).isPositive();
        }
        try (StageClock resumed = StageClock.start(RecordLog.open(file), () -> 0L, false)) {
            assertThat(resumed.seconds()).isPositive();
        }
    }

    @Test
    void aLogOfSomethingElseIsRefusedByName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("templates.seconds.log");
        try (RecordLog log = RecordLog.open(file)) {
            log.append(new byte[] {1, 2, 3});
        }
        assertThatThrownBy(() -> StageClock.start(RecordLog.open(file), () -> 0L, false))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("a record of 3 bytes, expected 12");
    }
}
