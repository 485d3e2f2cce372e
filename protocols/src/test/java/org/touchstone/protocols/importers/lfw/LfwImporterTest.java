package org.touchstone.protocols.importers.lfw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.PairList;
import org.touchstone.protocols.TemplatePair;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ImageSource;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.importers.DatasetImporters;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;

/** The LFW importer on its native-layout fixture: folds, padding, the missing image, variants, bad lines. */
class LfwImporterTest {
    @TempDir
    Path temp;

    private final LfwImporter importer = new LfwImporter();

    private ImportReport importFrom(Path source, Map<String, String> options) throws Exception {
        return importer.importDataset(new ImportRequest(source, temp.resolve("out"),
                DatasetImporters.options(importer, options)));
    }

    @Test
    void view2KeepsTheOfficialFoldsAndMarksTheMissingImage() throws Exception {
        Path source = importer.writeFixture(temp.resolve("fixture"));
        ImportReport report = importFrom(source, Map.of());

        assertThat(report.missingImages()).containsExactly(LfwImporter.FIXTURE_MISSING);
        DatasetManifest manifest = ManifestLoader.load(report.manifest());
        assertThat(manifest.root()).isEqualTo(source.resolve("lfw").toAbsolutePath().normalize());
        // 10 folds x 8 images, all under their 4-digit padded names; 4 people per fold.
        assertThat(manifest.samples()).hasSize(80);
        assertThat(manifest.subjectCount()).isEqualTo(40);
        assertThat(manifest.sample("John_Kerry_0012").orElseThrow().path()).isEqualTo("John_Kerry/John_Kerry_0012.jpg");
        assertThat(manifest.missingSamples()).extracting(s -> s.sampleId()).containsExactly("David_Beckham_0002");
        assertThat(ImageSource.of(manifest, manifest.sample("David_Beckham_0002").orElseThrow()).missing()).isTrue();

        List<TemplatePair> pairs = PairList.load(manifest.protocolList(LfwImporter.VIEW2), manifest, 10);
        assertThat(pairs).hasSize(60);
        for (int fold = 1; fold <= 10; fold++) {
            int f = fold;
            List<TemplatePair> inFold = pairs.stream().filter(p -> p.fold() == f).toList();
            // File order: the fold's 3 matched pairs, then its 3 mismatched ones.
            assertThat(inFold).extracting(TemplatePair::mated).containsExactly(true, true, true, false, false, false);
        }
        assertThat(pairs.get(1).enrolmentSamples()).containsExactly("John_Kerry_0001");
        assertThat(pairs.get(1).probeSamples()).containsExactly("John_Kerry_0012");
        // The missing image's pair is kept: the last mismatched pair of fold 10.
        assertThat(pairs.get(59).enrolmentSamples()).containsExactly("David_Beckham_0002");
        assertThat(report.lists()).extracting(ImportReport.ListSummary::name)
                .containsExactly(LfwImporter.VIEW2, LfwImporter.VIEW1_TRAIN, LfwImporter.VIEW1_TEST);
        assertThat(report.lines()).anyMatch(l -> l.startsWith("MISSING: 1 image(s)"));
        assertThat(report.protocolFiles()).anyMatch(l -> l.startsWith("pairs.txt: NOT the official LFW pairs.txt"));
    }

    @Test
    void theDeepFunneledFolderIsFoundAndTwoVariantsMustBeChosenBetween() throws Exception {
        Path source = importer.writeFixture(temp.resolve("fixture"));
        Files.move(source.resolve("lfw"), source.resolve("lfw-deepfunneled"));
        assertThat(importFrom(source, Map.of()).imageRoot()).endsWith(Path.of("lfw-deepfunneled"));

        Files.createDirectories(source.resolve("lfw_funneled"));
        assertThatThrownBy(() -> importFrom(source, Map.of())).isInstanceOf(ImportException.class)
                .hasMessageContaining("several image folders (lfw_funneled, lfw-deepfunneled)");
        assertThat(importFrom(source, Map.of("images", "lfw-deepfunneled")).missingImages()).hasSize(1);
    }

    @Test
    void aMalformedLineIsRefusedWithItsFileAndLine() throws Exception {
        Path source = importer.writeFixture(temp.resolve("fixture"));
        Path pairs = source.resolve("pairs.txt");
        List<String> lines = Files.readAllLines(pairs);
        lines.set(3, "John_Kerry\t1\tx");
        Files.write(pairs, lines, StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> importFrom(source, Map.of())).isInstanceOf(ImportException.class)
                .hasMessageContaining("pairs.txt:4: expected an image number (a whole number), found 'x'");

        lines.set(3, "John_Kerry\t1\tJohn_Kerry\t12");
        Files.write(pairs, lines, StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> importFrom(source, Map.of())).isInstanceOf(ImportException.class)
                .hasMessageContaining("pairs.txt:4: expected a matched pair");
    }

    @Test
    void spacesAndWindowsLineEndsAreAcceptedAndATruncatedFileIsNot() throws Exception {
        Path source = importer.writeFixture(temp.resolve("fixture"));
        Path pairs = source.resolve("pairs.txt");
        String text = Files.readString(pairs);
        Files.writeString(pairs, text.replace("\t", "   ").replace("\n", "\r\n"));
        assertThat(importFrom(source, Map.of()).lists().get(0).counts().get(0))
                .isEqualTo("60 pairs: 30 genuine, 30 impostor, 10 folds");

        Files.writeString(pairs, text.substring(0, text.lastIndexOf("David_Beckham")));
        assertThatThrownBy(() -> importFrom(source, Map.of())).isInstanceOf(ImportException.class)
                .hasMessageContaining("the header promises 10 folds of 3 matched and 3 mismatched pairs, 61 lines,"
                        + " but the file has 60");
    }

    @Test
    void anUnknownOptionAndAnUnknownKindAreNamed() {
        assertThatThrownBy(() -> DatasetImporters.options(importer, Map.of("variant", "lfw")))
                .hasMessageContaining("has no option 'variant'; its options are: images");
        assertThatThrownBy(() -> DatasetImporters.load().get("lfww"))
                .hasMessageContaining("unknown dataset kind 'lfww'; the kinds are: ").hasMessageContaining("lfw");
    }
}
