package org.touchstone.runner.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.dataset.SyntheticDatasetWriter;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.boundaries.RunFiles;
import org.touchstone.runner.cli.ExitCodes;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runformat.io.Sha256;
import org.touchstone.runner.testsystems.SlowHashProvider;
import picocli.CommandLine;

/**
 * "The same command again" after a {@code kill -9}: the real command line runs in a child JVM and is
 * killed in the middle of template creation, then in the middle of the comparisons, then runs to the
 * end; its files match those of an uninterrupted run, {@code metrics.json} byte for byte.
 *
 * <p>The data: 30 subjects x 3 images (one image per template, the third of each subject has no face):
 * 90 templates, 180 template calls (60 fail), 4,005 pairs. The comparison stage is cut into units of
 * 150 pairs, so there are checkpoints to resume from.
 */
class ResumeTest {
    private static final String PAIRS_PER_UNIT = "-Dtouchstone.pairs-per-unit=150";

    @TempDir
    static Path data;
    static Path manifest;

    @BeforeAll
    static void dataset() throws Exception {
        manifest = SyntheticDatasetWriter.write(SyntheticSpec.parse("synthetic:subjects=30,images=3,seed=11"),
                data.resolve("dataset"));
    }

    private static List<String> runArguments(Path out) {
        return List.of("run", "--protocol", "verification@1.0.0", "--system", SlowHashProvider.ID,
                "--dataset", manifest.toString(), "--out", out.toString(), "--run-id", "resume-test", "--threads", "2");
    }

    private static int inThisJvm(List<String> arguments, StringWriter out) {
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(arguments.toArray(String[]::new));
    }

    private static Process child(List<String> arguments, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", PAIRS_PER_UNIT, "-Djava.awt.headless=true",
                // The score store's Arrow reads direct buffers' addresses (the runner's jar opens this itself).
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Touchstone.class.getName()));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the condition holds on the run directory, then kills the child with SIGKILL. */
    private static void killWhen(Process child, Predicate<Path> condition, Path runDir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.test(runDir)) {
            assertThat(child.isAlive()).as("the run ended before the moment to kill it").isTrue();
            assertThat(System.nanoTime()).as("waited two minutes for the moment to kill").isLessThan(deadline);
            Thread.sleep(10);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);
    }

    private static double stageSeconds(List<CSVRecord> timing, String stage) {
        return timing.stream().filter(r -> r.get("record").equals("stage") && r.get("name").equals(stage))
                .mapToDouble(r -> Double.parseDouble(r.get("seconds"))).findFirst().orElseThrow();
    }

    /** Whether the stage's clock has noted a time: the kill then falls after the clock's first note. */
    private static boolean noted(Path runDir, String stage) {
        return size(runDir.resolve("checkpoint/" + stage + ".seconds.log")) > 8;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    @Test
    void aRunKilledTwiceEndsWithTheFilesOfAnUninterruptedRun(@TempDir Path tmp) throws Exception {
        Path reference = tmp.resolve("reference");
        StringWriter referenceOut = new StringWriter();
        assertThat(inThisJvm(runArguments(reference), referenceOut)).as(referenceOut.toString()).isZero();

        Path runDir = tmp.resolve("killed");
        // Kill 1: about a third of the way through template creation.
        killWhen(child(runArguments(runDir), tmp.resolve("child-1.log")),
                dir -> size(dir.resolve("checkpoint/templates.log")) > 2_000 && noted(dir, "templates"), runDir);
        double templatesBeforeKill1 = StageClock.notedSeconds(runDir.resolve("checkpoint/templates.seconds.log"));
        JsonNode interrupted = new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
        assertThat(interrupted.path("status").asText()).isEqualTo("running");
        assertThat(runDir.resolve("templates.csv")).doesNotExist();

        // Kill 2: after several comparison units are committed (the score store has grown past 4 KB, about
        // 600 of its 4,005 comparisons).
        killWhen(child(runArguments(runDir), tmp.resolve("child-2.log")),
                dir -> size(dir.resolve("comparisons.arrows.partial")) > 4_000 && noted(dir, "comparisons"), runDir);
        double templatesBeforeKill2 = StageClock.notedSeconds(runDir.resolve("checkpoint/templates.seconds.log"));
        double comparisonsBeforeKill2 = StageClock.notedSeconds(
                runDir.resolve("checkpoint/comparisons.seconds.log"));
        assertThat(templatesBeforeKill1).isPositive();
        assertThat(templatesBeforeKill2).isGreaterThan(templatesBeforeKill1);
        assertThat(comparisonsBeforeKill2).isPositive();
        assertThat(runDir.resolve("comparisons.arrows")).doesNotExist();
        assertThat(Files.readString(tmp.resolve("child-2.log"))).contains("Resuming run resume-test");

        // The same command again, to the end.
        Process last = child(runArguments(runDir), tmp.resolve("child-3.log"));
        assertThat(last.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as(Files.readString(tmp.resolve("child-3.log"))).isZero();

        assertThat(RunFiles.metricsWithoutTiming(runDir.resolve("metrics.json")))
                .isEqualTo(RunFiles.metricsWithoutTiming(reference.resolve("metrics.json")));
        // The timings are those of the last process alone: every template was made before it started, and
        // it made only the comparisons left.
        List<CSVRecord> timing = RunFiles.records(runDir.resolve("timing.csv"));
        long compared = RunFiles.records(RunFiles.comparisonsCsv(runDir)).stream()
                .filter(c -> !c.get("latency_ns").isEmpty()).count();
        assertThat(timing).noneMatch(r -> r.get("name").equals("create_template"));
        assertThat(timing).filteredOn(r -> r.get("record").equals("latency") && r.get("name").equals("comparison"))
                .singleElement().satisfies(r -> assertThat(Long.parseLong(r.get("count"))).isPositive()
                        .isLessThan(compared));
        for (String file : List.of("templates.csv", "comparisons.csv")) {
            assertThat(RunFiles.withoutTiming(runDir.resolve(file))).as(file)
                    .isEqualTo(RunFiles.withoutTiming(reference.resolve(file)));
        }
        assertThat(RunFiles.records(RunFiles.comparisonsCsv(runDir))).hasSize(4005);
        assertThat(RunFiles.records(runDir.resolve("templates.csv")))
                .filteredOn(r -> r.get("status").equals("failed")).hasSize(60);

        JsonNode json = new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
        assertThat(json.path("status").asText()).isEqualTo("complete");
        assertThat(json.path("run_id").asText()).isEqualTo("resume-test");
        assertThat(json.path("resumed")).hasSize(2);
        assertThat(json.path("started").asText()).isEqualTo(interrupted.path("started").asText());
        // Stage times add up the attempts: each is at least what the interrupted attempts had spent in it,
        // and the rate is the comparisons over that time (not over the last attempt's).
        // timing.csv's stage rows are the last attempt's alone.
        JsonNode stages = json.path("stages");
        assertThat(stages.path("templates").path("seconds").asDouble())
                .isCloseTo(templatesBeforeKill2 + stageSeconds(timing, "templates"), within(1e-6));
        JsonNode comparisons = stages.path("comparisons");
        assertThat(comparisons.path("seconds").asDouble())
                .isCloseTo(comparisonsBeforeKill2 + stageSeconds(timing, "comparisons"), within(1e-6));
        assertThat(comparisons.path("comparisons_per_second").asDouble()).isCloseTo(
                comparisons.path("compared").asDouble() / comparisons.path("seconds").asDouble(), within(1e-6));
        for (var file : json.path("files").properties()) {
            assertThat(Sha256.hex(runDir.resolve(file.getKey()))).as(file.getKey())
                    .isEqualTo(file.getValue().asText());
        }
        try (Stream<Path> files = Files.walk(runDir)) {
            assertThat(files.map(p -> runDir.relativize(p).toString().replace(File.separatorChar, '/')))
                    .noneMatch(p -> p.endsWith(".partial") || p.startsWith("checkpoint"));
        }

        // Once more: complete, so nothing is done and nothing changes.
        byte[] before = Files.readAllBytes(runDir.resolve("run.json"));
        StringWriter again = new StringWriter();
        assertThat(inThisJvm(runArguments(runDir), again)).isEqualTo(ExitCodes.OK);
        assertThat(again.toString()).contains("already holds this run (run id resume-test), complete");
        assertThat(Files.readAllBytes(runDir.resolve("run.json"))).isEqualTo(before);
    }

    @Test
    void aDirectoryHoldingAnotherRunIsRefusedWithTheReason(@TempDir Path tmp) throws Exception {
        Path runDir = tmp.resolve("run");
        List<String> oracle = new ArrayList<>(runArguments(runDir));
        oracle.set(oracle.indexOf(SlowHashProvider.ID), "test-subject-oracle");
        assertThat(inThisJvm(oracle, new StringWriter())).isZero();
        byte[] before = Files.readAllBytes(runDir.resolve("run.json"));

        StringWriter out = new StringWriter();
        assertThat(inThisJvm(runArguments(runDir), out)).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(out.toString()).contains("holds a different run (complete)")
                .contains("system id: the run directory has 'test-subject-oracle', this run has '"
                        + SlowHashProvider.ID + "'");
        assertThat(Files.readAllBytes(runDir.resolve("run.json"))).isEqualTo(before);
    }
}
