package org.touchstone.runner.engine.backend;

import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.OptionalLong;
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
 */
public record ExecutorResources(String executorId, String host, long peakHeapBytes, long maxHeapBytes,
                                Long peakRssBytes) implements Serializable {
    /**
     * Measures the JVM it runs in, as run.json's {@code resources} measures the driver's.
     *
     * @param executorId the backend's name for this JVM
     * @param host       where it runs
     * @return its heap peak and peak resident set since it started
     */
    public static ExecutorResources ofThisJvm(String executorId, String host) {
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        OptionalLong rss = ResourceMonitor.peakRss(ProcessHandle.current().pid());
        return new ExecutorResources(executorId, host, heapPeak, Runtime.getRuntime().maxMemory(),
                rss.isPresent() ? rss.getAsLong() : null);
    }

    /**
     * @param later a later measurement of the same executor
     * @return the larger of each peak
     */
    public ExecutorResources max(ExecutorResources later) {
        return new ExecutorResources(executorId, host, Math.max(peakHeapBytes, later.peakHeapBytes),
                Math.max(maxHeapBytes, later.maxHeapBytes), peakRssBytes == null ? later.peakRssBytes
                : later.peakRssBytes == null ? peakRssBytes : Long.valueOf(Math.max(peakRssBytes, later.peakRssBytes)));
    }
}
