package org.touchstone.protocols.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.touchstone.protocols.dataset.SyntheticDatasetWriter;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDatasetWriterTest {
    private static final SyntheticSpec SPEC = new SyntheticSpec(10, 2, 5, 48, DifficultyProfile.DEFAULT);

    @TempDir
    Path temp;

    private static List<Map<String, String>> readRows(Path manifest) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(schema).readValues(manifest.toFile())) {
            return rows.readAll();
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Every file under the folder, by relative path, with its bytes' hash. */
    private static Map<String, String> tree(Path root) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), sha256(Files.readAllBytes(file)));
            }
        }
        return files;
    }

    @Test
    void writesEveryImageAndAManifestThatDescribesThem() throws Exception {
        Path manifest = SyntheticDatasetWriter.write(SPEC, temp);

        assertThat(manifest).isEqualTo(temp.resolve("manifest.csv"));
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        assertThat(lines.subList(0, 4)).containsExactly(
                "# touchstone-manifest 1",
                "# generator: touchstone-synthetic " + SyntheticFaceRenderer.GENERATOR_VERSION,
                "# spec: synthetic:subjects=10,images=2,seed=5,size=48,difficulty=sex.female*1.2+skin_tone.darker*1.5",
                "sample_id,subject_id,path,sha256,label:age,label:eyeglasses,label:sex,label:smile,"
                        + "group:age_band,group:sex,group:skin_tone");

        List<Map<String, String>> rows = readRows(manifest);
        assertThat(rows).hasSize(20);
        SyntheticFaceRenderer renderer = new SyntheticFaceRenderer(SPEC);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            int subject = i / 2;
            int image = i % 2;
            String subjectId = String.format("S%05d", subject + 1);
            String sampleId = subjectId + String.format("-%02d", image + 1);
            assertThat(row.get("subject_id")).isEqualTo(subjectId);
            assertThat(row.get("sample_id")).isEqualTo(sampleId);
            assertThat(row.get("path")).isEqualTo("images/" + subjectId + "/" + sampleId + ".png");

            byte[] png = Files.readAllBytes(temp.resolve(row.get("path")));
            assertThat(row.get("sha256")).isEqualTo(sha256(png));
            BufferedImage decoded = ImageIO.read(temp.resolve(row.get("path")).toFile());
            assertThat(decoded.getWidth()).isEqualTo(48);
            assertThat(decoded.getHeight()).isEqualTo(48);

            SyntheticLabels labels = renderer.labels(subject, image);
            assertThat(row).containsEntry("label:sex", labels.sex())
                    .containsEntry("label:age", Integer.toString(labels.age()))
                    .containsEntry("label:smile", Boolean.toString(labels.smile()))
                    .containsEntry("label:eyeglasses", Boolean.toString(labels.eyeglasses()))
                    .containsEntry("group:sex", labels.sex())
                    .containsEntry("group:skin_tone", labels.skinTone())
                    .containsEntry("group:age_band", labels.ageBand());
            assertThat(row.get("group:skin_tone")).isIn("lighter", "darker");
            assertThat(row.get("group:age_band")).isIn("18-30", "31-50", "51+");
        }
    }

    @Test
    void theSameSpecWritesTheSameBytesAndAnImageRenderedAloneMatchesItsFile() throws Exception {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        SyntheticDatasetWriter.write(SPEC, first);
        SyntheticDatasetWriter.write(SyntheticSpec.parse(SPEC.canonical()), second);

        assertThat(tree(second)).isEqualTo(tree(first)).hasSize(21);
        byte[] alone = new SyntheticFaceRenderer(SPEC).renderPng(7, 1);
        assertThat(Files.readAllBytes(first.resolve("images/S00008/S00008-02.png"))).isEqualTo(alone);
    }

    @Test
    void aCompleteDatasetOfTheSameSpecIsReturnedWithoutRendering() throws Exception {
        Path manifest = SyntheticDatasetWriter.write(SPEC, temp);
        FileTime written = Files.getLastModifiedTime(manifest);
        byte[] before = Files.readAllBytes(manifest);
        Path removed = temp.resolve("images/S00003/S00003-01.png");
        Files.delete(removed);

        assertThat(SyntheticDatasetWriter.write(SPEC, temp)).isEqualTo(manifest);

        assertThat(removed).as("not rendered again").doesNotExist();
        assertThat(Files.readAllBytes(manifest)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(manifest)).isEqualTo(written);
    }

    @Test
    void aDatasetOfAnotherSpecIsReplaced() throws Exception {
        SyntheticDatasetWriter.write(SPEC, temp);
        SyntheticSpec other = new SyntheticSpec(10, 2, 6, 48, DifficultyProfile.DEFAULT);

        Path manifest = SyntheticDatasetWriter.write(other, temp);

        assertThat(Files.readAllLines(manifest)).contains("# spec: " + other.canonical());
        assertThat(Files.readAllBytes(temp.resolve("images/S00001/S00001-01.png")))
                .isEqualTo(new SyntheticFaceRenderer(other).renderPng(0, 0));
    }

    @Test
    void anInterruptedWriteIsCompletedByTheNextOne() throws Exception {
        // Images but no manifest: what a crash before the manifest's atomic move leaves.
        Path image = temp.resolve("images/S00001/S00001-01.png");
        Files.createDirectories(image.getParent());
        Files.write(image, new byte[] {1, 2, 3});

        Path manifest = SyntheticDatasetWriter.write(SPEC, temp);

        assertThat(readRows(manifest)).hasSize(20);
        assertThat(Files.readAllBytes(image)).isEqualTo(new SyntheticFaceRenderer(SPEC).renderPng(0, 0));
    }

    @Test
    void aManifestFromElsewhereIsNeverOverwritten() throws Exception {
        Path manifest = temp.resolve("manifest.csv");
        String theirs = "# touchstone-manifest 1\n# generator: my-importer 3\nsample_id,subject_id,path,sha256\n";
        Files.writeString(manifest, theirs);

        assertThatThrownBy(() -> SyntheticDatasetWriter.write(SPEC, temp))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("was not written by touchstone-synthetic")
                .hasMessageContaining("refusing to overwrite");
        assertThat(manifest).hasContent(theirs);
        assertThat(temp.resolve("images")).doesNotExist();

        Files.writeString(manifest, "sample_id,subject_id,path,sha256\n");
        assertThatThrownBy(() -> SyntheticDatasetWriter.write(SPEC, temp))
                .hasMessageContaining("was not written by touchstone-synthetic");
    }
}
