package org.touchstone.runner.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.ProtocolLoader;
import org.touchstone.runformat.io.Sha256;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.cli.ExitCodes;
import org.touchstone.runner.engine.progress.Progress;
import picocli.CommandLine;

/**
 * Issue class "written or read where it should not be": every file the command line writes or deletes stays
 * inside the folder it was given, never through a symbolic link, and dataset images, pair lists and the
 * files a run.json names are read only inside their folders, links included.
 */
class ContainmentTest {
    @TempDir
    static Path shared;
    private static Path demoRun;
    private static Path dataset;

    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void runTheDemoOnce() {
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        StringWriter log = new StringWriter();
        cli.setOut(new PrintWriter(log, true));
        cli.setErr(new PrintWriter(log, true));
        int code = cli.execute("demo", "--subjects", "10", "--images", "2", "--out", shared.resolve("demo").toString(),
                "--data-dir", shared.resolve("data").toString(), "--only", "verification");
        assertThat(code).as(log.toString()).isZero();
        demoRun = shared.resolve("demo/verification");
        dataset = shared.resolve("data");
    }

    private int touchstone(String... args) {
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path copyOfTheRun() throws IOException {
        Path copy = tmp.resolve("run");
        try (Stream<Path> walk = Files.walk(demoRun)) {
            for (Path p : walk.toList()) {
                Path target = copy.resolve(demoRun.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void reportRefusesAFiguresFolderThatIsALinkAndTouchesNothingBehindIt() throws IOException {
        Path run = copyOfTheRun();
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("det.svg"), "the user's own drawing");
        Files.writeString(elsewhere.resolve("holiday.png"), "a photo");
        try (Stream<Path> figures = Files.list(run.resolve("figures"))) {
            for (Path f : figures.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(run.resolve("figures"));
        Files.createSymbolicLink(run.resolve("figures"), elsewhere);
        byte[] metricsBefore = Files.readAllBytes(run.resolve("metrics.json"));

        int code = touchstone("report", run.toString());

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("figures is a symbolic link").doesNotContain("Exception");
        assertThat(listing(elsewhere)).containsExactly("det.svg", "holiday.png");
        assertThat(elsewhere.resolve("det.svg")).hasContent("the user's own drawing");
        assertThat(run.resolve("metrics.json")).hasBinaryContent(metricsBefore);
    }

    private Path scoreFile() throws IOException {
        StringBuilder scores = new StringBuilder("enrolment_subject,probe_subject,score\n");
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                scores.append('s').append(a).append(",s").append(b).append(',').append(a == b ? 0.9 : 0.1 + 0.01 * b)
                        .append('\n');
            }
        }
        return Files.writeString(tmp.resolve("scores.csv"), scores.toString());
    }

    @Test
    void analyzeRefusesAFolderHoldingTheUsersFiles() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(folder.resolve("metrics.json"), "{\"mine\": true}");
        Files.writeString(folder.resolve("report.html"), "<p>mine</p>");

        int code = touchstone("analyze", "--scores", scoreFile().toString(), "--out", folder.toString());

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("not a score file's report").contains("choose a new or empty folder");
        assertThat(listing(folder)).containsExactly("metrics.json", "report.html");
        assertThat(folder.resolve("metrics.json")).hasContent("{\"mine\": true}");
    }

    @Test
    void analyzeRefusesARunDirectoryAndLeavesItVerifiable() throws IOException {
        Path run = copyOfTheRun();
        int code = touchstone("analyze", "--scores", scoreFile().toString(), "--out", run.toString());
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("is a run directory");
        assertThat(touchstone("verify", run.toString())).as(err.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void analyzeMayReplaceItsOwnReportButNotOneWithAnExtraFile() throws IOException {
        Path folder = tmp.resolve("report");
        assertThat(touchstone("analyze", "--scores", scoreFile().toString(), "--out", folder.toString()))
                .as(err.toString()).isZero();
        assertThat(touchstone("analyze", "--scores", scoreFile().toString(), "--out", folder.toString()))
                .as(err.toString()).isZero();
        Files.writeString(folder.resolve("tables/notes.txt"), "mine");
        assertThat(touchstone("analyze", "--scores", scoreFile().toString(), "--out", folder.toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("tables/notes.txt");
        assertThat(folder.resolve("tables/notes.txt")).hasContent("mine");
    }

    @Test
    void aManifestImageLinkedOutsideTheDatasetIsRefusedNamingItsLine() throws IOException {
        Path data = tmp.resolve("data");
        copyTree(dataset, data);
        Path manifest = manifestIn(data);
        List<String> lines = Files.readAllLines(manifest);
        int firstRow = headerLine(lines) + 1;
        String firstPath = lines.get(firstRow).split(",")[2];
        Path image = manifest.getParent().resolve(firstPath);
        Path outside = Files.copy(image, tmp.resolve("outside.png"));
        Files.delete(image);
        Files.createSymbolicLink(image, outside);

        int code = touchstone("dataset", "check", manifest.toString());

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("manifest.csv:" + (firstRow + 1)).contains(firstPath).contains("outside");
        // A link that stays inside the dataset is fine.
        Files.delete(image);
        Path moved = Files.move(outside, manifest.getParent().resolve("moved.png"));
        Files.createSymbolicLink(image, moved);
        assertThat(touchstone("dataset", "check", manifest.toString())).as(err.toString()).isZero();
    }

    @Test
    void aPairListOutsideTheProtocolsFolderIsRefused() throws IOException, ProtocolException {
        Path protocolDir = Files.createDirectories(tmp.resolve("protocols"));
        Path outsideDir = Files.createDirectories(tmp.resolve("outside"));
        byte[] pairs = "enrolment_samples,probe_samples\ns1,s2\n".getBytes(StandardCharsets.UTF_8);
        Files.write(outsideDir.resolve("pairs.csv"), pairs);
        Files.write(protocolDir.resolve("inside.csv"), pairs);
        Files.createSymbolicLink(protocolDir.resolve("linked.csv"), outsideDir.resolve("pairs.csv"));
        // The same protocol with the list inside its folder loads: only the list's place is refused below.
        assertThat(ProtocolLoader.parse("p.yaml", pairListProtocol("inside.csv", Sha256.hex(pairs)), protocolDir)
                .verification().orElseThrow().pairList()).isPresent();
        for (String pairList : List.of("../outside/pairs.csv", "linked.csv")) {
            byte[] yaml = pairListProtocol(pairList, Sha256.hex(pairs));
            assertThatThrownBy(() -> ProtocolLoader.parse("p.yaml", yaml, protocolDir)).as(pairList)
                    .isInstanceOf(ProtocolException.class)
                    .satisfies(e -> assertThat(e.getMessage()).contains("verification.pair_list").contains(pairList)
                            .containsAnyOf("leaves", "outside"));
        }
    }

    /** The built-in verification protocol with its design changed to a pair list. */
    private static byte[] pairListProtocol(String pairList, String sha256) throws IOException {
        String builtIn;
        try (var in = ProtocolLoader.class.getResourceAsStream("/touchstone/protocols/verification-1.0.0.yaml")) {
            builtIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String design = "  design: all-vs-all\n  pair_list: null\n  images_per_template: 1\n";
        assertThat(builtIn).contains(design);
        return builtIn.replace(design, "  design: pair-list\n  pair_list: " + pairList + "\n  pair_list_sha256: "
                + sha256 + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void verifyReadsNoFileOutsideTheRunDirectoryThatRunJsonNames() throws IOException {
        Path run = copyOfTheRun();
        ObjectMapper json = new ObjectMapper();
        ObjectNode runJson = (ObjectNode) json.readTree(run.resolve("run.json").toFile());
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "not the run's");
        ((ObjectNode) runJson.get("files")).put("../secret.txt", Sha256.hex(secret));
        json.writeValue(run.resolve("run.json").toFile(), runJson);

        int code = touchstone("verify", run.toString());

        assertThat(code).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(err.toString() + out).contains("../secret.txt: not read, outside the run directory");
    }

    @Test
    void verifyNamesALinkedFileInsteadOfFollowingIt() throws IOException {
        Path run = copyOfTheRun();
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "not the run's");
        Files.createSymbolicLink(run.resolve("extra.csv"), secret);
        assertThat(touchstone("verify", run.toString())).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(err.toString() + out).contains("extra.csv: a symbolic link");
    }

    @Test
    void idsASpreadsheetWouldRunAsFormulasAreWrittenAsTextAndReadBackExactly() throws IOException {
        Path data = tmp.resolve("data");
        copyTree(dataset, data);
        Path manifest = manifestIn(data);
        List<String> lines = Files.readAllLines(manifest);
        int header = headerLine(lines);
        StringBuilder rewritten = new StringBuilder();
        lines.subList(0, header + 1).forEach(line -> rewritten.append(line).append('\n'));
        for (String line : lines.subList(header + 1, lines.size())) {
            // Subject ids become formulas, sample ids become @-references; the rest of each row is kept.
            String[] cells = line.split(",", -1);
            cells[0] = "@" + cells[0];
            cells[1] = "=" + cells[1];
            rewritten.append(String.join(",", cells)).append('\n');
        }
        Files.writeString(manifest, rewritten.toString());
        Path run = tmp.resolve("formula-run");

        int code = touchstone("run", "--protocol", "verification@1.0.0", "--system", "lbp", "--dataset",
                manifest.toString(), "--out", run.toString());

        assertThat(code).as(err.toString()).isZero();
        List<String> templates = Files.readAllLines(run.resolve("templates.csv"));
        assertThat(templates.subList(1, templates.size())).allSatisfy(row -> assertThat(row)
                .matches("T\\d+,verification_\\w+,'=[^,]+,'@[^,]+,ok,.*"));
        // Read back as the dataset gave them: the same subjects, hence the same genuine and impostor pairs.
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(run.resolve("metrics.json").toFile()).path("comparisons"))
                .isEqualTo(json.readTree(demoRun.resolve("metrics.json").toFile()).path("comparisons"));
        assertThat(touchstone("verify", run.toString())).as(err.toString()).isZero();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** The manifest's header row follows its format and comment lines. */
    private static int headerLine(List<String> lines) {
        int i = 0;
        while (lines.get(i).startsWith("#")) {
            i++;
        }
        assertThat(lines.get(i)).startsWith("sample_id,subject_id,path,");
        return i;
    }

    private static Path manifestIn(Path data) throws IOException {
        try (Stream<Path> walk = Files.walk(data)) {
            return walk.filter(p -> p.getFileName().toString().equals("manifest.csv")).findFirst().orElseThrow();
        }
    }
}
