package org.touchstone.runner.engine.rundir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.touchstone.api.Capability;
import org.touchstone.api.OperatingThreshold;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.runner.systems.Hashing;

/**
 * The provenance manifest {@code run.json} (format {@value #FORMAT}, see docs/run-directory.md). It is
 * written when a run starts (status {@code running}) and rewritten when it ends, with the end time and
 * the SHA-256 of every other file of the run directory.
 */
public final class RunJson {
    /** File name inside the run directory. */
    public static final String FILE = "run.json";
    /** Format identifier. */
    public static final String FORMAT = "touchstone-run/1";
    /**
     * The harness's private resume state inside a run directory: never hashed into {@code files}, and
     * deleted once the run is complete.
     */
    public static final String CHECKPOINT_DIRECTORY = "checkpoint";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = JSON.createObjectNode();

    /** @param runId the run's id */
    public RunJson(String runId) {
        root.put("format", FORMAT);
        root.put("status", "running");
        root.put("run_id", runId);
    }

    /** @return the JSON tree, for sections added by callers */
    public ObjectNode root() {
        return root;
    }

    /**
     * @param name a top-level section
     * @return that section, created empty if absent
     */
    public ObjectNode section(String name) {
        return root.has(name) ? (ObjectNode) root.get(name) : root.putObject(name);
    }

    /** @param status running, complete or failed */
    public void status(String status) {
        root.put("status", status);
    }

    /**
     * Records the system as the descriptor declares it, plus where its code came from.
     *
     * @param descriptor the descriptor
     * @param artifact   location and hash of its code
     * @param configHash content hash of its configuration folder, or null for none
     */
    public void system(SystemDescriptor descriptor, org.touchstone.runner.systems.SystemArtifact artifact,
                       String configHash) {
        describeSystem(section("system"), descriptor, artifact, configHash);
    }

    /**
     * Describes a system as run.json's {@code system} block does (also used by {@code bench.json}).
     *
     * @param s          the block, filled in
     * @param descriptor the descriptor
     * @param artifact   location and hash of its code
     * @param configHash content hash of its configuration folder, or null for none
     */
    public static void describeSystem(ObjectNode s, SystemDescriptor descriptor,
                                      org.touchstone.runner.systems.SystemArtifact artifact, String configHash) {
        s.put("id", descriptor.id());
        s.put("vendor", descriptor.vendor());
        s.put("name", descriptor.name());
        s.put("version", descriptor.version());
        s.put("description", descriptor.description());
        s.put("api_version", descriptor.apiVersion());
        ArrayNode caps = s.putArray("capabilities");
        descriptor.capabilities().forEach(c -> caps.add(c.name().toLowerCase(java.util.Locale.ROOT)));
        descriptor.scoreRange().ifPresent(r -> {
            ObjectNode range = s.putObject("score_range");
            range.put("min", r.min());
            range.put("max", r.max());
        });
        s.put("concurrency", descriptor.concurrency().name().toLowerCase(java.util.Locale.ROOT));
        s.set("thresholds", thresholds(descriptor.thresholds(), null));
        ArrayNode attributes = s.putArray("attributes");
        descriptor.attributes().forEach(a -> attributes.add(a.name()));
        ObjectNode properties = s.putObject("properties");
        descriptor.properties().forEach(properties::put);
        ObjectNode art = s.putObject("artifact");
        art.put("location", artifact.location());
        art.put("sha256", artifact.sha256());
        if (configHash != null) {
            s.put("config_sha256", configHash);
        }
    }

    /**
     * @param thresholds vendor thresholds
     * @param only       keep only those for this capability, or null for all
     * @return them as a JSON array
     */
    public static ArrayNode thresholds(List<OperatingThreshold> thresholds, Capability only) {
        ArrayNode array = JSON.createArrayNode();
        for (OperatingThreshold t : thresholds) {
            if (only != null && t.capability() != only) {
                continue;
            }
            ObjectNode o = array.addObject();
            o.put("name", t.name());
            o.put("value", t.value());
            o.put("source", "vendor");
            o.put("capability", t.capability().name().toLowerCase(java.util.Locale.ROOT));
            o.put("description", t.description());
        }
        return array;
    }

    /** Records the JVM, operating system and processor. */
    public void environment() {
        describeEnvironment(section("environment"));
    }

    /**
     * Describes this JVM, operating system and processor as run.json's {@code environment} block does.
     *
     * @param e the block, filled in
     */
    public static void describeEnvironment(ObjectNode e) {
        Runtime rt = Runtime.getRuntime();
        e.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
        e.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        e.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        e.put("cpu", cpuModel());
        e.put("cores", rt.availableProcessors());
        e.put("max_heap_bytes", rt.maxMemory());
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * Fills {@code files} with the SHA-256 of every file of the run directory except {@code run.json}
     * itself, files still being written and the checkpoint folder, by relative path.
     *
     * @param runDir the run directory
     * @throws IOException if a file cannot be read
     */
    public void hashFiles(Path runDir) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(runDir)) {
            files = walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
        }
        for (Path f : files) {
            String relative = runDir.relativize(f).toString().replace('\\', '/');
            if (!relative.equals(FILE) && !relative.endsWith(AtomicFiles.PARTIAL_SUFFIX)
                    && !relative.startsWith(CHECKPOINT_DIRECTORY + "/")) {
                hashes.put(relative, Hashing.sha256(f));
            }
        }
        ObjectNode node = root.putObject("files");
        hashes.forEach(node::put);
    }

    /**
     * Writes {@code run.json} atomically.
     *
     * @param runDir the run directory
     * @throws IOException on failure
     */
    public void write(Path runDir) throws IOException {
        AtomicFiles.write(runDir.resolve(FILE), toBytes());
    }

    private byte[] toBytes() throws JsonProcessingException {
        return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
