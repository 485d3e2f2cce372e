package org.touchstone.runner.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.engine.progress.Progress;
import picocli.CommandLine;

/**
 * The demo's three run directories are, byte for byte, what a recorded version of Touchstone wrote, but
 * for what measures time or the machine. It guards restructurings: moving code must not move a byte of any
 * run directory. A deliberate change of the run format or of the reports changes the recorded digests in
 * the same commit, and its message says why.
 *
 * <p>How: {@code demo} runs on its default data; then every raw file is normalised ({@link RunNormaliser}:
 * latencies, times, the machine and paths set to fixed values), {@code report} regenerates every computed
 * file from the normalised raw files (run.json's {@code files} block is dropped), and the SHA-256 of each file is compared with
 * {@value #GOLDEN}. Figures and the report card (which embeds them) are drawn with the machine's fonts, so
 * they are compared only on a machine whose font set matches the recorded one.
 *
 * <p>To record new digests: {@code mvn -pl harness-runner -am verify -Dtest=GoldenRunTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtouchstone.golden=record} (writes
 * {@code harness-runner/src/test/resources/golden/}). On a mismatch the normalised run directories are left
 * in {@code harness-runner/target/golden-actual/} for a diff against a run of the recorded version.
 */
class GoldenRunTest {
    private static final String GOLDEN = "golden/demo.sha256";
    private static final Path SOURCE_GOLDEN = Path.of("src/test/resources").resolve(GOLDEN);
    private static final Path ACTUAL = Path.of("target/golden-actual");

    @TempDir
    static Path tmp;
    static Path demo;

    @BeforeAll
    static void runDemoAndNormalise() throws Exception {
        demo = tmp.resolve("demo");
        StringWriter err = new StringWriter();
        assertThat(touchstone(new StringWriter(), err, "demo", "--out", demo.toString(), "--data-dir", tmp.resolve("data").toString()))
                .as(err.toString()).isZero();
        for (String run : new String[] {"verification", "identification", "attributes"}) {
            RunNormaliser.normalise(demo.resolve(run));
            // report regenerates, then finds the normalised files differ from the hashes run.json recorded (exit 1).
            StringWriter out = new StringWriter();
            int code = touchstone(out, err, "report", demo.resolve(run).toString());
            assertThat(out.toString()).as(err.toString()).contains("Regenerated");
            assertThat(code).as(err.toString()).isNotEqualTo(2);
        }
    }

    private static int touchstone(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"verification", "identification", "attributes"})
    void everyFileOfTheRunIsWhatTheRecordedVersionWrote(String run) throws Exception {
        assumeThat(System.getProperty("touchstone.golden")).as("recording, not comparing").isNotEqualTo("record");
        GoldenDigests golden = GoldenDigests.read(getClass().getClassLoader().getResourceAsStream(GOLDEN));
        GoldenDigests actual = GoldenDigests.of(demo, run);
        boolean sameFonts = golden.fonts().equals(actual.fonts());
        Map<String, String> expected = golden.files(run, sameFonts);
        Map<String, String> got = actual.files(run, sameFonts);
        if (!got.equals(expected)) {
            RunNormaliser.copy(demo.resolve(run), ACTUAL.resolve(run));
        }
        assertThat(got).as("normalised files of the demo's %s run (fonts %s the recorded ones; normalised copy"
                + " in %s)", run, sameFonts ? "match" : "differ from", ACTUAL.resolve(run).toAbsolutePath())
                .containsExactlyInAnyOrderEntriesOf(expected);
    }

    /**
     * The SHA-256 of the demo's normalised {@code comparisons.csv} as run format 1 wrote it (recorded before
     * format 2): {@code export --csv} of the format-2 run must give back exactly those bytes.
     */
    private static final String FORMAT_1_COMPARISONS_CSV = "737ec219768d126e00746e4e6dd9e0db67a009b61c12e4cbabe769486033bff6";

    @Test
    void exportWritesExactlyTheComparisonsCsvOfFormat1() throws Exception {
        Path csv = tmp.resolve("exported-comparisons.csv");
        StringWriter err = new StringWriter();
        assertThat(touchstone(new StringWriter(), err, "export", demo.resolve("verification").toString(), "--csv",
                "--out", csv.toString())).as(err.toString()).isZero();
        assertThat(org.touchstone.runformat.io.Sha256.hex(csv)).isEqualTo(FORMAT_1_COMPARISONS_CSV);
    }

    @Test
    void recordWhenAsked() throws Exception {
        assumeThat(System.getProperty("touchstone.golden")).isEqualTo("record");
        GoldenDigests all = GoldenDigests.of(demo, "verification", "identification", "attributes");
        Files.createDirectories(SOURCE_GOLDEN.getParent());
        Files.writeString(SOURCE_GOLDEN, all.text(), StandardCharsets.UTF_8);
        assertThat(GoldenDigests.read(Files.newInputStream(SOURCE_GOLDEN)).files("verification", true))
                .containsKeys("templates.csv", "comparisons.arrows", "metrics.json", "report.html");
    }
}
