package org.touchstone.protocols.importers.crosslfw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.PairList;
import org.touchstone.protocols.TemplatePair;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.importers.DatasetImporters;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;

/** CALFW and CPLFW on their fixtures: the two-line format, the fold convention, tokens, quirks. */
class CrossLfwImportersTest {
    @TempDir
    Path temp;

    private ImportReport importFrom(TwoLinePairsImporter importer, Path source) throws Exception {
        return importer.importDataset(new ImportRequest(source, temp.resolve("out"),
                DatasetImporters.options(importer, Map.of())));
    }

    @Test
    void calfwFoldsFollowTheConventionAndTheTokens() throws Exception {
        CalfwImporter importer = new CalfwImporter();
        Path source = importer.writeFixture(temp.resolve("fixture"));
        ImportReport report = importFrom(importer, source);
        assertThat(report.imageRoot()).endsWith(Path.of("calfw", "aligned images"));
        assertThat(report.missingImages()).containsExactly("Anna_Kournikova_0002.jpg");
        assertThat(report.protocolFiles()).singleElement().asString().contains("NOT the official CALFW");
        DatasetManifest manifest = ManifestLoader.load(report.manifest());
        List<TemplatePair> pairs = PairList.load(manifest.protocolList("calfw"), manifest, 10);
        assertThat(pairs).hasSize(60);
        // 30 positives then 30 negatives; three of each per fold, in order.
        assertThat(pairs.subList(0, 30)).allMatch(TemplatePair::mated);
        assertThat(pairs.subList(30, 60)).noneMatch(TemplatePair::mated);
        assertThat(pairs.get(3).fold()).isEqualTo(2);
        assertThat(pairs.get(33).fold()).isEqualTo(2);
        assertThat(pairs.get(59).fold()).isEqualTo(10);
        assertThat(manifest.sample("Carl_Reiner_0001").orElseThrow().subjectId()).isEqualTo("Carl_Reiner");
    }

    @Test
    void calfwRefusesATokenThatContradictsThePlaceOfItsPair() throws Exception {
        CalfwImporter importer = new CalfwImporter();
        Path source = importer.writeFixture(temp.resolve("fixture"));
        Path file = source.resolve("pairs_CALFW.txt");
        List<String> lines = Files.readAllLines(file);
        lines.set(0, lines.get(0).replace(" 1", " 2"));
        Files.write(file, lines);
        assertThatThrownBy(() -> importFrom(importer, source)).isInstanceOf(ImportException.class)
                .hasMessageContaining("pairs_CALFW.txt:1: the token says fold 2 but pair 1 belongs to fold 1");
        lines.set(0, "Carl_Reiner_0001.jpg");
        Files.write(file, lines);
        assertThatThrownBy(() -> importFrom(importer, source)).isInstanceOf(ImportException.class)
                .hasMessageContaining("pairs_CALFW.txt:1: expected '<image file> <token>'");
    }

    @Test
    void cplfwReadsUnpaddedNamesAndNeverTouchesTheMalformedUpstreamFiles() throws Exception {
        CplfwImporter importer = new CplfwImporter();
        Path source = importer.writeFixture(temp.resolve("fixture"));
        assertThat(source.resolve("aligned images/Landon_Donovan_3jpg.jpg")).exists();
        ImportReport report = importFrom(importer, source);
        assertThat(report.missingImages()).containsExactly("Anna_Kournikova_2.jpg");
        DatasetManifest manifest = ManifestLoader.load(report.manifest());
        assertThat(manifest.samples()).noneMatch(s -> s.path().contains("Landon_Donovan"));
        assertThat(manifest.sample("AJ_Cook_1").orElseThrow().subjectId()).isEqualTo("AJ_Cook");
        assertThat(PairList.load(manifest.protocolList("cplfw"), manifest, 10)).hasSize(60);

        Path file = source.resolve("pairs_CPLFW.txt");
        List<String> lines = Files.readAllLines(file);
        lines.set(lines.size() - 1, lines.get(lines.size() - 1).replace(" 0", " 1"));
        Files.write(file, lines);
        assertThatThrownBy(() -> importFrom(importer, source)).isInstanceOf(ImportException.class)
                .hasMessageContaining("pairs_CPLFW.txt:120: expected the label 0");
    }
}
