package org.touchstone.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.engine.progress.Progress;
import picocli.CommandLine;

/** {@code touchstone dataset import} and {@code dataset fixture}, as the docs use them. */
class DatasetImportCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int touchstone(String... args) {
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsEveryKindWithItsFolder() {
        assertThat(touchstone("dataset", "import", "--help")).isZero();
        assertThat(out.toString()).contains("lfw: the folder holding pairs.txt").contains("cfp:").contains("agedb:")
                .contains("calfw:").contains("cplfw:").contains("rfw:").contains("insightface-bin:")
                .contains("--with images=");
    }

    @Test
    void anUnknownKindIsBadInputListingTheKinds(@TempDir Path tmp) {
        assertThat(touchstone("dataset", "import", "lfv", tmp.toString(), "--out", tmp.resolve("d").toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("unknown dataset kind 'lfv'; the kinds are: agedb, calfw, celeba, cfp,"
                + " cplfw, fairface, ijbb, ijbc, insightface-bin, lfw, megaface, rfw, utkface");
    }

    @Test
    void aFixtureImportsAndRunsAndAMalformedFileIsBadInputWithItsLine(@TempDir Path tmp) throws Exception {
        Path fixture = tmp.resolve("lfw-fixture");
        assertThat(touchstone("dataset", "fixture", "lfw", "--out", fixture.toString())).isZero();
        assertThat(touchstone("dataset", "import", "lfw", fixture.toString(), "--out", tmp.resolve("d").toString()))
                .isZero();
        assertThat(out.toString()).contains("Imported lfw: 80 images of 40 subjects, 1 missing")
                .contains("fold 10: 3 genuine, 3 impostor").contains("David_Beckham/David_Beckham_0002.jpg");
        assertThat(touchstone("run", "--protocol", "lfw-view2@1.0.0", "--system", "lbp", "--dataset",
                tmp.resolve("d").toString(), "--out", tmp.resolve("run").toString())).isZero();
        assertThat(out.toString()).contains("10-fold accuracy (LFW procedure): ")
                .contains("images missing from the dataset: 1");
        assertThat(tmp.resolve("run/report.html")).content().contains("10-fold verification accuracy")
                .contains("tables/kfold-folds.csv");

        Path pairs = fixture.resolve("pairs.txt");
        List<String> lines = Files.readAllLines(pairs);
        lines.set(5, "Bono 1");
        Files.write(pairs, lines);
        assertThat(touchstone("dataset", "import", "lfw", fixture.toString(), "--out", tmp.resolve("e").toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("pairs.txt:6: expected a matched pair").contains("found 2 fields");
        assertThat(tmp.resolve("e/manifest.csv")).doesNotExist();
    }
}
