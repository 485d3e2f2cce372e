package org.touchstone.spark;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * What a run started outside spark-submit (by {@code ./touchstone}, or a test) gives a cluster's executors:
 * the driver's own class path but Spark, as {@code spark.jars}, and the JVM flags Spark needs on JDK 17.
 * Spark's jars are recognised as those in the folder holding Spark's core jar (the launcher's
 * {@code spark-lib}) or, when {@code SPARK_HOME} is set, named as a jar of {@code $SPARK_HOME/jars}; the
 * executors have them from their own distribution, and shipping them would cost every executor their
 * download. Class folders (a build's {@code target/classes}) are packed into jars, since Spark ships files.
 */
final class RunnerJars {
    private RunnerJars() {
    }

    /** @return the jars to ship, as absolute paths */
    static List<String> forExecutors() {
        Path sparkFolder = folderOf(org.apache.spark.SparkContext.class);
        Set<String> distribution = new HashSet<>();
        String sparkHome = System.getenv("SPARK_HOME");
        if (sparkHome != null && Files.isDirectory(Path.of(sparkHome, "jars"))) {
            try (Stream<Path> jars = Files.list(Path.of(sparkHome, "jars"))) {
                jars.forEach(jar -> distribution.add(jar.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + sparkHome + "/jars", e);
            }
        }
        List<String> shipped = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                shipped.add(packed(path).toString());
            } else if (path.toString().endsWith(".jar") && Files.isRegularFile(path)
                    && !path.getParent().equals(sparkFolder) && !distribution.contains(path.getFileName().toString())) {
                shipped.add(path.toString());
            }
        }
        return shipped;
    }

    /**
     * @param driverArguments the driver JVM's own arguments
     * @return those that open JDK modules to Spark (and its reflection setting), for the executors' JVMs
     */
    static List<String> moduleFlags(List<String> driverArguments) {
        return driverArguments.stream().filter(a -> a.startsWith("--add-opens=") || a.startsWith("--add-exports=")
                || a.equals("-XX:+IgnoreUnrecognizedVMOptions") || a.startsWith("-Djdk.reflect.useDirectMethodHandle="))
                .toList();
    }

    private static Path folderOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath()
                    .normalize().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** A class folder as a temporary jar, deleted when the driver exits. */
    private static Path packed(Path folder) {
        try {
            Path jar = Files.createTempFile("touchstone-classes-", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                 Stream<Path> files = Files.walk(folder)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    out.putNextEntry(new JarEntry(folder.relativize(f).toString().replace(File.separatorChar, '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + folder + " into a jar for Spark's executors", e);
        }
    }
}
