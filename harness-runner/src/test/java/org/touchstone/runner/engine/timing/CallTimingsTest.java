package org.touchstone.runner.engine.timing;

import org.touchstone.runner.systems.guard.TimedOperation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CallTimingsTest {
    @Test
    void recordsFromManyThreadsLoseNothing() throws Exception {
        CallTimings timings = CallTimings.recording();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                tasks.add(pool.submit(() -> {
                    for (int i = 1; i <= 10_000; i++) {
                        timings.record(TimedOperation.CREATE_TEMPLATE, i, i % 100 == 0);
                    }
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdownNow();
        }
        LatencySummary s = timings.summary(TimedOperation.CREATE_TEMPLATE);
        assertThat(s.count()).isEqualTo(40_000);
        assertThat(s.failures()).isEqualTo(400);
        assertThat(s.max()).isEqualTo(10_000);
        assertThat(s.mean()).isEqualTo(5000.5);
        assertThat((double) s.p50()).isBetween(5000.0, 5000 * 1.001);
        assertThat((double) s.p90()).isBetween(9000.0, 9000 * 1.001);
        assertThat((double) s.p99()).isBetween(9900.0, 9900 * 1.001);
    }

    @Test
    void percentilesNeverExceedTheExactMaximum() {
        CallTimings timings = CallTimings.recording();
        // 123,456,789 falls in a bucket whose values reach a little above it.
        timings.record(TimedOperation.SEARCH, 123_456_789, 3, 0);
        LatencySummary s = timings.summary(TimedOperation.SEARCH);
        assertThat(s.count()).isEqualTo(3);
        assertThat(List.of(s.p50(), s.p90(), s.p99(), s.max())).containsOnly(123_456_789L);
    }

    @Test
    void rowsListOnlyWhatWasRecordedAndStagesCountTheirCalls() {
        CallTimings timings = CallTimings.recording();
        timings.record(TimedOperation.COMPARE_MANY, 640, false);
        timings.record(TimedOperation.COMPARISON, 10, 64, 1);
        timings.recordTemplateSize(100);
        timings.stage(TimedStage.COMPARISONS, 0.5);
        timings.stage(TimedStage.COMPARISONS, 1.5);
        assertThat(timings.rows()).containsExactly(
                List.of("latency", "compare_many", "ns", "1", "0", "640", "640", "640", "640", "640.0", "", ""),
                List.of("latency", "comparison", "ns", "64", "1", "10", "10", "10", "10", "10.0", "", ""),
                List.of("size", "template", "bytes", "1", "", "100", "100", "100", "100", "100.0", "", ""),
                List.of("stage", "comparisons", "comparisons", "64", "", "", "", "", "", "", "2.0", "32.0"));
    }

    @Test
    void aDiscardingRecordKeepsNothing() {
        CallTimings discarding = CallTimings.discarding();
        discarding.record(TimedOperation.ANALYZE, 5, false);
        discarding.recordTemplateSize(7);
        discarding.stage(TimedStage.ANALYSES, 1);
        assertThat(discarding.rows()).isEmpty();
    }
}
