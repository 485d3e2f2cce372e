package org.touchstone.runner.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.boundaries.TestWorkers;
import org.touchstone.runner.engine.progress.Progress;
import picocli.CommandLine;

/**
 * Issue class "docs a vendor could not follow": identification could not be written in Python from the
 * docs. docs/python-client.md now documents every callback, and its identification example runs here as
 * the document shows it: its candidate lists must be exactly those of py-histogram's own gallery, a second
 * implementation of the same exhaustive search over the same templates.
 */
class PythonIdentificationExampleTest {
    private static int run(Path tmp, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        assertThat(code).as(String.join(" ", args) + "\n" + err).isZero();
        return code;
    }

    @Test
    void theReferenceGivesEveryCallbackWithTheSignatureTheClientCalls() throws Exception {
        String reference = Files.readString(TestWorkers.repositoryRoot().resolve("docs/python-client.md"));
        String client = Files.readString(TestWorkers.pythonClient().resolve("touchstone_worker/system.py"));
        Matcher def = Pattern.compile("(?m)^    def ([a-z]\\w*)\\(([^)]*)\\):").matcher(client);
        int callbacks = 0;
        while (def.find()) {
            callbacks++;
            assertThat(reference).as("docs/python-client.md documents %s", def.group(1))
                    .contains("`" + def.group(1) + "(" + def.group(2) + ")`");
        }
        // System's eight callbacks and Gallery's five.
        assertThat(callbacks).isEqualTo(13);
    }

    @Test
    void theDocumentedIdentificationExampleRunsAndRanksAsAnIndependentGallery(@TempDir Path tmp) throws Exception {
        TestWorkers.python();
        Path data = tmp.resolve("data");
        run(tmp, "dataset", "generate", "synthetic:subjects=12,images=3,seed=7", "--out", data.toString());
        Path example = TestWorkers.pythonClient().resolve("examples/identification.process.json");
        run(tmp, "run", "--protocol", "identification@1.0.0", "--dataset", data.resolve("manifest.csv").toString(),
                "--system", "process:" + example, "--threads", "2", "--out", tmp.resolve("index").toString());
        Path histogram = TestWorkers.pythonConfig(tmp.resolve("configs"), "histogram_system.py", 0, Map.of());
        run(tmp, "run", "--protocol", "identification@1.0.0", "--dataset", data.resolve("manifest.csv").toString(),
                "--system", "process:" + histogram, "--threads", "2", "--out", tmp.resolve("histogram").toString());

        List<String> index = Files.readAllLines(tmp.resolve("index/candidates.csv"));
        List<String> exhaustive = Files.readAllLines(tmp.resolve("histogram/candidates.csv"));
        assertThat(index).hasSizeGreaterThan(100).isEqualTo(exhaustive);
        // Every search was answered: the searches file names no failure.
        assertThat(Files.readString(tmp.resolve("index/searches.csv"))).doesNotContain("_ERROR")
                .doesNotContain("NOT_IMPLEMENTED");
        assertThat(Files.readString(tmp.resolve("index/run.json"))).contains("py-histogram-index");
    }
}
