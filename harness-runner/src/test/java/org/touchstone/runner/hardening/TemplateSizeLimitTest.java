package org.touchstone.runner.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.FailureCode;
import org.touchstone.runformat.columns.TemplatesCsv;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.cli.ExitCodes;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.testsystems.LargeTemplateProvider;
import picocli.CommandLine;

/**
 * Issue class "a 50 MB template is accepted without a word": a run has a template size limit (1 MiB unless
 * {@code --max-template-bytes} says otherwise), records it in run.json, and records a template over it as the
 * system's failure {@code TEMPLATE_TOO_LARGE}; {@code validate} checks the same limit.
 */
class TemplateSizeLimitTest {
    private static final List<String> GENEROUS = List.of("--max-template-ms", "60000", "--max-comparison-us",
            "60000000", "--max-search-ms", "60000", "--max-analysis-ms", "60000");

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

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').build()
                    .parse(in).getRecords();
        }
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void aTemplateOverTheLimitIsTheSystemsNamedFailureAndTheRunRecordsTheLimit() throws IOException {
        assertThat(touchstone("dataset", "generate", "synthetic:subjects=10,images=2,seed=7", "--out",
                tmp.resolve("data").toString())).as(err.toString()).isZero();
        String manifest = tmp.resolve("data/manifest.csv").toString();
        Path limited = tmp.resolve("limited");

        int code = touchstone("run", "--protocol", "verification@1.0.0", "--system", LargeTemplateProvider.ID,
                "--dataset", manifest, "--out", limited.toString());

        // Every template is 1,500,000 bytes, over 1 MiB: none kept, so no comparison could be made.
        assertThat(code).isEqualTo(ExitCodes.RUN_FAILED);
        List<CSVRecord> rows = csv(limited.resolve(TemplatesCsv.FILE));
        assertThat(rows).hasSize(40);
        for (CSVRecord row : rows) {
            assertThat(row.get("failure_code")).isEqualTo(FailureCode.TEMPLATE_TOO_LARGE.name());
            assertThat(row.get("message")).contains(LargeTemplateProvider.TEMPLATE_BYTES + " bytes")
                    .contains("the limit is " + (1 << 20) + " bytes");
            assertThat(row.get("size_bytes")).isEmpty();
        }
        assertThat(json(limited.resolve("run.json")).path("execution").path("max_template_bytes").asLong())
                .isEqualTo(1 << 20);

        // Raised above the templates' size, the same run keeps them, and run.json says so.
        Path raised = tmp.resolve("raised");
        code = touchstone("run", "--protocol", "verification@1.0.0", "--system", LargeTemplateProvider.ID,
                "--dataset", manifest, "--out", raised.toString(), "--max-template-bytes", "2000000");
        assertThat(code).as(err.toString()).isZero();
        for (CSVRecord row : csv(raised.resolve(TemplatesCsv.FILE))) {
            assertThat(row.get("status")).isEqualTo("ok");
            assertThat(row.get("size_bytes")).isEqualTo(String.valueOf(LargeTemplateProvider.TEMPLATE_BYTES));
        }
        JsonNode execution = json(raised.resolve("run.json")).path("execution");
        assertThat(execution.path("max_template_bytes").asLong()).isEqualTo(2_000_000);
        assertThat(execution.path("max_image_pixels").asLong()).isEqualTo(50_000_000);

        err.getBuffer().setLength(0);
        assertThat(touchstone("run", "--protocol", "verification@1.0.0", "--system", LargeTemplateProvider.ID,
                "--dataset", manifest, "--out", tmp.resolve("zero").toString(), "--max-template-bytes", "0"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--max-template-bytes must be at least 1, was 0");
    }

    @Test
    void validateChecksTheSameLimit() throws IOException {
        Path report = tmp.resolve("report.json");
        List<String> args = new java.util.ArrayList<>(List.of("validate", "--system", LargeTemplateProvider.ID,
                "--report", report.toString(), "--data-dir", tmp.resolve("data").toString(), "--threads", "2"));
        args.addAll(GENEROUS);

        touchstone(args.toArray(String[]::new));

        JsonNode check = check(json(report), "verification.template-size");
        assertThat(check.path("verdict").asText()).isEqualTo("fail");
        assertThat(check.path("detail").asText()).contains("over the limit of 1048576 bytes")
                .contains(LargeTemplateProvider.TEMPLATE_BYTES + " bytes");
        assertThat(json(report).path("max_template_bytes").asLong()).isEqualTo(1 << 20);

        args.addAll(List.of("--max-template-bytes", "2000000"));
        touchstone(args.toArray(String[]::new));
        check = check(json(report), "verification.template-size");
        assertThat(check.path("verdict").asText()).isEqualTo("pass");
        assertThat(check.path("measurements").path("largest_template_bytes").asLong())
                .isEqualTo(LargeTemplateProvider.TEMPLATE_BYTES);
    }

    private static JsonNode check(JsonNode report, String id) {
        for (JsonNode c : report.path("checks")) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id + " in " + report);
    }
}
