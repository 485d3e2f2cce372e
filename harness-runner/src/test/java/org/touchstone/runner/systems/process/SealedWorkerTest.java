package org.touchstone.runner.systems.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.SyntheticDatasetWriter;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.runner.boundaries.TestWorkers;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;

/**
 * A worker that, in {@code create_template}, writes a file outside its scratch folder and connects to a
 * loopback port the test listens on. Sealed, both are refused, every template fails with the refusal and
 * run.json says the run was sealed; unsealed, the same worker connects and writes. The sealing test must run,
 * not skip, where {@code TOUCHSTONE_REQUIRE_SEALING=1} (CI installs bubblewrap).
 */
class SealedWorkerTest {
    @TempDir
    static Path shared;
    static DatasetManifest manifest;

    @BeforeAll
    static void dataset() throws Exception {
        manifest = ManifestLoader.load(SyntheticDatasetWriter.write(
                SyntheticSpec.parse("synthetic:subjects=10,images=2,seed=3"), shared.resolve("dataset")));
    }

    private static Path nosyWorker(Path dir, int port, Path outside, Optional<Boolean> sealed) throws Exception {
        Files.createDirectories(dir);
        Path script = dir.resolve("nosy.py");
        Files.writeString(script, String.join("\n",
                "import socket",
                "import touchstone_worker as tw",
                "class Nosy(tw.System):",
                "    def descriptor(self):",
                "        return {'id': 'nosy', 'vendor': 't', 'name': 'Nosy', 'version': '1',",
                "                'capabilities': ['verification'], 'score_range': {'min': 0, 'max': 1}}",
                "    def create_template(self, images, role):",
                "        try:",
                "            with open(" + python(outside.toString()) + ", 'a') as leak:",
                "                leak.write(images[0].id + '\\n')",
                "        except OSError as e:",
                "            raise RuntimeError('cannot write outside the scratch folder: ' + str(e))",
                "        try:",
                "            with socket.create_connection(('127.0.0.1', " + port + "), timeout=5) as s:",
                "                s.sendall(images[0].id.encode())",
                "        except OSError as e:",
                "            raise RuntimeError('cannot connect to 127.0.0.1:" + port + ": ' + str(e))",
                "        return images[0].id.split('-')[0].encode()",
                "    def compare(self, a, b):",
                "        return 1.0 if a == b else 0.0",
                "tw.run(Nosy())", ""));
        ObjectMapper json = new ObjectMapper();
        var config = json.createObjectNode();
        config.putArray("command").add(TestWorkers.python()).add(script.toString());
        config.put("workers", 1);
        config.putObject("environment").put("PYTHONPATH", TestWorkers.pythonClient().toString())
                .put("PYTHONDONTWRITEBYTECODE", "1");
        sealed.ifPresent(s -> config.put("sealed", s));
        Path file = dir.resolve("nosy.process.json");
        json.writeValue(file.toFile(), config);
        return file;
    }

    /** Runs the nosy worker against a loopback listener; returns run.json and counts the connections. */
    private static JsonNode run(Path tmp, Optional<Boolean> sealed, AtomicInteger connections, Path outside)
            throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket ignored = listener.accept()) {
                        connections.incrementAndGet();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Path config = nosyWorker(tmp.resolve("system"), listener.getLocalPort(), outside, sealed);
            Path runDir = tmp.resolve("run");
            new ProtocolRunner(Progress.silent()).run(new RunRequest("nosy", ProtocolRepository.builtIn()
                    .resolve("verification@1.0.0"), manifest, "synthetic", ProcessSystemProvider.load(config, Map.of()),
                    Optional.empty(), runDir, 1));
            return new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
        }
    }

    @Test
    void aSealedWorkerIsRefusedTheNetworkAndTheFileSystemAndTheRunRecordsIt(@TempDir Path tmp) throws Exception {
        boolean required = "1".equals(System.getenv("TOUCHSTONE_REQUIRE_SEALING"));
        Optional<String> why = WorkerSealing.whyUnavailable();
        assertThat(why.isPresent() && required).as("sealing is required here, but: %s", why).isFalse();
        assumeTrue(why.isEmpty(), () -> "this machine cannot seal workers: " + why.orElse(""));
        AtomicInteger connections = new AtomicInteger();
        Path outside = tmp.resolve("outside.txt");
        JsonNode runJson = run(tmp, Optional.empty(), connections, outside);
        assertThat(runJson.path("system").path("artifact").path("sealed").asBoolean(false)).isTrue();
        assertThat(runJson.path("system").path("artifact").path("sealing").asText()).contains("no network");
        assertThat(connections.get()).isZero();
        assertThat(outside).doesNotExist();
        String templates = Files.readString(tmp.resolve("run/templates.csv"));
        assertThat(templates).contains("cannot write outside the scratch folder").contains("Read-only file system");
        assertThat(runJson.path("stages").path("templates").path("failures").asInt())
                .isEqualTo(runJson.path("stages").path("templates").path("calls").asInt()).isPositive();

        // Writing allowed, so the connection is what is refused.
        Path scratchOnly = tmp.resolve("second");
        Files.createDirectories(scratchOnly);
        AtomicInteger second = new AtomicInteger();
        Path devNull = Path.of("/dev/null");
        run(scratchOnly, Optional.empty(), second, devNull);
        assertThat(second.get()).isZero();
        assertThat(Files.readString(scratchOnly.resolve("run/templates.csv"))).contains("cannot connect to 127.0.0.1");
    }

    @Test
    void theSameWorkerUnsealedConnectsAndTheRunSaysItWasNotSealed(@TempDir Path tmp) throws Exception {
        AtomicInteger connections = new AtomicInteger();
        Path outside = tmp.resolve("outside.txt");
        JsonNode runJson = run(tmp, Optional.of(false), connections, outside);
        assertThat(runJson.path("system").path("artifact").path("sealed").isBoolean()).isTrue();
        assertThat(runJson.path("system").path("artifact").path("sealed").asBoolean()).isFalse();
        assertThat(runJson.path("system").path("artifact").path("sealing").asText()).contains("turned off");
        int calls = runJson.path("stages").path("templates").path("calls").asInt();
        assertThat(calls).isPositive();
        assertThat(runJson.path("stages").path("templates").path("failures").asInt()).isZero();
        assertThat(connections.get()).isEqualTo(calls);
        assertThat(Files.readAllLines(outside)).hasSize(calls);
    }

    private static String python(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
