package org.touchstone.runner.systems.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FailureCode;
import org.touchstone.api.ImageFormat;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;
import org.touchstone.runner.boundaries.TestWorkers;
import org.touchstone.runner.systems.RunSystemContext;
import org.touchstone.runner.systems.SystemFault;
import org.touchstone.runner.systems.wire.WireJson;
import org.touchstone.runner.systems.wire.FramingException;
import org.touchstone.runner.systems.wire.FrameCodec;
import org.touchstone.runner.systems.wire.Frame;

/** The worker protocol's framing, the pool's last resort, and the Python client's own tests. */
class WorkerProtocolTest {
    private static ObjectNode header(String op) {
        ObjectNode h = WireJson.object();
        h.put("op", op);
        return h;
    }

    @Test
    void framesCarryBinaryBlobsExactly() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameCodec.write(out, new Frame(header("compare"), List.of(all, new byte[0], "TSWP".getBytes(StandardCharsets.US_ASCII))));
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        Frame read = FrameCodec.read(in);
        assertThat(read.header().path("op").asText()).isEqualTo("compare");
        assertThat(read.header().has("blobs")).isFalse();
        assertThat(read.blobs()).hasSize(3);
        assertThat(read.blob(0)).isEqualTo(all);
        assertThat(read.blob(1)).isEmpty();
        assertThatThrownBy(() -> FrameCodec.read(in)).isInstanceOf(EOFException.class);
    }

    @Test
    void somethingElseOnTheStreamIsQuotedAndATruncatedFrameIsToldApart() throws Exception {
        assertThatThrownBy(() -> FrameCodec.read(new ByteArrayInputStream("Loading model...\n".getBytes(
                StandardCharsets.US_ASCII)))).isInstanceOfSatisfying(FramingException.class, e -> {
                    assertThat(e.truncated()).isFalse();
                    assertThat(e.getMessage()).contains("\"Loading model...\\x0a\"");
                });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameCodec.write(out, new Frame(header("x"), List.of(new byte[100])));
        byte[] cut = Arrays.copyOf(out.toByteArray(), out.size() - 10);
        assertThatThrownBy(() -> FrameCodec.read(new ByteArrayInputStream(cut)))
                .isInstanceOfSatisfying(FramingException.class, e -> assertThat(e.truncated()).isTrue());
        byte[] lying = out.toByteArray().clone();
        lying[4] = 0x7f;
        assertThatThrownBy(() -> FrameCodec.read(new ByteArrayInputStream(lying)))
                .isInstanceOfSatisfying(FramingException.class, e -> assertThat(e.getMessage()).contains("header length"));
    }

    /**
     * A worker that answers its handshakes, dies on its first call, and can never start again: every call
     * is recorded as SYSTEM_CRASHED, and after three failed starts in a row the pool stops trying.
     */
    @Test
    void aWorkerThatCannotBeRestartedIsGivenUpOnAfterThreeTries(@TempDir Path tmp) throws Exception {
        Path marker = tmp.resolve("crashed-once");
        Path script = tmp.resolve("fragile.py");
        Files.writeString(script, String.join("\n",
                "import os, sys",
                "import touchstone_worker as tw",
                "MARKER = " + pythonString(marker.toString()),
                "if os.path.exists(MARKER):",
                "    sys.stderr.write('refusing to start again\\n')",
                "    sys.exit(1)",
                "class Fragile(tw.System):",
                "    def descriptor(self):",
                "        return {'id': 'fragile', 'vendor': 't', 'name': 'Fragile', 'version': '1',",
                "                'capabilities': ['verification'], 'score_range': {'min': 0, 'max': 1}}",
                "    def create_template(self, images, role):",
                "        open(MARKER, 'w').close()",
                "        os._exit(7)",
                "tw.run(Fragile())", ""));
        Path config = tmp.resolve("fragile.json");
        Files.writeString(config, "{\"command\": [" + pythonString(TestWorkers.python()) + ", "
                + pythonString(script.toString()) + "], \"workers\": 1, \"environment\": {\"PYTHONPATH\": "
                + pythonString(TestWorkers.pythonClient().toString()) + ", \"PYTHONDONTWRITEBYTECODE\": \"1\"}}");
        ProcessSystemProvider provider = ProcessSystemProvider.load(config, Map.of());
        Path logs = tmp.resolve("logs");
        try (FaceSystem system = provider.open(new RunSystemContext(Optional.empty(), tmp, 1, Optional.of(logs)))) {
            Verifier v = system.verifier().orElseThrow();
            FaceImage image = new FaceImage("a", ImageFormat.PNG, new byte[] {1});
            for (int call = 1; call <= 4; call++) {
                assertThatThrownBy(() -> v.createTemplate(List.of(image), TemplateRole.VERIFICATION_ENROLMENT))
                        .isInstanceOfSatisfying(SystemFault.class,
                                f -> assertThat(f.code()).isEqualTo(FailureCode.SYSTEM_CRASHED))
                        .hasMessageContaining(call == 1 ? "exited with status 7" : call < 4 ? "could not be started"
                                : "gave up on the system's workers after 3 failed starts in a row");
            }
        }
        assertThat(Files.readString(logs.resolve("worker-1.stderr"))).contains("refusing to start again")
                .contains("replaced after SYSTEM_CRASHED");
    }

    /**
     * A gallery lives in worker memory; after its worker crashes, the next search rebuilds it in the new
     * worker from the spooled entries and replays the insertions and removals made since.
     */
    @Test
    void aGalleryIsRebuiltWithItsChangesAfterItsWorkerCrashed(@TempDir Path tmp) throws Exception {
        Path script = tmp.resolve("exact.py");
        Files.writeString(script, String.join("\n",
                "import os",
                "import touchstone_worker as tw",
                "class Exact(tw.Gallery):",
                "    def __init__(self, entries):",
                "        self.entries = dict(entries)",
                "    def search(self, probe, k):",
                "        if probe == b'crash':",
                "            os._exit(9)",
                "        found = sorted(((1.0 if t == probe else 0.0), i) for i, t in self.entries.items())",
                "        return [(i, s) for s, i in sorted(found, key=lambda c: (-c[0], c[1]))][:k]",
                "    def size(self):",
                "        return len(self.entries)",
                "    def insert(self, template_id, template):",
                "        self.entries[template_id] = template",
                "    def remove(self, template_id):",
                "        if template_id not in self.entries:",
                "            raise tw.Failure('VENDOR_ERROR', template_id + ' is not enrolled')",
                "        del self.entries[template_id]",
                "class System(tw.System):",
                "    def descriptor(self):",
                "        return {'id': 'exact', 'vendor': 't', 'name': 'Exact', 'version': '1',",
                "                'capabilities': ['identification'], 'score_range': {'min': 0, 'max': 1}}",
                "    def finalize_enrolment(self, entries, work_dir):",
                "        return Exact(entries)",
                "tw.run(System())", ""));
        Path config = tmp.resolve("exact.json");
        Files.writeString(config, "{\"command\": [" + pythonString(TestWorkers.python()) + ", "
                + pythonString(script.toString()) + "], \"workers\": 1, \"environment\": {\"PYTHONPATH\": "
                + pythonString(TestWorkers.pythonClient().toString()) + ", \"PYTHONDONTWRITEBYTECODE\": \"1\"}}");
        try (FaceSystem system = ProcessSystemProvider.load(config, Map.of())
                .open(new RunSystemContext(Optional.empty(), tmp, 1))) {
            var gallery = system.identifier().orElseThrow().finalizeEnrolment(List.of(
                    entry("A", "a"), entry("B", "b")), Files.createDirectories(tmp.resolve("g"))).value();
            assertThat(gallery.insert(entry("C", "c")).isSuccess()).isTrue();
            assertThat(gallery.remove("A").isSuccess()).isTrue();
            assertThat(gallery.remove("A").failure()).hasValueSatisfying(
                    f -> assertThat(f.code()).isEqualTo(FailureCode.VENDOR_ERROR));
            assertThat(gallery.size()).isEqualTo(2);
            assertThatThrownBy(() -> gallery.search(template("crash"), 5)).isInstanceOfSatisfying(SystemFault.class,
                    f -> assertThat(f.code()).isEqualTo(FailureCode.SYSTEM_CRASHED));
            var found = gallery.search(template("c"), 5).value();
            assertThat(found).extracting(org.touchstone.api.Candidate::templateId).containsExactly("C", "B");
            assertThat(found.get(0).score()).isEqualTo(1.0);
            gallery.close();
        }
    }

    private static org.touchstone.api.Template template(String text) {
        return org.touchstone.api.Template.of(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static org.touchstone.api.GalleryEntry entry(String id, String text) {
        return new org.touchstone.api.GalleryEntry(id, template(text));
    }

    private static String pythonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The Python client's own unit tests, so that CI runs them with the rest. */
    @Test
    void thePythonClientsOwnTestsPass() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(TestWorkers.python(), "-m", "unittest", "discover", "-s",
                TestWorkers.pythonClient().resolve("tests").toString()).redirectErrorStream(true);
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("OK");
    }
}
