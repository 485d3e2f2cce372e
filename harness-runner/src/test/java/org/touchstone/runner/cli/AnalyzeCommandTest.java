package org.touchstone.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.engine.progress.Progress;
import picocli.CommandLine;

class AnalyzeCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path tmp;

    private int touchstone(String... args) {
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** 20 subjects, each compared with every other: genuine N(0.8, 0.1), impostor N(0.3, 0.1). */
    private Path bob4() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        StringBuilder file = new StringBuilder();
        for (int a = 0; a < 20; a++) {
            for (int b = 0; b < 20; b++) {
                double score = (a == b ? 0.8 : 0.3) + 0.1 * random.nextGaussian();
                file.append("s").append(a).append(" s").append(b).append(" img").append(b).append(' ').append(score).append('\n');
            }
        }
        return Files.writeString(tmp.resolve("scores.txt"), file.toString());
    }

    @Test
    void analyzeWritesTheReportOfABobScoreFileWithGroups() throws Exception {
        StringBuilder groups = new StringBuilder("subject_id,sex\n");
        for (int s = 0; s < 20; s++) {
            groups.append('s').append(s).append(',').append(s % 2 == 0 ? "female" : "male").append('\n');
        }
        Path subjects = Files.writeString(tmp.resolve("subjects.csv"), groups.toString());
        Path report = tmp.resolve("report");
        int code = touchstone("analyze", "--scores", bob4().toString(), "--format", "bob4", "--groups",
                subjects.toString(), "--threshold", "default=0.55", "--out", report.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("EER").contains("threshold \"default\" (user) 0.55").contains("sex at");
        assertThat(report.resolve("figures/det.svg")).exists();
        assertThat(report.resolve("tables/groups.csv")).exists();
        JsonNode metrics = new ObjectMapper().readTree(report.resolve("metrics.json").toFile());
        assertThat(metrics.get("comparisons").get("genuine_comparisons").asLong()).isEqualTo(20);
        assertThat(metrics.get("comparisons").get("impostor_comparisons").asLong()).isEqualTo(380);
        assertThat(metrics.get("groups").get(0).get("group_column").asText()).isEqualTo("sex");
        assertThat(metrics.get("bootstrap").get("subjects").asInt()).isEqualTo(20);
    }

    @Test
    void analyzeWritesAReportCardThatCheckGatesOn() throws Exception {
        Path report = tmp.resolve("report");
        assertThat(touchstone("analyze", "--scores", bob4().toString(), "--format", "bob4", "--out", report.toString()))
                .as(err.toString()).isZero();
        assertThat(Files.readString(report.resolve("report.html"))).contains("<section class=\"summary\"");
        JsonNode fnmr = new ObjectMapper().readTree(report.resolve("metrics.json").toFile()).get("fmr_operating_points")
                .get(0);
        assertThat(fnmr.get("fmr_target").asDouble()).isEqualTo(0.1);
        double measured = fnmr.get("fnmr").asDouble();

        out.getBuffer().setLength(0);
        assertThat(touchstone("check", report.toString(), "--require", "fnmr@fmr=1e-1 <= " + measured,
                "--require", "fnmr@fmr=0.1 >= " + measured)).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("PASS fnmr@fmr=1e-1 <= " + measured).contains("2 of 2 requirements met");

        out.getBuffer().setLength(0);
        // 380 impostor comparisons support FMR 1e-2 (300 needed) but not 1e-3 (3,000).
        assertThat(touchstone("check", report.toString(), "--require", "fnmr@fmr=0.1 < " + measured,
                "--require", "fnmr@fmr=1e-3 <= 1")).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(out.toString()).contains("FAIL fnmr@fmr=0.1 < " + measured + ": measured")
                .contains("95% CI").contains("FAIL fnmr@fmr=1e-3 <= 1: unsupported.").contains("0 of 2 requirements met");

        assertThat(touchstone("check", report.toString(), "--require", "fnmr at 1e-3 <= 0.05"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("'fnmr at 1e-3 <= 0.05' is malformed");
    }

    @Test
    void aBadLineIsBadInputNamingFileAndLine() throws Exception {
        Path scores = Files.writeString(tmp.resolve("bad.txt"), "a a x 0.9\na b x nan\n");
        int code = touchstone("analyze", "--scores", scores.toString(), "--format", "bob4", "--out",
                tmp.resolve("r").toString());
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("bad.txt line 2").contains("\"nan\"");
        assertThat(tmp.resolve("r")).doesNotExist();
    }

    @Test
    void unknownFormatsAndMissingFilesAreBadInput() throws Exception {
        assertThat(touchstone("analyze", "--scores", bob4().toString(), "--format", "bob6", "--out",
                tmp.resolve("r").toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("bob6");
        assertThat(touchstone("analyze", "--scores", tmp.resolve("missing.txt").toString(), "--out",
                tmp.resolve("r").toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("missing.txt");
        assertThat(touchstone("analyze", "--scores", bob4().toString(), "--format", "bob4", "--threshold", "x",
                "--out", tmp.resolve("r").toString())).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
