package org.touchstone.runner.systems.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.touchstone.runner.systems.SystemArtifact;

/**
 * Seals worker processes off from the network and from the file system, for code the evaluator does not
 * trust (a vendor's submission): each worker runs under bubblewrap ({@code bwrap}, Debian's
 * {@code bubblewrap} package) in its own network namespace, which has only an unconfigured loopback, with
 * the whole file system mounted read-only but for its own scratch folder. Linux only; bubblewrap needs
 * unprivileged user namespaces. Where it cannot be had, workers run unsealed and run.json says why.
 */
public final class WorkerSealing {
    /** The program that seals. */
    static final String BWRAP = "bwrap";
    private static volatile Optional<String> unavailable;

    private WorkerSealing() {
    }

    /**
     * Whether a config's workers run sealed, and how or why not.
     *
     * @param config the config (its {@code sealed}: true requires sealing, false turns it off, absent seals
     *               when the machine can)
     * @return the decision
     * @throws IOException when the config requires sealing and this machine cannot seal
     */
    public static SystemArtifact.Sealing decide(ProcessSystemConfig config) throws IOException {
        if (config.sealed().isPresent() && !config.sealed().get()) {
            return new SystemArtifact.Sealing(false, "turned off by the config (\"sealed\": false)");
        }
        Optional<String> why = whyUnavailable();
        if (why.isPresent()) {
            if (config.sealed().isPresent()) {
                throw new IOException(config.file() + ": \"sealed\": true, but this machine cannot seal workers: "
                        + why.get());
            }
            return new SystemArtifact.Sealing(false, why.get());
        }
        return new SystemArtifact.Sealing(true, "bubblewrap: own network namespace (no network), file system "
                + "read-only but the worker's scratch folder");
    }

    /**
     * @param sealing the decision
     * @param config  the config
     * @param scratch the one folder the worker may write (its working folder in the protocol)
     * @return the command that runs the config's program, sealed when decided so
     */
    static List<String> command(SystemArtifact.Sealing sealing, ProcessSystemConfig config, Path scratch) {
        if (!sealing.sealed()) {
            return config.command();
        }
        // Not --die-with-parent: its signal fires when the *thread* that started bwrap ends, and the pool starts
        // workers from short-lived threads. A worker whose harness is gone reads the end of its stdin and exits.
        String writable = scratch.toAbsolutePath().toString();
        List<String> command = new ArrayList<>(List.of(BWRAP, "--ro-bind", "/", "/", "--dev", "/dev",
                "--proc", "/proc", "--bind", writable, writable, "--unshare-net", "--unshare-ipc",
                "--setenv", "TMPDIR", writable, "--setenv", JAVA_OPTIONS, javaOptions(config, writable),
                "--chdir", config.directory().toString(), "--"));
        command.addAll(config.command());
        return command;
    }

    /**
     * A Java worker (the runner's own, {@code touchstone worker}) writes its temporary files (ONNX Runtime's
     * native library, for one) under {@code java.io.tmpdir}, which is {@code /tmp}, read-only when sealed:
     * point it at the scratch folder, after whatever options the worker is given already.
     */
    private static String javaOptions(ProcessSystemConfig config, String writable) {
        String given = config.environment().getOrDefault(JAVA_OPTIONS, System.getenv(JAVA_OPTIONS));
        return (given == null || given.isBlank() ? "" : given + " ") + "-Djava.io.tmpdir=" + writable;
    }

    /** Read by every JVM at start-up. */
    private static final String JAVA_OPTIONS = "JAVA_TOOL_OPTIONS";

    /** Why this machine cannot seal workers, or empty when it can (probed once per JVM). */
    static Optional<String> whyUnavailable() {
        Optional<String> known = unavailable;
        if (known == null) {
            known = probe();
            unavailable = known;
        }
        return known;
    }

    private static Optional<String> probe() {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.of("sealing uses Linux namespaces; this is " + os);
        }
        Path log = null;
        try {
            log = Files.createTempFile("touchstone-seal-probe-", ".log");
            Process probe = new ProcessBuilder(BWRAP, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                    "--unshare-net", "--", "true").redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!probe.waitFor(30, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return Optional.of("bubblewrap (bwrap) did not start a sealed process within 30 s");
            }
            if (probe.exitValue() != 0) {
                return Optional.of("bubblewrap (bwrap) cannot make namespaces here (unprivileged user namespaces "
                        + "off?): " + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("bubblewrap (bwrap, Debian package bubblewrap) is not installed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking for bubblewrap");
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException e) {
                    // A leftover probe log in the temp folder is harmless.
                }
            }
        }
    }
}
