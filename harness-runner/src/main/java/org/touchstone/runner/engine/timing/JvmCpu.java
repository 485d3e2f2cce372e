package org.touchstone.runner.engine.timing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The CPU time a JVM has used, and how much of it its JIT compiler threads used: a fresh JVM compiles the
 * code it runs hot, and on a few cores that competes with the work itself (every Spark executor compiles the
 * same code again; see README's cost model). The process's time comes from the JVM; the compiler threads'
 * from Linux's {@code /proc/self/task}, since no management interface reports them (they are hidden from
 * {@code ThreadMXBean}). A compiler thread the JVM stopped meanwhile (it adds and removes them with the
 * load on machines of many cores) takes its time with it, so the compiler share is a lower bound there.
 *
 * @param processNanos  the process's CPU time so far, or -1 where the JVM does not report it
 * @param compilerNanos each live compiler thread's CPU time so far, by thread id; empty without {@code /proc}
 */
public record JvmCpu(long processNanos, Map<Long, Long> compilerNanos) {
    /**
     * What HotSpot's compiler threads are named ("C1 CompilerThread0", "C2 CompilerThread1", "JVMCI
     * CompilerThread0") and OpenJ9's ("JIT Compilation Thread-000"), as far as Linux keeps a name (15 characters).
     */
    private static final Pattern COMPILER_THREAD = Pattern.compile("^(C1 |C2 |JVMCI )CompilerT|^JIT Compilation");
    /** The unit of {@code /proc}'s {@code stat} times: Linux's USER_HZ, 100 on every architecture it ships for. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    public JvmCpu {
        compilerNanos = Map.copyOf(compilerNanos);
    }

    /** @return this JVM's CPU times now */
    public static JvmCpu ofThisJvm() {
        long process = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            process = os.getProcessCpuTime();
        }
        return new JvmCpu(process, compilerThreads(Path.of("/proc/self/task")));
    }

    /**
     * @param tasks a process's {@code /proc/PID/task} folder
     * @return the CPU time of each of its threads named as a JIT compiler thread, by thread id; empty when the
     *         folder cannot be read
     */
    static Map<Long, Long> compilerThreads(Path tasks) {
        Map<Long, Long> times = new HashMap<>();
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    if (COMPILER_THREAD.matcher(Files.readString(thread.resolve("comm"))).find()) {
                        OptionalLong nanos = cpuNanos(thread);
                        if (nanos.isPresent()) {
                            times.put(Long.parseLong(thread.getFileName().toString()), nanos.getAsLong());
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // The thread ended while being read: it no longer counts.
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: no compiler figures.
        }
        return times;
    }

    /**
     * A thread's CPU time: {@code schedstat}'s first field (nanoseconds on a CPU) where the kernel keeps it, else
     * {@code stat}'s user and system times (fields 14 and 15, in ticks).
     */
    private static OptionalLong cpuNanos(Path thread) throws IOException {
        Path schedstat = thread.resolve("schedstat");
        if (Files.isReadable(schedstat)) {
            return OptionalLong.of(Long.parseLong(Files.readString(schedstat).trim().split("\\s+")[0]));
        }
        String stat = Files.readString(thread.resolve("stat"));
        // The name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return OptionalLong.of((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK);
    }

    /** @return the process's CPU seconds, or null where the JVM does not report them */
    public Double processSeconds() {
        return processNanos < 0 ? null : processNanos / 1e9;
    }

    /** @return the compiler threads' CPU seconds, or null without {@code /proc} */
    public Double compilerSeconds() {
        return compilerNanos.isEmpty() ? null : compilerNanos.values().stream().mapToLong(Long::longValue).sum() / 1e9;
    }

    /**
     * @param earlier a reading of the same JVM taken before
     * @return what was used between the two readings (compiler threads started since count in full)
     */
    public JvmCpu since(JvmCpu earlier) {
        Map<Long, Long> compilers = new HashMap<>();
        compilerNanos.forEach((thread, nanos) -> compilers.put(thread,
                Math.max(0, nanos - earlier.compilerNanos.getOrDefault(thread, 0L))));
        return new JvmCpu(processNanos < 0 || earlier.processNanos < 0 ? -1 : processNanos - earlier.processNanos,
                compilers);
    }
}
