package org.touchstone.runformat.runjson;

/**
 * run.json's {@code resources}: what the run's stages used, measured from just before the system opens
 * until the stages end (see {@code docs/run-directory.md} for what each value measures).
 *
 * @param workerThreads    the threads that call the system
 * @param jvmPeakThreads   the harness JVM's peak of live threads
 * @param jvmPeakHeapBytes the sum of the heap pools' peaks (an upper bound)
 * @param jvmMaxHeapBytes  the JVM's heap limit
 * @param jvmPeakRssBytes  the JVM's peak resident set; null where there is no {@code /proc}
 * @param childProcesses   the processes the JVM started meanwhile
 */
public record ResourcesBlock(Integer workerThreads, Integer jvmPeakThreads, Long jvmPeakHeapBytes,
                             Long jvmMaxHeapBytes, Long jvmPeakRssBytes, ChildProcesses childProcesses) {
    /**
     * @param count             processes started
     * @param peakRssMaxBytes   the largest peak resident set of one of them (0 without any)
     * @param peakRssTotalBytes the sum of their peaks
     */
    public record ChildProcesses(Integer count, Long peakRssMaxBytes, Long peakRssTotalBytes) {
    }
}
