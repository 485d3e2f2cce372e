package org.touchstone.runner.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.SyntheticDatasetWriter;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.reports.ScoreFileReports;
import org.touchstone.reports.card.ReportCard;
import org.touchstone.reports.input.ScoreFile;
import org.touchstone.reports.site.SitePublisher;
import org.touchstone.reports.summary.RunSummary;
import org.touchstone.runner.boundaries.TestWorkers;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.systems.SystemRegistry;
import org.touchstone.runner.systems.resolve.SystemResolver;

/**
 * The report cards, an analyze card and a published site of three systems (two reference systems and a
 * Python worker process) in headless Chromium at 1280 and 390 px: the first screen shows the headline figure,
 * no element is wider than the viewport, and a hostile system name stays text. Screenshots go to
 * {@value #SHOTS} (CI prints the folder). CI sets {@code TOUCHSTONE_REQUIRE_BROWSER=1}, so there the test
 * fails rather than skips without Chromium.
 */
class FirstScreenBrowserTest {
    static final String SHOTS = "target/screenshots";
    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final int[] WIDTHS = {1280, 390};
    /** Sets data attributes for the test: elements wider than the viewport, and the first screen's text. */
    private static final String PROBE = "<script>window.addEventListener('load', () => {"
            + " const w = document.documentElement.clientWidth;"
            + " const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1);"
            + " document.body.setAttribute('data-too-wide', String(wide.length) + ' ' + wide.slice(0, 3).map(e => e.tagName + '.' + e.className).join(','));"
            + " const seen = [...document.querySelectorAll('p,li,td,h1,h2')].filter(e => e.getBoundingClientRect().top < window.innerHeight)"
            + ".map(e => e.textContent).join(' | ');"
            + " document.body.setAttribute('data-first-screen', seen.replace(/\"/g, '')); });</script>";

    @TempDir
    static Path data;
    static DatasetManifest manifest;
    static Optional<Path> browser;

    @BeforeAll
    static void setUp() throws Exception {
        browser = CHROMIUM.stream().map(Path::of).filter(Files::isExecutable).findFirst();
        if ("1".equals(System.getenv("TOUCHSTONE_REQUIRE_BROWSER"))) {
            assertThat(browser).as("TOUCHSTONE_REQUIRE_BROWSER=1 but no Chromium at " + CHROMIUM).isPresent();
        }
        assumeTrue(browser.isPresent(), "no Chromium installed (apt-get install chromium); CI requires it");
        manifest = ManifestLoader.load(SyntheticDatasetWriter.write(
                SyntheticSpec.parse("synthetic:subjects=40,images=3,seed=21"), data.resolve("dataset")));
        Files.createDirectories(Path.of(SHOTS));
    }

    private static Path run(String protocol, String system, Path runDir) throws Exception {
        new ProtocolRunner(Progress.silent()).run(new RunRequest("browser", ProtocolRepository.builtIn().resolve(protocol),
                manifest, "synthetic", new SystemResolver(new SystemRegistry(FirstScreenBrowserTest.class.getClassLoader()))
                        .resolve(system, Map.of()),
                Optional.empty(), runDir, 2));
        return runDir;
    }

    @Test
    void theDemosCardsAnswerOnTheFirstScreenAndFitBothWidths(@TempDir Path tmp) throws Exception {
        for (String[] demo : new String[][] {{"verification@1.0.0", "lbp"}, {"identification@1.0.0", "lbp"},
            {"attributes@1.0.0", "synthetic-attributes"}}) {
            String name = demo[0].substring(0, demo[0].indexOf('@'));
            Path runDir = run(demo[0], demo[1], tmp.resolve(name));
            String headline = RunSummary.of(new ObjectMapper().readTree(runDir.resolve("metrics.json").toFile()))
                    .first().valueText();
            check(tmp, runDir.resolve(ReportCard.FILE), name, headline);
        }
    }

    @Test
    void anAnalyzeCardAnswersOnTheFirstScreen(@TempDir Path tmp) throws Exception {
        // 30 subjects, 3 genuine and 20 impostor scores each; genuine scores higher on average.
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("enrolment_subject,probe_subject,score\n");
        for (int s = 0; s < 30; s++) {
            for (int k = 0; k < 3; k++) {
                csv.append("s").append(s).append(",s").append(s).append(',').append(0.7 + 0.1 * random.nextGaussian()).append('\n');
            }
            for (int k = 0; k < 20; k++) {
                csv.append("s").append(s).append(",s").append((s + 1 + k) % 30).append(',')
                        .append(0.4 + 0.1 * random.nextGaussian()).append('\n');
            }
        }
        // A hostile file name: it is shown in the title and the provenance, and must stay text.
        Path scores = Files.writeString(tmp.resolve("<b id=hostile>scores&'.csv"), csv);
        Path out = tmp.resolve("analyze");
        ScoreFileReports.generate(new ScoreFileReports.Request(scores, ScoreFile.Format.TOUCHSTONE, null,
                ScoreFileReports.DEFAULT_FMR_TARGETS, List.of(), Double.NaN), out);
        String headline = RunSummary.of(new ObjectMapper().readTree(out.resolve("metrics.json").toFile())).first().valueText();
        check(tmp, out.resolve(ReportCard.FILE), "analyze", headline);
        String dom = chromium(tmp, 1280, "--dump-dom", out.resolve(ReportCard.FILE).toUri().toString());
        assertThat(dom).contains("&lt;b id=hostile&gt;scores&amp;'.csv").doesNotContain("<b id=\"hostile\"");
    }

    @Test
    void aPublishedSiteOfThreeSystemsIsTheSameBytesTwiceAndFitsBothWidths(@TempDir Path tmp) throws Exception {
        Path config = TestWorkers.pythonConfig(tmp, "histogram_system.py", 0, Map.of());
        List<Path> runs = List.of(run("verification@1.0.0", "lbp", tmp.resolve("lbp")),
                run("verification@1.0.0", "lbp-compact", tmp.resolve("lbp-compact")),
                run("verification@1.0.0", "process:" + config, tmp.resolve("python-histogram")));
        Path site = tmp.resolve("site");
        SitePublisher.publish(runs, site, SitePublisher.UNSIGNED);
        Map<String, String> first = digests(site);
        SitePublisher.publish(runs, tmp.resolve("again"), SitePublisher.UNSIGNED);
        assertThat(digests(tmp.resolve("again"))).as("publish twice").isEqualTo(first);
        assertThat(first).containsKey("index.html").containsKey("runs/browser-lbp/report.html".replace("browser-lbp",
                first.keySet().stream().filter(k -> k.startsWith("runs/") && k.endsWith("report.html")).findFirst()
                        .orElseThrow().split("/")[1]));
        String index = Files.readString(site.resolve("index.html"));
        assertThat(index).doesNotContain("<script").contains("FNMR at FMR");
        check(tmp, site.resolve("index.html"), "site-index", "FNMR at FMR");
        Path board = Files.list(site.resolve("boards")).findFirst().orElseThrow().resolve("index.html");
        check(tmp, board, "site-leaderboard", "Leaderboard");
        assertThat(Files.readString(board)).contains("det-overlay.svg").contains("Paired tests")
                .contains("Demographic summary").contains("Signed by");
    }

    private static Map<String, String> digests(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString().replace('\\', '/'), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }

    /** At each width: a screenshot, nothing wider than the viewport, the headline on the first screen. */
    private static void check(Path tmp, Path page, String name, String headline) throws Exception {
        String html = Files.readString(page);
        Path probed = page.resolveSibling("probed-" + page.getFileName());
        Files.writeString(probed, html.replace("</body>", PROBE + "</body>"), StandardCharsets.UTF_8);
        for (int width : WIDTHS) {
            Path shot = Path.of(SHOTS, name + "-" + width + ".png").toAbsolutePath();
            chromium(tmp, width, "--screenshot=" + shot, page.toUri().toString());
            assertThat(shot).exists().isNotEmptyFile();
            String dom = chromium(tmp, width, "--dump-dom", probed.toUri().toString());
            Matcher wide = Pattern.compile("data-too-wide=\"([^\"]*)\"").matcher(dom);
            assertThat(wide.find()).as("probe ran on %s", name).isTrue();
            assertThat(wide.group(1)).as("elements wider than %d px on %s", width, name).startsWith("0 ");
            Matcher seen = Pattern.compile("data-first-screen=\"([^\"]*)\"").matcher(dom);
            assertThat(seen.find()).isTrue();
            assertThat(seen.group(1).replace("&amp;", "&")).as("first screen of %s at %d px", name, width).contains(headline);
        }
        Files.delete(probed);
    }

    private static String chromium(Path tmp, int width, String action, String url) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(browser.orElseThrow().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--v=0",
                "--user-data-dir=" + tmp.resolve("chromium-profile"), "--window-size=" + width + ",900",
                "--virtual-time-budget=5000", action, url));
        Process process = new ProcessBuilder(command).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish in 120 s: " + command);
        }
        return Files.readString(tmp.resolve("out.txt"));
    }
}
