package org.touchstone.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.engine.progress.Progress;
import picocli.CommandLine;

/** IJB 1:N through the command line as docs/benchmarks.md shows it, and a protocol naming a list the dataset lacks. */
class IjbOneToNCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int touchstone(String... args) {
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void theFixtureRunsBothGalleriesAndAnUndeclaredListIsBadInput(@TempDir Path tmp) throws Exception {
        Path fixture = tmp.resolve("ijbc-fixture");
        assertThat(touchstone("dataset", "fixture", "ijbc", "--out", fixture.toString())).isZero();
        assertThat(touchstone("dataset", "import", "ijbc", fixture.toString(), "--out", tmp.resolve("d").toString()))
                .isZero();
        assertThat(touchstone("run", "--protocol", "ijbc-1ton@1.0.0", "--system", "lbp", "--dataset",
                tmp.resolve("d").toString(), "--out", tmp.resolve("run").toString())).isZero();
        JsonNode metrics = new ObjectMapper().readTree(tmp.resolve("run/metrics.json").toFile());
        assertThat(metrics.path("galleries").findValuesAsText("gallery_id")).containsExactly("G1", "G2");
        assertThat(metrics.path("gallery_average").path("galleries")).hasSize(2);
        // 24 probes, each mated in exactly one gallery: 12 mated and 12 non-mated searches per gallery.
        for (JsonNode gallery : metrics.path("galleries")) {
            assertThat(gallery.path("searches").path("mated_searches").asLong()).isEqualTo(12);
            assertThat(gallery.path("searches").path("non_mated_searches").asLong()).isEqualTo(12);
        }

        String released = new String(ProtocolRepository.builtIn().resolve("ijbc-1ton@1.0.0").bytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Path edited = tmp.resolve("ijbc-1ton-g3.yaml");
        Files.writeString(edited, released.replace("id: ijbc-1ton", "id: ijbc-1ton-g3")
                .replace("ijbc-gallery-G2]", "ijbc-gallery-G3]"));
        assertThat(touchstone("run", "--protocol", edited.toString(), "--system", "lbp", "--dataset",
                tmp.resolve("d").toString(), "--out", tmp.resolve("run-g3").toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("ijbc-gallery-G3");
        assertThat(tmp.resolve("run-g3/metrics.json")).doesNotExist();
    }
}
