package org.touchstone.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.engine.progress.Progress;
import picocli.CommandLine;

/** NIST's IJB layout through the command line as docs/benchmarks.md shows it, and its options' bad values. */
class NistIjbCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int touchstone(String... args) {
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void theDocumentedCommandsRunAndBadValuesAreBadInput(@TempDir Path tmp) throws Exception {
        Path fixture = tmp.resolve("ijbc-nist-fixture");
        assertThat(touchstone("dataset", "fixture", "ijbc", "--layout", "nist", "--out", fixture.toString())).isZero();
        assertThat(touchstone("dataset", "import", "ijbc", fixture.toString(), "--out", tmp.resolve("d").toString()))
                .isZero();
        assertThat(out.toString()).contains("84 faces: 81 cropped, 3 failures to acquire {bad box=2, frame missing=1}")
                .contains("288 pairs: 24 genuine, 264 impostor");
        assertThat(touchstone("run", "--protocol", "ijbc-1to1@1.0.0", "--system", "lbp", "--dataset",
                tmp.resolve("d").toString(), "--out", tmp.resolve("run").toString())).isZero();
        JsonNode point = new ObjectMapper().readTree(tmp.resolve("run/metrics.json").toFile())
                .path("fmr_operating_points").get(0);
        assertThat(point.path("genuine_comparisons").asLong()).isEqualTo(24);
        assertThat(point.path("impostor_comparisons").asLong()).isEqualTo(264);

        assertThat(touchstone("dataset", "fixture", "ijbc", "--layout", "flat", "--out", tmp.resolve("f").toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("kind ijbc has no fixture layout 'flat'; its layouts are [insightface, nist]");
        assertThat(touchstone("dataset", "import", "ijbc", fixture.toString(), "--out", tmp.resolve("e").toString(),
                "--with", "nist-1to1=test9")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("option nist-1to1: expected test1, test2, files or auto, found 'test9'");
        assertThat(touchstone("dataset", "import", "ijbc", fixture.toString(), "--out", tmp.resolve("e").toString(),
                "--with", "margin=wide")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("option margin: expected a number such as 0.2, found 'wide'");
    }
}
