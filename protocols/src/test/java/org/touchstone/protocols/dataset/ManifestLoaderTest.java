package org.touchstone.protocols.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.runformat.io.Sha256;

class ManifestLoaderTest {
    private static final String HEADER = "sample_id,subject_id,path,sha256";

    @TempDir
    Path root;
    private Path manifest;
    /** SHA-256 of images/a.png, images/b.png, images/c.png. */
    private String hashA;
    private String hashB;
    private String hashC;

    @BeforeEach
    void writeImages() throws IOException {
        manifest = root.resolve("manifest.csv");
        hashA = image("images/a.png", "first image");
        hashB = image("images/b.png", "second image");
        hashC = image("images/c.png", "third image");
    }

    private String image(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        return Sha256.hex(bytes);
    }

    private List<ManifestProblem> problemsOf(String... lines) throws IOException {
        Files.writeString(manifest, String.join("\n", lines) + "\n");
        return catchThrowableOfType(ManifestException.class, () -> ManifestLoader.load(manifest)).problems();
    }

    /** Asserts that the manifest made of {@code lines} has exactly one problem, rendered as {@code expected}. */
    private void assertOnlyProblem(String expected, String... lines) throws IOException {
        assertThat(problemsOf(lines)).extracting(ManifestProblem::toString)
                .containsExactly(manifest.toAbsolutePath() + ":" + expected);
    }

    @Test
    void roundTripsWhatTheWriterWrote() throws Exception {
        List<Sample> samples = List.of(
                new Sample("s1", "p2", "images/a.png", hashA, Map.of("sex", "female", "age", "34"),
                        Map.of("skin_tone", "darker", "site", "Paris, \"north\"")),
                new Sample("s2", "p1", "images/b.png", hashB, Map.of("smile", "true"), Map.of()),
                new Sample("s3", "p2", "images/c.png", hashC, Map.of(), Map.of("skin_tone", "lighter")));

        ManifestWriter.write(manifest, List.of("generator: test seed=7", " indented"), samples);
        DatasetManifest loaded = ManifestLoader.load(manifest);

        assertThat(Files.readAllLines(manifest)).startsWith(
                "# touchstone-manifest 1", "# generator: test seed=7", "#  indented",
                HEADER + ",label:age,label:sex,label:smile,group:site,group:skin_tone");
        assertThat(loaded.samples()).isEqualTo(samples);
        assertThat(loaded.comments()).containsExactly("generator: test seed=7", " indented");
        assertThat(loaded.labelColumns()).containsExactly("age", "sex", "smile");
        assertThat(loaded.groupColumns()).containsExactly("site", "skin_tone");
        assertThat(loaded.samplesBySubject().keySet()).containsExactly("p2", "p1");
        assertThat(loaded.samplesBySubject().get("p2")).extracting(Sample::sampleId).containsExactly("s1", "s3");
        assertThat(loaded.subjectCount()).isEqualTo(2);
        assertThat(loaded.sample("s2")).contains(samples.get(1));
        assertThat(loaded.sample("s9")).isEmpty();
        assertThat(loaded.resolve(samples.get(1))).isEqualTo(root.resolve("images/b.png").toAbsolutePath());
        assertThat(loaded.file()).isEqualTo(manifest.toAbsolutePath());
        assertThat(loaded.root()).isEqualTo(root.toAbsolutePath());
        assertThat(loaded.sha256()).isEqualTo(Sha256.hex(Files.readAllBytes(manifest)));
    }

    @Test
    void hashVerificationDetectsAOneByteChange() throws Exception {
        Files.writeString(manifest, HEADER + "\ns1,p1,images/a.png," + hashA + "\ns2,p1,images/b.png," + hashB + "\n");
        byte[] bytes = Files.readAllBytes(root.resolve("images/b.png"));
        bytes[3] ^= 1;
        Files.write(root.resolve("images/b.png"), bytes);

        List<ManifestProblem> problems = catchThrowableOfType(ManifestException.class,
                () -> ManifestLoader.load(manifest)).problems();

        assertThat(problems).extracting(ManifestProblem::toString).containsExactly(manifest.toAbsolutePath()
                + ":3: sha256: SHA-256 mismatch for images/b.png: the manifest says " + hashB
                + " but the file's bytes hash to " + Sha256.hex(bytes));
        assertThat(ManifestLoader.load(manifest, HashCheck.EXISTENCE_ONLY).samples()).hasSize(2);
    }

    @Test
    void lineNumbersCountCommentsAndMultiLineCells() throws IOException {
        assertOnlyProblem("6: sha256: expected 64 lower-case hex digits, found 'ABC' (3 characters), or 'missing' for an image the dataset lacks",
                "# touchstone-manifest 1", "# generator: test", HEADER + ",group:site",
                "s1,p1,images/a.png," + hashA + ",\"two", "lines\"", "s2,p1,images/b.png,ABC,");
    }

    @Test
    void missingRequiredColumn() throws IOException {
        assertOnlyProblem("1: sha256: required column is missing; every manifest has the columns"
                + " sample_id, subject_id, path, sha256", "sample_id,subject_id,path", "s1,p1,images/a.png");
    }

    @Test
    void unknownColumn() throws IOException {
        assertOnlyProblem("1: lable:sex: unknown column: expected sample_id, subject_id, path, sha256, or a name"
                + " prefixed label:, group: or meta:", HEADER + ",lable:sex", "s1,p1,images/a.png," + hashA + ",male");
    }

    @Test
    void duplicateColumn() throws IOException {
        assertOnlyProblem("1: group:site: duplicate column (also column 5)", HEADER + ",group:site,group:site",
                "s1,p1,images/a.png," + hashA + ",x,y");
    }

    @Test
    void nonStandardLabelWithoutPrefix() throws IOException {
        assertOnlyProblem("1: label:colour: 'colour' is not a standard attribute (sex, age, smile, eyeglasses,"
                        + " sunglasses, beard, mustache, eyes_open, mouth_open, emotion); name a non-standard one"
                        + " with the prefix x-, e.g. label:x-colour",
                HEADER + ",label:colour", "s1,p1,images/a.png," + hashA + ",red");
    }

    @Test
    void invalidNonStandardLabelName() throws IOException {
        assertOnlyProblem("1: label:x-Hair: invalid non-standard attribute name: vendor attribute name 'Hair' must"
                + " match [a-z][a-z0-9_.-]*", HEADER + ",label:x-Hair", "s1,p1,images/a.png," + hashA + ",red");
    }

    @Test
    void prefixWithoutName() throws IOException {
        assertOnlyProblem("1: group:: empty name after 'group:'", HEADER + ",group:",
                "s1,p1,images/a.png," + hashA + ",x");
    }

    @Test
    void nonStandardLabelWithPrefixIsAccepted() throws Exception {
        Files.writeString(manifest, HEADER + ",label:x-colour\ns1,p1,images/a.png," + hashA + ",red\n");

        assertThat(ManifestLoader.load(manifest).samples().get(0).labels()).containsExactly(Map.entry("x-colour", "red"));
    }

    @Test
    void emptyIds() throws IOException {
        assertThat(problemsOf(HEADER, " ,,images/a.png," + hashA)).extracting(ManifestProblem::toString)
                .containsExactly(manifest.toAbsolutePath() + ":2: sample_id: empty sample id",
                        manifest.toAbsolutePath() + ":2: subject_id: empty subject id");
    }

    @Test
    void duplicateSampleIdNamesTheFirstLine() throws IOException {
        assertOnlyProblem("4: sample_id: duplicate sample id 's1' (first on line 2)", HEADER,
                "s1,p1,images/a.png," + hashA, "s2,p1,images/b.png," + hashB, "s1,p2,images/c.png," + hashC);
    }

    @Test
    void sampleIdWithSeparator() throws IOException {
        assertOnlyProblem("2: sample_id: 's;1' contains ';', which separates sample ids in pair lists and run files",
                HEADER, "s;1,p1,images/a.png," + hashA);
    }

    @Test
    void absolutePath() throws IOException {
        assertOnlyProblem("2: path: '" + root.resolve("images/a.png").toAbsolutePath()
                        + "' is absolute; expected a path relative to the manifest's folder",
                HEADER, "s1,p1," + root.resolve("images/a.png").toAbsolutePath() + "," + hashA);
    }

    @Test
    void pathEscapingTheRootAfterNormalization() throws IOException {
        assertOnlyProblem("2: path: 'images/../../a.png' leaves the manifest's folder " + root.toAbsolutePath(),
                HEADER, "s1,p1,images/../../a.png," + hashA);
    }

    @Test
    void backslashSeparator() throws IOException {
        assertOnlyProblem("2: path: 'images\\a.png' must use '/' as separator, not '\\'",
                HEADER, "s1,p1,images\\a.png," + hashA);
    }

    @Test
    void unknownImageExtension() throws IOException {
        image("images/a.tif", "tiff");
        assertOnlyProblem("2: path: 'images/a.tif' does not end in the extension of a supported image format:"
                + " .png, .jpg, .jpeg, .bmp or .gif", HEADER, "s1,p1,images/a.tif," + Sha256.hex("tiff".getBytes()));
    }

    @Test
    void missingFile() throws IOException {
        assertOnlyProblem("2: path: image file not found: " + root.resolve("images/z.png").toAbsolutePath(),
                HEADER, "s1,p1,images/z.png," + hashA);
    }

    @Test
    void directoryInsteadOfFile() throws IOException {
        Files.createDirectories(root.resolve("images/d.png"));
        assertOnlyProblem("2: path: not a regular file: " + root.resolve("images/d.png").toAbsolutePath(),
                HEADER, "s1,p1,images/d.png," + hashA);
    }

    @Test
    void invalidCategoricalLabel() throws IOException {
        assertOnlyProblem("2: label:sex: expected one of female, male (or an empty cell for unknown); found 'F'",
                HEADER + ",label:sex", "s1,p1,images/a.png," + hashA + ",F");
    }

    @Test
    void invalidAge() throws IOException {
        assertOnlyProblem("2: label:age: expected a number >= 0 (e.g. 34 or 34.5) or an empty cell for unknown;"
                + " found '-3'", HEADER + ",label:age", "s1,p1,images/a.png," + hashA + ",-3");
    }

    @Test
    void wrongNumberOfCells() throws IOException {
        assertOnlyProblem("3: the row has 5 cells but the header has 4 columns", HEADER,
                "s1,p1,images/a.png," + hashA, "s2,p1,images/b.png," + hashB + ",extra");
    }

    @Test
    void commentAfterHeader() throws IOException {
        assertOnlyProblem("3: comment lines (#) are allowed only before the header", HEADER,
                "s1,p1,images/a.png," + hashA, "# late comment", "s2,p1,images/b.png," + hashB);
    }

    @Test
    void wrongFormatLine() throws IOException {
        assertOnlyProblem("1: unsupported format 'touchstone-manifest 2': this version of Touchstone reads"
                + " 'touchstone-manifest 1'", "# touchstone-manifest 2", HEADER, "s1,p1,images/a.png," + hashA);
    }

    @Test
    void noSamples() throws IOException {
        assertOnlyProblem("2: the manifest lists no samples: expected rows after the header",
                "# touchstone-manifest 1", HEADER);
    }

    @Test
    void emptyFile() throws IOException {
        Files.writeString(manifest, "");
        assertThat(catchThrowableOfType(ManifestException.class, () -> ManifestLoader.load(manifest)).problems())
                .extracting(ManifestProblem::toString).containsExactly(manifest.toAbsolutePath()
                        + ": no header row: expected a header naming the columns sample_id,subject_id,path,sha256"
                        + " (and any label:, group:, meta: columns)");
    }

    @Test
    void invalidUtf8() throws IOException {
        Files.write(manifest, new byte[] {'a', '\n', 'b', (byte) 0xC3, '(', '\n'});
        assertThat(catchThrowableOfType(ManifestException.class, () -> ManifestLoader.load(manifest)).problems())
                .extracting(ManifestProblem::toString).containsExactly(manifest.toAbsolutePath()
                        + ":2: not valid UTF-8 text; a manifest must be saved as UTF-8");
    }

    @Test
    void reportsEveryProblemInLineOrderWithACappedMessage() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            rows.append("t").append(i).append(",p1,images/missing").append(i).append(".png,").append(hashA).append(",\n");
        }
        Files.writeString(manifest, "# touchstone-manifest 1\n" + HEADER + ",label:sex\n"
                + "s1,p1,images/a.png,xyz,F\n" + "s1,,images/b.png," + hashB + ",\n"
                + rows);

        ManifestException e = catchThrowableOfType(ManifestException.class, () -> ManifestLoader.load(manifest));

        assertThat(e.problems()).hasSize(4 + 60);
        assertThat(e.problems().subList(0, 5)).extracting(p -> p.line() + " " + p.column()).containsExactly(
                "3 sha256", "3 label:sex", "4 sample_id", "4 subject_id", "5 path");
        assertThat(e.problems()).extracting(ManifestProblem::line).isSorted();
        assertThat(e.getMessage().lines().toList())
                .hasSize(1 + 50 + 1)
                .startsWith("invalid dataset manifest: 64 problems", e.problems().get(0).toString())
                .endsWith("... and 14 more");
    }
}
