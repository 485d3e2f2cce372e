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

/** The IJB and attribute datasets' paths of docs/benchmarks.md, through the command line as the docs show them. */
class TemplateAndAttributeImportCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int touchstone(String... args) {
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsTheKindsOfIssue14() {
        assertThat(touchstone("dataset", "import", "--help")).isZero();
        assertThat(out.toString()).contains("ijbc: insightface's IJB_release").contains("ijbb:").contains("megaface:")
                .contains("fairface:").contains("utkface:").contains("celeba:").contains("--with partition=")
                .contains("--with megaface-images=");
    }

    @Test
    void ijbcFixtureImportsAndRunsItsOneToOneProtocolAndABrokenMetaFileIsBadInput(@TempDir Path tmp) throws Exception {
        Path fixture = tmp.resolve("ijbc-fixture");
        assertThat(touchstone("dataset", "fixture", "ijbc", "--out", fixture.toString())).isZero();
        assertThat(touchstone("dataset", "import", "ijbc", fixture.toString(), "--out", tmp.resolve("d").toString()))
                .isZero();
        assertThat(out.toString()).contains("Imported ijbc: 108 images of 12 subjects, 1 missing")
                .contains("288 pairs: 24 genuine, 264 impostor; 12 enrolment templates").contains("loose_crop/6.jpg");
        assertThat(touchstone("run", "--protocol", "ijbc-1to1@1.0.0", "--system", "lbp", "--dataset",
                tmp.resolve("d").toString(), "--out", tmp.resolve("run").toString())).isZero();
        assertThat(Files.readAllLines(org.touchstone.runner.boundaries.RunFiles.comparisonsCsv(tmp.resolve("run")))).hasSize(1 + 288);

        Path pairs = fixture.resolve("IJB_release/IJBC/meta/ijbc_template_pair_label.txt");
        Files.writeString(pairs, Files.readString(pairs).replaceFirst("\n1 15 0\n", "\n1 15\n"));
        assertThat(touchstone("dataset", "import", "ijbc", fixture.toString(), "--out", tmp.resolve("e").toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("ijbc_template_pair_label.txt:3: expected 3 fields (tid1 tid2 label)");
        assertThat(tmp.resolve("e/manifest.csv")).doesNotExist();
    }

    @Test
    void utkfaceFixtureImportsAndRunsItsAttributeProtocol(@TempDir Path tmp) throws Exception {
        Path fixture = tmp.resolve("utkface-fixture");
        assertThat(touchstone("dataset", "fixture", "utkface", "--out", fixture.toString())).isZero();
        assertThat(touchstone("dataset", "import", "utkface", fixture.toString(), "--out",
                tmp.resolve("d").toString())).isZero();
        assertThat(out.toString()).contains("Imported utkface: 16 images of 16 subjects, 0 missing")
                .contains("race field missing: kept with race unknown (a known malformed name)");
        assertThat(touchstone("run", "--protocol", "utkface-attributes@1.0.0", "--system", "synthetic-attributes",
                "--dataset", tmp.resolve("d").toString(), "--out", tmp.resolve("run").toString())).isZero();
        assertThat(tmp.resolve("run/metrics.json")).content().contains("\"mean_absolute_error\"");
    }
}
