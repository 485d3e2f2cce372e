package org.touchstone.runformat.runjson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * run.json's {@code environment}: the machine and JVM the run used (also {@code bench.json}'s).
 *
 * @param java         the Java runtime's vendor and version
 * @param jvm          the virtual machine's name and version
 * @param os           the operating system's name, version and architecture
 * @param cpu          the processor's model name, or {@code unknown}
 * @param cores        processors available to the JVM
 * @param maxHeapBytes the JVM's heap limit
 */
public record EnvironmentBlock(String java, String jvm, String os, String cpu, Integer cores, Long maxHeapBytes) {
    /**
     * This JVM, operating system and processor.
     *
     * @return the block
     */
    public static EnvironmentBlock ofThisMachine() {
        Runtime rt = Runtime.getRuntime();
        return new EnvironmentBlock(System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                cpuModel(), rt.availableProcessors(), rt.maxMemory());
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
