package org.touchstone.runner.boundaries;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.touchstone.runner.systems.serve.JavaWorkerMain;

/**
 * Helpers for tests that run systems in worker processes: configs for Java workers (any system on the
 * test class path, served by {@link JavaWorkerMain}) and for the Python client's examples, which need
 * python3. A missing python3 fails the test loudly: CI is expected to have it.
 */
public final class TestWorkers {
    /** Overrides the Python interpreter used by tests. */
    public static final String PYTHON_VARIABLE = "TOUCHSTONE_PYTHON";

    private TestWorkers() {
    }

    /** @return the repository's root (the folder holding clients/python) */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("clients/python/touchstone_worker"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find clients/python above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** @return the Python client's folder */
    public static Path pythonClient() {
        return repositoryRoot().resolve("clients/python");
    }

    /**
     * @return the python3 command, checked to run and to be 3.9 or later
     * @throws IllegalStateException naming what to install or set, when it is missing
     */
    public static String python() {
        String python = System.getenv().getOrDefault(PYTHON_VARIABLE, "python3");
        try {
            Process p = new ProcessBuilder(python, "-c", "import sys; sys.exit(0 if sys.version_info >= (3, 9) else 3)")
                    .redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(python + " is older than 3.9 or does not run");
            }
        } catch (IOException | InterruptedException | IllegalStateException e) {
            throw new IllegalStateException("These tests need Python 3.9+ as '" + python + "' (CI provides it): "
                    + e.getMessage() + ". Install python3 or set " + PYTHON_VARIABLE + " to its path.", e);
        }
        return python;
    }

    /**
     * @param dir      where to write the config
     * @param systemId a system on the test class path
     * @param workers  worker processes, or 0 for one per harness thread
     * @param extra    further config keys
     * @return the config file, serving the system through {@link JavaWorkerMain}
     * @throws IOException if it cannot be written
     */
    public static Path javaWorkerConfig(Path dir, String systemId, int workers, Map<String, Object> extra)
            throws IOException {
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return write(dir.resolve(systemId + ".process.json"), List.of(javaCommand, "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", classPath, JavaWorkerMain.class.getName(), systemId), workers, extra);
    }

    /**
     * @param dir     where to write the config
     * @param example an example's file name in clients/python/examples, e.g. {@code histogram_system.py}
     * @param workers worker processes, or 0 for one per harness thread
     * @param extra   further config keys
     * @return the config file
     * @throws IOException if it cannot be written
     */
    public static Path pythonConfig(Path dir, String example, int workers, Map<String, Object> extra)
            throws IOException {
        Path script = pythonClient().resolve("examples").resolve(example);
        ObjectNode config = config(List.of(python(), script.toString()), workers, extra);
        config.putObject("environment").put("PYTHONPATH", pythonClient().toString())
                .put("PYTHONDONTWRITEBYTECODE", "1");
        Path file = dir.resolve(example + ".process.json");
        Files.createDirectories(dir);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), config);
        return file;
    }

    private static Path write(Path file, List<String> command, int workers, Map<String, Object> extra)
            throws IOException {
        Files.createDirectories(file.getParent());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), config(command, workers, extra));
        return file;
    }

    private static ObjectNode config(List<String> command, int workers, Map<String, Object> extra) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode config = mapper.createObjectNode();
        ArrayNode c = config.putArray("command");
        command.forEach(c::add);
        if (workers > 0) {
            config.put("workers", workers);
        }
        extra.forEach((k, v) -> config.set(k, mapper.valueToTree(v)));
        return config;
    }
}
