package org.touchstone.runformat.runjson;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * run.json's {@code resources}: what the run's stages used, measured from just before the system opens
 * until the stages end (see {@code docs/run-directory.md} for what each value measures).
 *
 * @param workerThreads    the threads that call the system
 * @param jvmPeakThreads   the harness JVM's peak of live threads
 * @param jvmPeakHeapBytes the sum of the heap pools' peaks (an upper bound)
 * @param jvmMaxHeapBytes  the JVM's heap limit
 * @param jvmPeakRssBytes  the JVM's peak resident set; null where there is no {@code /proc}
 * @param jvmCpuSeconds    optional: the JVM's CPU time over the stages
 * @param jvmJitCpuSeconds optional: of that, what its JIT compiler threads used (Linux only)
 * @param childProcesses   the processes the JVM started meanwhile
 * @param executors        optional: each executor JVM of a distributed backend (Spark on a cluster), by its id
 */
public record ResourcesBlock(Integer workerThreads, Integer jvmPeakThreads, Long jvmPeakHeapBytes,
                             Long jvmMaxHeapBytes, Long jvmPeakRssBytes,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Double jvmCpuSeconds,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Double jvmJitCpuSeconds,
                             ChildProcesses childProcesses,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<Executor> executors) {
    /**
     * Without executors: the work ran in the harness JVM.
     *
     * @param workerThreads    the threads that call the system
     * @param jvmPeakThreads   the harness JVM's peak of live threads
     * @param jvmPeakHeapBytes the sum of the heap pools' peaks (an upper bound)
     * @param jvmMaxHeapBytes  the JVM's heap limit
     * @param jvmPeakRssBytes  the JVM's peak resident set; null where there is no {@code /proc}
     * @param jvmCpuSeconds    the JVM's CPU time over the stages, or null
     * @param jvmJitCpuSeconds of that, what its JIT compiler threads used, or null
     * @param childProcesses   the processes the JVM started meanwhile
     */
    public ResourcesBlock(Integer workerThreads, Integer jvmPeakThreads, Long jvmPeakHeapBytes, Long jvmMaxHeapBytes,
                          Long jvmPeakRssBytes, Double jvmCpuSeconds, Double jvmJitCpuSeconds,
                          ChildProcesses childProcesses) {
        this(workerThreads, jvmPeakThreads, jvmPeakHeapBytes, jvmMaxHeapBytes, jvmPeakRssBytes, jvmCpuSeconds,
                jvmJitCpuSeconds, childProcesses, null);
    }

    /**
     * @param used each executor's use; none leaves the field out
     * @return a copy with them
     */
    public ResourcesBlock withExecutors(List<Executor> used) {
        return new ResourcesBlock(workerThreads, jvmPeakThreads, jvmPeakHeapBytes, jvmMaxHeapBytes, jvmPeakRssBytes,
                jvmCpuSeconds, jvmJitCpuSeconds, childProcesses, used.isEmpty() ? null : List.copyOf(used));
    }

    /**
     * @param id            the backend's name for the executor
     * @param host          where it ran
     * @param peakHeapBytes the sum of its heap pools' peaks since it started (an upper bound)
     * @param maxHeapBytes  its heap limit
     * @param peakRssBytes  its peak resident set since it started; null where there is no {@code /proc}
     * @param cpuSeconds    optional: its CPU time since it started
     * @param jitCpuSeconds optional: of that, what its JIT compiler threads used (Linux only)
     */
    public record Executor(String id, String host, Long peakHeapBytes, Long maxHeapBytes, Long peakRssBytes,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Double cpuSeconds,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Double jitCpuSeconds) {
    }

    /**
     * @param count             processes started
     * @param peakRssMaxBytes   the largest peak resident set of one of them (0 without any)
     * @param peakRssTotalBytes the sum of their peaks
     */
    public record ChildProcesses(Integer count, Long peakRssMaxBytes, Long peakRssTotalBytes) {
    }
}
