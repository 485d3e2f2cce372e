package org.touchstone.runner.engine.backend;

import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.OptionalLong;
import org.touchstone.runner.engine.timing.JvmCpu;
import org.touchstone.runner.engine.timing.ResourceMonitor;

/**
 * What one executor JVM of a distributed backend used, measured in that JVM (run.json's
 * {@code resources.executors}).
 *
 * @param executorId    the backend's name for it
 * @param host          where it ran
 * @param peakHeapBytes the sum of its heap pools' peaks since it started (an upper bound)
 * @param maxHeapBytes  its heap limit
 * @param peakRssBytes  its peak resident set since it started; null where there is no {@code /proc}
 * @param cpuSeconds    the CPU time it used since it started; null where its JVM does not report it
 * @param jitCpuSeconds of that, what its JIT compiler threads used; null where there is no {@code /proc}
 */
public record ExecutorResources(String executorId, String host, long peakHeapBytes, long maxHeapBytes,
                                Long peakRssBytes, Double cpuSeconds, Double jitCpuSeconds) implements Serializable {
    /**
     * Measures the JVM it runs in, as run.json's {@code resources} measures the driver's.
     *
     * @param executorId the backend's name for this JVM
     * @param host       where it runs
     * @return its heap peak, peak resident set and CPU time since it started
     */
    public static ExecutorResources ofThisJvm(String executorId, String host) {
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        OptionalLong rss = ResourceMonitor.peakRss(ProcessHandle.current().pid());
        JvmCpu cpu = JvmCpu.ofThisJvm();
        return new ExecutorResources(executorId, host, heapPeak, Runtime.getRuntime().maxMemory(),
                rss.isPresent() ? rss.getAsLong() : null, cpu.processSeconds(), cpu.compilerSeconds());
    }

    /**
     * @param later a later measurement of the same executor
     * @return the larger of each peak and of each CPU time (which only grow: the later reading)
     */
    public ExecutorResources max(ExecutorResources later) {
        return new ExecutorResources(executorId, host, Math.max(peakHeapBytes, later.peakHeapBytes),
                Math.max(maxHeapBytes, later.maxHeapBytes), larger(peakRssBytes, later.peakRssBytes),
                larger(cpuSeconds, later.cpuSeconds), larger(jitCpuSeconds, later.jitCpuSeconds));
    }

    /** @return the larger of two optional values, either where the other is missing */
    private static <T extends Comparable<T>> T larger(T a, T b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }
}
