package org.touchstone.runner.cli.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.Capability;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.boundaries.TestWorkers;
import org.touchstone.runner.cli.ExitCodes;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.systems.serve.HttpApiServer;
import org.touchstone.runner.systems.serve.ServeSettings;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.process.ProcessSystemProvider;
import org.touchstone.runner.systems.serve.ServedSystem;
import org.touchstone.runner.testsystems.NonconformingProvider;
import picocli.CommandLine;

/**
 * {@code touchstone validate} on conforming systems (LBP in the JVM; the Python example as worker
 * processes and, through serve, over HTTP, which exercises all three capabilities across both
 * boundaries) and on a system that breaks the contract on purpose. The time limits are set far above
 * any machine's times: speed is not what these tests are about.
 */
class ValidateCommandTest {
    private static final List<String> GENEROUS = List.of("--max-template-ms", "60000", "--max-comparison-us",
            "60000000", "--max-search-ms", "60000", "--max-analysis-ms", "60000");

    @TempDir
    static Path data;

    private final StringWriter out = new StringWriter();

    private int validate(String system, Path report) {
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        List<String> args = new ArrayList<>(List.of("validate", "--system", system, "--report", report.toString(),
                "--data-dir", data.toString(), "--threads", "4"));
        args.addAll(GENEROUS);
        return cli.execute(args.toArray(String[]::new));
    }

    private static JsonNode read(Path report) throws Exception {
        return new ObjectMapper().readTree(report.toFile());
    }

    /** @return the ids of the checks with this verdict */
    private static Set<String> withVerdict(JsonNode report, String verdict, boolean requiredOnly) {
        Set<String> ids = new TreeSet<>();
        for (JsonNode c : report.path("checks")) {
            if (c.path("verdict").asText().equals(verdict) && (!requiredOnly || c.path("required").asBoolean())) {
                ids.add(c.path("id").asText());
            }
        }
        return ids;
    }

    @Test
    void theReferenceSystemPassesEveryRequiredCheck(@TempDir Path tmp) throws Exception {
        Path report = tmp.resolve("lbp.json");
        assertThat(validate("lbp", report)).as(out.toString()).isEqualTo(ExitCodes.OK);
        JsonNode json = read(report);
        assertThat(json.path("format").asText()).isEqualTo("touchstone-validation/1");
        assertThat(json.path("verdict").asText()).isEqualTo("pass");
        assertThat(withVerdict(json, "fail", false)).isEmpty();
        assertThat(withVerdict(json, "pass", true)).contains("descriptor.complete", "verification.templates.deterministic",
                "verification.scores.deterministic", "verification.concurrency", "verification.scores.range",
                "verification.multi-image", "verification.bad-input.empty", "verification.bad-input.corrupt",
                "verification.bad-input.truncated", "verification.bad-input.huge", "verification.bad-input.faceless",
                "verification.bad-template", "timing.template", "timing.comparison");
        // The LBP system offers 1:N too (exact cosine search): its identification checks run and pass.
        assertThat(withVerdict(json, "skip", false)).containsExactly("analysis");
        assertThat(withVerdict(json, "pass", true)).anyMatch(check -> check.startsWith("identification."));
        assertThat(out.toString()).contains("PASS  verification.concurrency").contains("Verdict: PASS");
    }

    @Test
    void thePythonExamplePassesAsWorkerProcesses(@TempDir Path tmp) throws Exception {
        Path config = TestWorkers.pythonConfig(tmp, "histogram_system.py", 0, Map.of());
        Path report = tmp.resolve("py.json");
        assertThat(validate("process:" + config, report)).as(out.toString()).isEqualTo(ExitCodes.OK);
        JsonNode json = read(report);
        assertThat(withVerdict(json, "fail", false)).isEmpty();
        assertThat(withVerdict(json, "skip", false)).isEmpty();
        assertThat(withVerdict(json, "pass", true)).contains("identification.candidates",
                "identification.concurrency", "analysis.deterministic", "analysis.bad-input.faceless");
    }

    @Test
    void thePythonExamplePassesOverHttpBehindServe(@TempDir Path tmp) throws Exception {
        Path config = TestWorkers.pythonConfig(tmp, "histogram_system.py", 2, Map.of());
        try (OpenedSystem opened = OpenedSystem.open(ProcessSystemProvider.load(config, Map.of()), Optional.empty(),
                Capability.VERIFICATION, "serve", 4);
             ServedSystem served = ServedSystem.of(opened);
             HttpApiServer server = HttpApiServer.start(served, ServeSettings.loopback().withBounds(8, 64L << 20))) {
            Path report = tmp.resolve("http.json");
            assertThat(validate(server.uri().toString(), report)).as(out.toString()).isEqualTo(ExitCodes.OK);
            JsonNode json = read(report);
            assertThat(withVerdict(json, "fail", false)).isEmpty();
            assertThat(withVerdict(json, "skip", false)).isEmpty();
            assertThat(json.path("artifact").path("location").asText()).isEqualTo(server.uri().toString());
        }
    }

    @Test
    void aNonconformingSystemFailsExactlyTheChecksItBreaks(@TempDir Path tmp) throws Exception {
        Path report = tmp.resolve("broken.json");
        assertThat(validate(NonconformingProvider.ID, report)).as(out.toString()).isEqualTo(ExitCodes.VALIDATION_FAILED);
        JsonNode json = read(report);
        assertThat(json.path("verdict").asText()).isEqualTo("fail");
        assertThat(withVerdict(json, "fail", true)).containsExactly(
                "identification.candidates", "identification.templates.deterministic", "verification.bad-input.empty",
                "verification.concurrency", "verification.scores.range", "verification.templates.deterministic");
        // Also true of it, and only worth a warning: it takes any decodable image and any template of two bytes
        // or more, and all its non-mated scores but those of S00002 are 0.2.
        assertThat(withVerdict(json, "warn", false)).containsExactly("identification.bad-probe",
                "verification.bad-input.faceless", "verification.bad-template", "verification.scores.varied");
        assertThat(out.toString()).contains("FAIL  verification.bad-input.empty")
                .contains("an empty file: UNCAUGHT_EXCEPTION: createTemplate threw java.lang.IllegalStateException")
                .contains("Verdict: FAIL (").contains("6 required failed");
    }
}
