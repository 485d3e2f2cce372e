package org.touchstone.runner.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.SyntheticDatasetWriter;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.reports.card.ReportCard;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.systems.SystemRegistry;

/**
 * Renders each capability's report card in headless Chromium: it must load without a console error and
 * show every figure. A screenshot of each is kept in target/report-cards/. CI installs Debian's chromium
 * and sets {@code TOUCHSTONE_REQUIRE_BROWSER=1}, so there the test fails rather than skips without it.
 */
class ReportCardBrowserTest {
    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

    @TempDir
    static Path data;
    static DatasetManifest manifest;
    static Optional<Path> browser;

    @BeforeAll
    static void setUp() throws Exception {
        browser = CHROMIUM.stream().map(Path::of).filter(Files::isExecutable).findFirst();
        boolean required = "1".equals(System.getenv("TOUCHSTONE_REQUIRE_BROWSER"));
        if (required) {
            assertThat(browser).as("TOUCHSTONE_REQUIRE_BROWSER=1 but no Chromium at " + CHROMIUM).isPresent();
        }
        assumeTrue(browser.isPresent(), "no Chromium installed (apt-get install chromium); CI requires it");
        manifest = ManifestLoader.load(SyntheticDatasetWriter.write(
                SyntheticSpec.parse("synthetic:subjects=40,images=3,seed=21"), data.resolve("dataset")));
    }

    @ParameterizedTest
    @CsvSource({"verification@1.0.0, lbp", "identification@1.0.0, lbp", "attributes@1.0.0, synthetic-attributes"})
    void theReportCardRendersWithEveryFigureAndNoConsoleError(String protocol, String system, @TempDir Path tmp)
            throws Exception {
        Path runDir = tmp.resolve("run");
        new ProtocolRunner(Progress.silent()).run(new RunRequest("browser", ProtocolRepository.builtIn().resolve(protocol),
                manifest, "synthetic", new SystemRegistry(getClass().getClassLoader()).require(system), Optional.empty(),
                runDir, 2));
        String html = Files.readString(runDir.resolve(ReportCard.FILE));
        int figures = count(html, "<img ");
        assertThat(figures).as("figures embedded in the %s card", protocol).isGreaterThanOrEqualTo(2);

        // A copy with a probe script: the card itself runs no script at all.
        String probe = "<script>window.addEventListener('load', () => {"
                + " const broken = [...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).length;"
                + " document.body.setAttribute('data-images', String(document.images.length));"
                + " document.body.setAttribute('data-broken-images', String(broken)); });</script>";
        Path probed = tmp.resolve("probed.html");
        Files.writeString(probed, html.replace("</body>", probe + "</body>"), StandardCharsets.UTF_8);

        Path shots = Path.of("target", "report-cards");
        Files.createDirectories(shots);
        String name = protocol.substring(0, protocol.indexOf('@'));
        Result dom = chromium(tmp, "--dump-dom", probed.toUri().toString());
        Result shot = chromium(tmp, "--screenshot=" + shots.resolve(name + ".png").toAbsolutePath(),
                runDir.resolve(ReportCard.FILE).toUri().toString());

        assertThat(dom.stdout()).contains("data-images=\"" + figures + "\"").contains("data-broken-images=\"0\"");
        for (String log : List.of(dom.stderr(), shot.stderr())) {
            assertThat(log.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught"))).as("console").isEmpty();
        }
        assertThat(shots.resolve(name + ".png")).exists().isNotEmptyFile();
    }

    private record Result(String stdout, String stderr) {
    }

    private static Result chromium(Path tmp, String action, String url) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(browser.orElseThrow().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + tmp.resolve("chromium-profile"), "--window-size=1200,1600",
                "--virtual-time-budget=5000", action, url));
        Process process = new ProcessBuilder(command).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish in 120 s: " + command);
        }
        return new Result(Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
