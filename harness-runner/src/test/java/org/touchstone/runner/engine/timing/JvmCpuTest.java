package org.touchstone.runner.engine.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM's CPU time and its JIT compiler threads' share: read from a {@code /proc/PID/task} folder written
 * here (so the expected sums are known), and from this JVM while it burns CPU.
 */
class JvmCpuTest {
    private static void thread(Path tasks, long tid, String comm, String schedstat, String stat) throws Exception {
        Path dir = Files.createDirectories(tasks.resolve(Long.toString(tid)));
        Files.writeString(dir.resolve("comm"), comm + "\n");
        if (schedstat != null) {
            Files.writeString(dir.resolve("schedstat"), schedstat + "\n");
        }
        if (stat != null) {
            Files.writeString(dir.resolve("stat"), stat + "\n");
        }
    }

    /** A {@code stat} line whose user and system times (fields 14 and 15) are the ticks given. */
    private static String stat(long tid, String comm, long userTicks, long systemTicks) {
        return tid + " (" + comm + ") S 1 1 1 0 -1 4194368 5 0 0 0 " + userTicks + " " + systemTicks
                + " 0 0 20 0 30 0 1000 0 0";
    }

    @Test
    void compilerThreadsAreFoundByNameAndTimedFromSchedstatOrElseStat(@TempDir Path tasks) throws Exception {
        thread(tasks, 101, "C2 CompilerThre", "1500000000 2000 30", stat(101, "C2 CompilerThre", 999, 999));
        // No schedstat (a kernel without it): 40 + 10 ticks of 10 ms.
        thread(tasks, 102, "C1 CompilerThre", null, stat(102, "C1 CompilerThre", 40, 10));
        thread(tasks, 103, "main", "9000000000 0 1", stat(103, "main", 900, 0));
        thread(tasks, 104, "GC Thread#0", "7000000000 0 1", null);
        thread(tasks, 105, "JVMCI CompilerT", "250000000 0 1", null);
        // A thread of the system under test that happens to mention a compiler is not one.
        thread(tasks, 106, "my CompilerThre", "8000000000 0 1", null);

        Map<Long, Long> compilers = JvmCpu.compilerThreads(tasks);

        assertThat(compilers).containsOnly(Map.entry(101L, 1_500_000_000L), Map.entry(102L, 500_000_000L),
                Map.entry(105L, 250_000_000L));
        assertThat(new JvmCpu(12_000_000_000L, compilers).compilerSeconds()).isEqualTo(2.25);
    }

    @Test
    void withoutProcThereAreNoCompilerFigures(@TempDir Path tmp) {
        assertThat(JvmCpu.compilerThreads(tmp.resolve("absent"))).isEmpty();
        JvmCpu cpu = new JvmCpu(-1, Map.of());
        assertThat(cpu.compilerSeconds()).isNull();
        assertThat(cpu.processSeconds()).isNull();
        assertThat(cpu.since(new JvmCpu(5, Map.of())).processSeconds()).isNull();
    }

    @Test
    void sinceCountsWhatEachThreadAddedAndNewThreadsInFull() {
        JvmCpu before = new JvmCpu(3_000_000_000L, Map.of(1L, 1_000_000_000L, 2L, 250_000_000L));
        // Thread 2 stopped (its time left with it), thread 3 started.
        JvmCpu after = new JvmCpu(7_500_000_000L, Map.of(1L, 1_750_000_000L, 3L, 500_000_000L));

        JvmCpu used = after.since(before);

        assertThat(used.processSeconds()).isEqualTo(4.5);
        assertThat(used.compilerNanos()).containsOnly(Map.entry(1L, 750_000_000L), Map.entry(3L, 500_000_000L));
        assertThat(used.compilerSeconds()).isEqualTo(1.25);
    }

    @Test
    void thisJvmsCpuGrowsByWhatAThreadBurns() {
        assumeThat(Path.of("/proc/self/task")).isDirectory();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        JvmCpu before = JvmCpu.ofThisJvm();
        long threadStart = threads.getCurrentThreadCpuTime();
        double sink = 0;
        while (threads.getCurrentThreadCpuTime() - threadStart < 300_000_000L) {
            for (int i = 1; i < 100_000; i++) {
                sink += Math.sqrt(i);
            }
        }
        long burnt = threads.getCurrentThreadCpuTime() - threadStart;
        JvmCpu used = JvmCpu.ofThisJvm().since(before);

        assertThat(sink).isPositive();
        assertThat(used.processSeconds()).isGreaterThanOrEqualTo(burnt / 1e9 * 0.95);
        // HotSpot runs its JIT compilers on threads of their own, which /proc lists by name.
        assertThat(before.compilerNanos()).isNotEmpty();
        assertThat(JvmCpu.ofThisJvm().compilerSeconds()).isPositive();
    }
}
