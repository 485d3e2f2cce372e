package org.touchstone.runner.systems.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.touchstone.runner.systems.CallLimits;
import org.touchstone.runner.systems.wire.MalformedMessageException;
import org.touchstone.runner.systems.wire.WireJson;

/**
 * How to launch a subprocess system: the file named by {@code --system process:CONFIG}. A JSON object:
 * <pre>{@code
 * {
 *   "command": ["python3", "${CONFIG_DIR}/histogram_system.py"],   // required: program and arguments
 *   "directory": "${CONFIG_DIR}",                // working directory of the workers (default: the config's folder)
 *   "environment": {"PYTHONPATH": "${CONFIG_DIR}/.."},   // added to the harness's environment
 *   "workers": 2,                                // worker processes (default: one per harness thread)
 *   "time_limits_seconds": {"template": 30},     // per-call deadlines (see CallLimits.Operation)
 *   "artifacts": ["histogram_system.py"],        // files or folders hashed into the run's provenance
 *   "sealed": true                               // true: must run sealed; false: never (default: when possible)
 * }
 * }</pre>
 * In every string, {@code ${CONFIG_DIR}} is the folder holding the config file and
 * {@code ${env:NAME}} (or {@code ${env:NAME:-default}}) an environment variable. Relative paths in
 * {@code directory} and {@code artifacts} are relative to the config's folder.
 *
 * @param file        the config file
 * @param command     the program and its arguments, substituted
 * @param directory   the workers' working directory
 * @param environment variables added to the workers' environment
 * @param workers     worker processes, or empty for one per harness thread
 * @param limits      per-call deadlines set by the config
 * @param artifacts   what to hash for provenance (always including the config file itself)
 * @param sealed      true when the workers must run sealed off ({@link WorkerSealing}), false when they never
 *                    do, empty to seal them when this machine can
 */
public record ProcessSystemConfig(Path file, List<String> command, Path directory, Map<String, String> environment,
                                  Optional<Integer> workers, Map<CallLimits.Operation, Duration> limits,
                                  List<Path> artifacts, Optional<Boolean> sealed) {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(CONFIG_DIR|env:([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?)}");
    private static final Set<String> KEYS = Set.of("command", "directory", "environment", "workers",
            "time_limits_seconds", "artifacts", "sealed");

    /** Canonical form: collections copied. */
    public ProcessSystemConfig {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        limits = Map.copyOf(limits);
        artifacts = List.copyOf(artifacts);
    }

    /**
     * @param file a config file
     * @return the config
     * @throws IOException if it cannot be read or is invalid; the message names the file and the field
     */
    public static ProcessSystemConfig load(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IOException("process system config " + file + " does not exist");
        }
        Path dir = absolute.getParent();
        try {
            JsonNode root = WireJson.parseObject(Files.readAllBytes(absolute));
            for (String key : (Iterable<String>) root::fieldNames) {
                if (!KEYS.contains(key)) {
                    throw new MalformedMessageException("unknown key '" + key + "', expected some of " + KEYS);
                }
            }
            List<String> command = new ArrayList<>();
            for (JsonNode part : WireJson.array(root, "command")) {
                if (!part.isTextual()) {
                    throw new MalformedMessageException("'command' must be an array of strings");
                }
                command.add(substitute(part.asText(), dir));
            }
            if (command.isEmpty()) {
                throw new MalformedMessageException("'command' is empty");
            }
            Path directory = dir.resolve(substitute(WireJson.text(root, "directory", "${CONFIG_DIR}"), dir)).normalize();
            Map<String, String> environment = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : WireJson.stringMap(root.get("environment"), "environment").entrySet()) {
                environment.put(e.getKey(), substitute(e.getValue(), dir));
            }
            Optional<Integer> workers = Optional.empty();
            if (root.hasNonNull("workers")) {
                long n = WireJson.integer(root, "workers");
                if (n < 1 || n > 1024) {
                    throw new MalformedMessageException("'workers' must be 1..1024, was " + n);
                }
                workers = Optional.of((int) n);
            }
            Map<CallLimits.Operation, Duration> limits = new EnumMap<>(CallLimits.Operation.class);
            JsonNode l = root.get("time_limits_seconds");
            if (l != null && !l.isNull()) {
                for (String key : (Iterable<String>) l::fieldNames) {
                    double seconds = WireJson.number(l, key);
                    if (!(seconds > 0) || Double.isInfinite(seconds)) {
                        throw new MalformedMessageException("'time_limits_seconds." + key + "' must be positive");
                    }
                    limits.put(CallLimits.Operation.ofKey(key), Duration.ofNanos((long) (seconds * 1e9)));
                }
            }
            List<Path> artifacts = new ArrayList<>(List.of(absolute));
            JsonNode a = root.get("artifacts");
            if (a != null && !a.isNull()) {
                for (JsonNode path : WireJson.array(root, "artifacts")) {
                    Path p = dir.resolve(substitute(path.asText(), dir)).normalize();
                    if (!Files.exists(p)) {
                        throw new MalformedMessageException("artifact " + p + " does not exist");
                    }
                    artifacts.add(p);
                }
            }
            Optional<Boolean> sealed = Optional.empty();
            if (root.hasNonNull("sealed")) {
                if (!root.get("sealed").isBoolean()) {
                    throw new MalformedMessageException("'sealed' must be true or false");
                }
                sealed = Optional.of(root.get("sealed").asBoolean());
            }
            return new ProcessSystemConfig(absolute, command, directory, environment, workers, limits, artifacts, sealed);
        } catch (MalformedMessageException | IllegalArgumentException e) {
            throw new IOException("process system config " + file + ": " + e.getMessage(), e);
        }
    }

    private static String substitute(String text, Path configDir) throws MalformedMessageException {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            if (m.group(1).equals("CONFIG_DIR")) {
                value = configDir.toString();
            } else {
                value = System.getenv(m.group(2));
                if (value == null) {
                    value = m.group(4);
                }
                if (value == null) {
                    throw new MalformedMessageException("environment variable " + m.group(2) + " is not set and '"
                            + text + "' gives no default (write ${env:" + m.group(2) + ":-default})");
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
