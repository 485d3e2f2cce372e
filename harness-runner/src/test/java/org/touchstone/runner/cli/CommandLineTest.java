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
import org.touchstone.runner.testsystems.AnalysisOnlyProvider;
import picocli.CommandLine;

class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int touchstone(String... args) {
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void systemsListsTheReferenceSystemWithItsThresholds() {
        assertThat(touchstone("systems")).isZero();
        assertThat(out.toString()).contains("lbp").contains("capabilities: verification")
                .contains("threshold default").contains("similarity in [0.0, 1.0]");
        assertThat(err.toString()).contains("not offered").contains("test-future-api");
    }

    @Test
    void protocolsListsAndShowsTheBuiltInVerificationProtocol() {
        assertThat(touchstone("protocols")).isZero();
        assertThat(out.toString()).contains("verification@1.0.0").contains("sha256");
        out.getBuffer().setLength(0);
        assertThat(touchstone("protocols", "--show", "verification@1.0.0")).isZero();
        assertThat(out.toString()).contains("id: verification").contains("version: 1.0.0");
    }

    @Test
    void anUnknownProtocolVersionIsBadInputListingWhatExists(@TempDir Path tmp) {
        int code = touchstone("run", "--protocol", "verification@9.9.9", "--system", "lbp",
                "--dataset", "synthetic:subjects=10,images=2,seed=1", "--data-dir", tmp.toString());
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("verification@9.9.9").contains("verification@1.0.0");
    }

    @Test
    void aThreadCountBelowOneIsAUsageError() {
        assertThat(touchstone("demo", "--threads", "0")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--threads must be at least 1, was 0");
    }

    @Test
    void anUnknownSystemIsBadInputListingWhatExists(@TempDir Path tmp) {
        int code = touchstone("run", "--protocol", "verification@1.0.0", "--system", "acme",
                "--dataset", "synthetic:subjects=10,images=2,seed=1", "--data-dir", tmp.toString());
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("no system with id 'acme'").contains("lbp");
    }

    @Test
    void anUnknownBackendOrOptionIsBadInputBeforeAnyWork(@TempDir Path tmp) {
        String[] run = {"run", "--protocol", "verification@1.0.0", "--system", "lbp",
                "--dataset", "synthetic:subjects=10,images=2,seed=1", "--data-dir", tmp.resolve("data").toString(),
                "--out", tmp.resolve("run").toString()};
        assertThat(touchstone(concat(run, "--backend", "spark"))).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("no execution backend 'spark'").contains("embedded")
                .contains("harness-spark");
        assertThat(touchstone(concat(run, "--master", "local[2]"))).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("backend 'embedded' takes no option master");
        assertThat(tmp.resolve("data")).doesNotExist();
        assertThat(tmp.resolve("run")).doesNotExist();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void verificationOfAnAnalysisOnlySystemIsRefusedBeforeAnyWork(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        int code = touchstone("run", "--protocol", "verification@1.0.0", "--system", AnalysisOnlyProvider.ID,
                "--dataset", "synthetic:subjects=10,images=2,seed=1", "--data-dir", tmp.resolve("data").toString(),
                "--out", out.toString());
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("needs capability VERIFICATION").contains("offers only [ANALYSIS]");
        assertThat(tmp.resolve("data")).doesNotExist();
        assertThat(out).doesNotExist();
    }

    @Test
    void aBrokenManifestIsBadInputNamingFileAndLine(@TempDir Path tmp) throws Exception {
        Path manifest = tmp.resolve("manifest.csv");
        Files.writeString(manifest, "sample_id,subject_id,path,sha256\na,p1,missing.png," + "0".repeat(64) + "\n");
        int code = touchstone("run", "--protocol", "verification@1.0.0", "--system", "lbp",
                "--dataset", manifest.toString(), "--out", tmp.resolve("run").toString());
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("manifest.csv:2").contains("missing.png");
        assertThat(tmp.resolve("run")).doesNotExist();
    }

    @Test
    void demoRunsTheReferenceSystemAndSeparatesGenuineFromImpostors(@TempDir Path tmp) throws Exception {
        int code = touchstone("demo", "--subjects", "30", "--images", "3", "--out", tmp.resolve("demo").toString(),
                "--data-dir", tmp.resolve("data").toString(), "--only", "verification");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Run complete").contains("comparisons/s").contains("EER");
        Path run = tmp.resolve("demo/verification");
        assertThat(run.resolve("run.json")).exists();
        assertThat(run.resolve("figures/det.png")).exists();
        assertThat(run.resolve("figures/det.svg")).exists();
        var metrics = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        double eer = metrics.path("equal_error_rate").path("interpolated").path("eer").asDouble(Double.NaN);
        assertThat(eer).as("EER of LBP on the synthetic demo data").isBetween(0.0, 0.35);
    }
}
