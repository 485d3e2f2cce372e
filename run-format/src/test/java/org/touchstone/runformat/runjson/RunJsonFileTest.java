package org.touchstone.runformat.runjson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.touchstone.runformat.RunFormatVersion;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.touchstone.runformat.RunFormatVersion;

/**
 * run.json as the runner wrote it before run.json had records ({@code src/test/resources/runs}: the demo's
 * three runs, paths and machine renamed) reads into the records and writes back byte for byte: the records
 * hold every field, in the file's order, with its number formats.
 */
class RunJsonFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"verification", "identification", "analysis"})
    void aRunJsonWrittenBeforeTheRecordsReadsAndWritesBackByteForByte(String capability) throws IOException {
        byte[] original = resource(capability);
        Path file = Files.write(dir.resolve("run.json"), original);
        RunJsonFile.Read read = RunJsonFile.read(file);
        assertThat(new String(RunJsonFile.bytes(read.run()), StandardCharsets.UTF_8))
                .isEqualTo(new String(original, StandardCharsets.UTF_8));
        assertThat(read.run().format()).isEqualTo(RunFormatVersion.V1);
        assertThat(read.run().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(read.run().evaluation().capability()).isEqualTo(capability);
        assertThat(read.tree().path("system").path("id").asText()).isEqualTo(read.run().system().id());
    }

    @Test
    void theEvaluationHasTheShapeOfItsCapability() throws IOException {
        RunJson verification = read("verification");
        assertThat(verification.evaluation()).isInstanceOfSatisfying(VerificationEvaluation.class, v -> {
            assertThat(v.fmrTargets()).containsExactly(0.1, 0.01, 0.001, 1.0E-4, 1.0E-5, 1.0E-6);
            assertThat(v.thresholds()).extracting(ThresholdEntry::name).containsExactly("high-security", "default");
            assertThat(v.equivalenceMargin()).isNull();
        });
        RunJson identification = read("identification");
        assertThat(identification.evaluation()).isInstanceOfSatisfying(IdentificationEvaluation.class, i -> {
            assertThat(i.candidateListLength()).isEqualTo(20);
            assertThat(i.ranks()).containsExactly(1, 5, 10, 20);
        });
        assertThat(identification.dataset().galleries()).containsExactly("G0000000", "G0000010", "G0000100");
        RunJson analysis = read("analysis");
        assertThat(analysis.evaluation()).isInstanceOfSatisfying(AnalysisEvaluation.class, a -> {
            assertThat(a.attributes()).containsExactly("sex", "age", "smile", "eyeglasses");
            assertThat(a.ageThresholds()).containsExactly(18, 21, 25);
            assertThat(a.intersections()).containsExactly(List.of("sex", "skin_tone"));
        });
        assertThat(analysis.stages().analyses().images()).isEqualTo(800);
        assertThat(analysis.resources().childProcesses().count()).isZero();
    }

    @Test
    void aRunGoesFromRunningToCompleteOrFailedWithItsFieldsInTheFileOrder() throws IOException {
        RunJson complete = read("verification");
        RunJson started = RunJson.started(complete.runId(), complete.harness(), complete.protocol(),
                complete.evaluation(), complete.dataset(), complete.system(), complete.environment(), complete.seeds(),
                complete.started(), List.of());
        String running = new String(RunJsonFile.bytes(started), StandardCharsets.UTF_8);
        assertThat(running).contains("\"status\" : \"running\"").doesNotContain("\"stages\"", "\"finished\"",
                "\"files\"", "\"resumed\"");
        assertThat(running).endsWith("\"started\" : \"" + complete.started() + "\"\n}\n");

        RunJson done = started.withStages(complete.stages(), complete.execution(), complete.resources())
                .completed(complete.finished(), complete.files());
        // The fixture was written by format 1; a run started now is of the current format, and nothing else differs.
        assertThat(new String(RunJsonFile.bytes(done), StandardCharsets.UTF_8)).isEqualTo(new String(
                resource("verification"), StandardCharsets.UTF_8).replace("\"format\" : \"touchstone-run/1\"",
                "\"format\" : \"" + RunFormatVersion.CURRENT.id() + "\""));

        String failed = new String(RunJsonFile.bytes(started.withStages(complete.stages(), complete.execution(),
                complete.resources()).failed("out of memory", "2026-12-06T20:15:00Z")), StandardCharsets.UTF_8);
        assertThat(failed).contains("\"status\" : \"failed\"").doesNotContain("\"files\"");
        assertThat(failed.indexOf("\"resources\"")).isLessThan(failed.indexOf("\"error\" : \"out of memory\""));
        assertThat(failed.indexOf("\"error\"")).isLessThan(failed.indexOf("\"finished\""));
    }

    @Test
    void aResumedRunListsWhenItWasResumed() {
        RunJson resumed = RunJson.started("r", null, null, null, null, null, null, null, "2026-01-01T00:00:00Z",
                List.of("2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z"));
        String text = new String(RunJsonFile.bytes(resumed), StandardCharsets.UTF_8);
        assertThat(text).contains("\"resumed\" : [ \"2026-01-01T01:00:00Z\", \"2026-01-01T02:00:00Z\" ]");
    }

    @Test
    void theFilesBlockHashesEveryFileButRunJsonPartialFilesAndTheCheckpoint() throws IOException {
        Files.writeString(dir.resolve("run.json"), "{}");
        Files.writeString(dir.resolve("templates.csv"), "abc");
        Files.writeString(dir.resolve("comparisons.csv.partial"), "half");
        Files.writeString(Files.createDirectories(dir.resolve("checkpoint")).resolve("templates.log"), "x");
        Files.writeString(Files.createDirectories(dir.resolve("tables")).resolve("det.csv"), "");
        assertThat(RunJsonFile.hashFiles(dir)).containsExactly(
                Map.entry("tables/det.csv", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                Map.entry("templates.csv", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    @Test
    void anExecutionBackendMayOnlyDescribeItselfWithTheDefinedKeys() {
        ExecutionBlock spark = ExecutionBlock.of(2, 1, Map.of("backend", "spark", "spark_master", "local[2]",
                "spark_parallelism", "2", "spark_version", "3.5.9"));
        assertThat(RunJsonFile.tree(spark).toString()).isEqualTo("{\"threads\":2,\"system_instances\":1,"
                + "\"backend\":\"spark\",\"spark_master\":\"local[2]\",\"spark_parallelism\":\"2\","
                + "\"spark_version\":\"3.5.9\"}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExecutionBlock.of(2, 1, Map.of("backend", "ray",
                "ray_cluster", "x"))).hasMessageContaining("[ray_cluster]");
    }

    private RunJson read(String capability) throws IOException {
        Path file = Files.write(dir.resolve(capability + ".json"), resource(capability));
        return RunJsonFile.read(file).run();
    }

    static byte[] resource(String capability) throws IOException {
        try (InputStream in = RunJsonFileTest.class.getResourceAsStream("/runs/" + capability + ".json")) {
            return in.readAllBytes();
        }
    }
}
