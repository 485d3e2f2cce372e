package org.touchstone.runner.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@code touchstone bench} measures and how long it measures it.
 *
 * @param system            the system, as {@code --system} names it
 * @param config            its configuration folder, if any
 * @param out               the folder bench.json, bench.csv, bench.html and jmh.log go to
 * @param dataset           the images, as {@code --dataset} names them: a manifest, a dataset folder or a
 *                          synthetic spec (default {@link #DATASET})
 * @param dataDir           where the synthetic images are generated and cached
 * @param operations        the operations to measure (those the system does not offer are skipped)
 * @param threads           the thread counts to measure each operation at
 * @param gallerySizes      the gallery sizes to search
 * @param forks             JMH forks per measurement (0 runs in this JVM, for tests)
 * @param warmupIterations  warm-up iterations per fork
 * @param warmupTime        length of a warm-up iteration
 * @param iterations        measured iterations per fork
 * @param iterationTime     length of a measured iteration
 * @param forkHeapBytes     the heap (-Xmx) of each forked JVM, which bounds the gallery sizes
 * @param jvmArgs           further options for the forked JVMs
 */
public record BenchSettings(String system, Optional<Path> config, Path out, String dataset, Path dataDir,
                            List<BenchOperation> operations, List<Integer> threads, List<Integer> gallerySizes,
                            int forks, int warmupIterations, Duration warmupTime, int iterations,
                            Duration iterationTime, long forkHeapBytes, List<String> jvmArgs) {
    /**
     * The images a benchmark uses unless told otherwise: 20 synthetic faces, generated once into the data
     * folder. A system with a real face detector finds no face in them; give it real images with
     * {@code --dataset}.
     */
    public static final String DATASET = "synthetic:subjects=10,images=2,seed=7";

    /** The largest default heap of a forked JVM, whatever memory the machine has. */
    public static final long MAX_DEFAULT_FORK_HEAP = 8L << 30;

    /**
     * The default heap of each forked JVM: half the memory available now (other programs keep theirs), at
     * most {@link #MAX_DEFAULT_FORK_HEAP}, at least 256 MiB.
     *
     * @return bytes, a multiple of 256 MiB
     */
    public static long defaultForkHeap() {
        long half = availableMemory() / 2;
        long quantum = 256L << 20;
        return Math.max(quantum, Math.min(MAX_DEFAULT_FORK_HEAP, half / quantum * quantum));
    }

    /** @return the memory available for new programs: Linux's MemAvailable, else the free physical memory */
    static long availableMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: ask the JVM.
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    /** Copies the lists. */
    public BenchSettings {
        operations = List.copyOf(operations);
        threads = List.copyOf(threads);
        gallerySizes = List.copyOf(gallerySizes);
        jvmArgs = List.copyOf(jvmArgs);
    }
}
