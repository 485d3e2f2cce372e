package org.touchstone.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap use from the JVM's memory pools: the sum of each heap pool's peak since the last reset. Pools
 * peak at different moments, so the sum is an upper bound on the true peak; it is what the benchmarks
 * print, next to the fork's fixed -Xmx, which bounds it from above for certain.
 */
final class HeapPeak {
    private HeapPeak() {
    }

    /** Collects garbage and starts a new peak. */
    static void reset() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the last reset, in bytes. */
    static long bytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** The heap limit of this JVM (-Xmx), in bytes. */
    static long limit() {
        return Runtime.getRuntime().maxMemory();
    }
}
