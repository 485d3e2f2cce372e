package org.touchstone.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.touchstone.reports.input.RunDirectoryException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Reading what a report wrote, for the end-to-end tests of every capability. */
final class ReportFiles {
    private ReportFiles() {
    }

    /** The rows of a table, by header name. */
    static List<CSVRecord> csv(Path runDir, String file) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(runDir.resolve(file)))).getRecords();
    }

    /** Every file below a directory, by relative path. */
    static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(dir.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return contents;
    }

    /** Asserts that figures/NAME.svg is SVG and figures/NAME.png an 800 x 600 image. */
    static void assertValidFigure(Path runDir, String name) throws Exception {
        Path svg = runDir.resolve("figures/" + name + ".svg");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // The SVG DOCTYPE points at w3.org: do not fetch it.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(new InputSource(Files.newBufferedReader(svg)));
        assertThat(document.getDocumentElement().getTagName()).as(name).isEqualTo("svg");
        BufferedImage png = ImageIO.read(runDir.resolve("figures/" + name + ".png").toFile());
        assertThat(png).as(name).isNotNull();
        assertThat(png.getWidth()).isEqualTo(800);
        assertThat(png.getHeight()).isEqualTo(600);
    }

    /** Asserts that a second report, here and in a copy of the inputs elsewhere, has the same bytes. */
    static void assertRegeneratesIdentically(Path runDir, Path elsewhere) throws IOException {
        Map<String, byte[]> first = contents(runDir);
        RunReports.generate(elsewhere);
        RunReports.generate(runDir);
        Map<String, byte[]> second = contents(runDir);
        Map<String, byte[]> third = contents(elsewhere);
        assertThat(second.keySet()).isEqualTo(first.keySet());
        assertThat(third.keySet()).isEqualTo(first.keySet());
        for (String file : first.keySet()) {
            assertThat(second.get(file)).as(file).isEqualTo(first.get(file));
            assertThat(third.get(file)).as(file).isEqualTo(first.get(file));
        }
        assertThat(first.keySet()).noneMatch(name -> name.endsWith(".tmp"));
    }

    /** Writes raw files into a run directory: file name, content, file name, content, ... */
    static Path writeFiles(Path runDir, String... namesAndContents) throws IOException {
        Files.createDirectories(runDir);
        for (int i = 0; i < namesAndContents.length; i += 2) {
            Files.writeString(runDir.resolve(namesAndContents[i]), namesAndContents[i + 1], StandardCharsets.UTF_8);
        }
        return runDir;
    }

    /** Generates a report that must fail on its input, and checks that nothing was written. */
    static RunDirectoryException failure(Path runDir) {
        RunDirectoryException e = catchThrowableOfType(RunDirectoryException.class, () -> RunReports.generate(runDir));
        assertThat(e).as("expected a RunDirectoryException").isNotNull();
        assertThat(runDir.resolve("metrics.json")).doesNotExist();
        assertThat(runDir.resolve("tables")).doesNotExist();
        return e;
    }

    /** The text with one part replaced, which must be there. */
    static String replace(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }
}
