package org.touchstone.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.engine.progress.Progress;
import picocli.CommandLine;

/** MegaFace Challenge 1's path of docs/benchmarks.md through the command line, with a real (LBP) system. */
class MegafaceCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int touchstone(String... args) {
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void fixtureImportsAndRunsMegafaceChallengeOne(@TempDir Path tmp) throws Exception {
        Path fixture = tmp.resolve("megaface-fixture");
        assertThat(touchstone("dataset", "fixture", "megaface", "--out", fixture.toString())).isZero();
        assertThat(touchstone("dataset", "import", "megaface", fixture.toString(), "--out",
                tmp.resolve("megaface-data").toString())).isZero();
        assertThat(touchstone("run", "--protocol", "megaface-c1@1.0.0", "--system", "lbp", "--dataset",
                tmp.resolve("megaface-data").toString(), "--out", tmp.resolve("run").toString()))
                .as(err.toString()).isZero();
        // 2 distractor galleries (10, 100) and 6 identity galleries; 18 probes in each distractor gallery, 3 in each
        // identity's own.
        assertThat(Files.readAllLines(tmp.resolve("run/galleries.csv"))).hasSize(1 + 2 + 6);
        assertThat(Files.readAllLines(tmp.resolve("run/searches.csv"))).hasSize(1 + 2 * 18 + 6 * 3);
        assertThat(out.toString()).contains("MegaFace Challenge 1: 6 identities, 36 genuine pairs; rank-1 at 100"
                + " distractors");
        assertThat(tmp.resolve("run/tables/rank-vs-distractors.csv")).exists();
        assertThat(tmp.resolve("run/figures/rank-vs-distractors.svg")).exists();
        assertThat(touchstone("verify", tmp.resolve("run").toString())).as(out + "\n" + err).isZero();
    }
}
