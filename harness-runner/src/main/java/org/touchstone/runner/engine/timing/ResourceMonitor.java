package org.touchstone.runner.engine.timing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.touchstone.runformat.runjson.ResourcesBlock;

/**
 * Watches what a run's stages cost in memory, threads and CPU: the JVM's heap peak and thread peak from the
 * moment it starts, the JVM's peak resident set, its CPU time while watched (and its JIT compilers' share),
 * and the peak resident set of every process the JVM started meanwhile (the workers of a subprocess
 * system, and anything they start), from Linux's {@code /proc/<pid>/status} {@code VmHWM}. Child processes
 * are sampled every {@value #SAMPLE_MILLIS} ms; {@code VmHWM} is a high-water mark, so a sample loses nothing
 * but what a process did in its last interval before exiting.
 */
public final class ResourceMonitor implements AutoCloseable {
    /** How often child processes are looked at. */
    static final long SAMPLE_MILLIS = 500;

    private final int workerThreads;
    private final ScheduledExecutorService sampler;
    private final Map<Long, Long> childPeaks = new HashMap<>();
    private final JvmCpu cpuAtStart;

    private ResourceMonitor(int workerThreads) {
        this.workerThreads = workerThreads;
        this.cpuAtStart = JvmCpu.ofThisJvm();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "touchstone-resource-monitor");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleWithFixedDelay(this::sampleChildren, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts watching: resets the JVM's heap and thread peaks and starts sampling child processes.
     *
     * @param workerThreads the threads the run calls the system from, recorded as they are
     * @return the monitor, to {@link #stop} when the stages end (before the system closes, while its workers live)
     */
    public static ResourceMonitor start(int workerThreads) {
        return new ResourceMonitor(workerThreads);
    }

    /**
     * What the stages used.
     *
     * @param workerThreads          threads calling the system
     * @param jvmPeakThreads         the JVM's live thread peak
     * @param jvmPeakHeapBytes       the sum of the heap pools' peaks (pools peak at different moments: an upper
     *                               bound, garbage not yet collected included)
     * @param jvmMaxHeapBytes        the JVM's heap limit
     * @param jvmPeakRssBytes        the JVM's peak resident set since it started, native memory included; empty
     *                               where {@code /proc} is not available
     * @param jvmCpu                 the JVM's CPU time while watched, and its JIT compiler threads'
     * @param childProcesses         processes the JVM started while watched
     * @param childPeakRssMaxBytes   the largest peak resident set of one of them (0 without any)
     * @param childPeakRssTotalBytes the sum of their peaks: an upper bound on what they held at once
     */
    public record Resources(int workerThreads, int jvmPeakThreads, long jvmPeakHeapBytes, long jvmMaxHeapBytes,
                            OptionalLong jvmPeakRssBytes, JvmCpu jvmCpu, int childProcesses, long childPeakRssMaxBytes,
                            long childPeakRssTotalBytes) {
        /** @return run.json's {@code resources} block */
        public ResourcesBlock block() {
            return new ResourcesBlock(workerThreads, jvmPeakThreads, jvmPeakHeapBytes, jvmMaxHeapBytes,
                    jvmPeakRssBytes.isPresent() ? jvmPeakRssBytes.getAsLong() : null, jvmCpu.processSeconds(),
                    jvmCpu.compilerSeconds(),
                    new ResourcesBlock.ChildProcesses(childProcesses, childPeakRssMaxBytes, childPeakRssTotalBytes));
        }
    }

    /**
     * Takes a last sample and stops watching.
     *
     * @return what the stages used
     */
    public Resources stop() {
        close();
        sampleChildren();
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        synchronized (childPeaks) {
            return new Resources(workerThreads, threads.getPeakThreadCount(), heapPeak, Runtime.getRuntime().maxMemory(),
                    peakRss(ProcessHandle.current().pid()), JvmCpu.ofThisJvm().since(cpuAtStart),
                    childPeaks.size(),
                    childPeaks.values().stream().mapToLong(Long::longValue).max().orElse(0),
                    childPeaks.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    private void sampleChildren() {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        for (ProcessHandle child : children) {
            OptionalLong peak = peakRss(child.pid());
            if (peak.isPresent()) {
                synchronized (childPeaks) {
                    childPeaks.merge(child.pid(), peak.getAsLong(), Math::max);
                }
            }
        }
    }

    /**
     * @param pid a process id
     * @return its peak resident set ({@code VmHWM}) in bytes; empty without {@code /proc}, or once it exited
     */
    public static OptionalLong peakRss(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process is gone: nothing to add.
        }
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
