package org.touchstone.runner.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.ProtocolLoader;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.cli.ExitCodes;
import org.touchstone.runner.engine.progress.Progress;
import picocli.CommandLine;

/**
 * Issue class "unclear": each of these once ended in a library's text (a chart library's stack trace, a
 * bare path) or pointed at the wrong line; each now says what is wrong with what the user gave.
 */
class ClearErrorsTest {
    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int touchstone(String... args) {
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aGroupsFileNamingNoSubjectOfTheScoresIsNoChartLibraryError() throws IOException {
        Path scores = Files.writeString(tmp.resolve("s.csv"),
                "enrolment_subject,probe_subject,score\na,a,0.9\na,b,0.1\nb,b,0.8\nb,a,0.2\n");
        Path groups = Files.writeString(tmp.resolve("g.csv"), "subject_id,sex\nzzz,female\n");

        int code = touchstone("analyze", "--scores", scores.toString(), "--groups", groups.toString(), "--out",
                tmp.resolve("out").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).doesNotContain("X-Axis").doesNotContain("Exception");
        assertThat(tmp.resolve("out/metrics.json")).exists();
        assertThat(tmp.resolve("out/figures/cross-group-fmr.svg")).doesNotExist();
    }

    @Test
    void aFolderThatIsNotARunIsNamedAsSuch() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("holiday-photos"));
        Files.writeString(folder.resolve("a.txt"), "x");
        assertThat(touchstone("report", folder.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(folder + " is not a run directory (every run directory holds run.json");
        err.getBuffer().setLength(0);
        assertThat(touchstone("verify", folder.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("is not a run directory");
        err.getBuffer().setLength(0);
        assertThat(touchstone("verify", tmp.resolve("no-such-folder").toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("there is no folder " + tmp.resolve("no-such-folder"));
    }

    @Test
    void aNestedUnknownProtocolFieldIsReportedAtItsOwnLine() throws IOException {
        String builtIn;
        try (var in = ProtocolLoader.class.getResourceAsStream("/touchstone/protocols/verification-1.0.0.yaml")) {
            builtIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String anchor = "  failure_policy: non-match\n";
        assertThat(builtIn).contains(anchor);
        String yaml = builtIn.replace(anchor, anchor + "  fmr_target: 0.01\n");
        int line = (int) builtIn.substring(0, builtIn.indexOf(anchor) + anchor.length()).lines().count() + 1;
        assertThatThrownBy(() -> ProtocolLoader.parse("p.yaml", yaml.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("p.yaml:" + line + ":3: verification.fmr_target: unknown field");
    }
}
