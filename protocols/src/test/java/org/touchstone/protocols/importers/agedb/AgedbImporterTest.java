package org.touchstone.protocols.importers.agedb;

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

/** AgeDB-30 on its fixture: the compressed .mat's splits, ages and sex from names, refusals. */
class AgedbImporterTest {
    @TempDir
    Path temp;

    private final AgedbImporter importer = new AgedbImporter();

    private ImportReport importFrom(Path source) throws Exception {
        return importer.importDataset(new ImportRequest(source, temp.resolve("out"),
                DatasetImporters.options(importer, Map.of())));
    }

    @Test
    void theSplitsBecomeTenFoldsWithAgesAndSex() throws Exception {
        Path source = importer.writeFixture(temp.resolve("fixture"));
        ImportReport report = importFrom(source);
        assertThat(report.missingImages()).containsExactly(AgedbImporter.FIXTURE_MISSING);
        DatasetManifest manifest = ManifestLoader.load(report.manifest());
        List<TemplatePair> pairs = PairList.load(manifest.protocolList(AgedbImporter.LIST), manifest, 10);
        assertThat(pairs).hasSize(30);
        assertThat(pairs.subList(0, 3)).extracting(TemplatePair::mated).containsExactly(true, true, false);
        assertThat(pairs.get(3).fold()).isEqualTo(2);
        // Person 1 (AlbertEinstein), image 1: age 20 + 1 + 31 = 52, male.
        assertThat(manifest.sample("AlbertEinstein_1_52_m_0").orElseThrow().labels())
                .containsEntry("age", "52").containsEntry("sex", "male");
        assertThat(manifest.sample("AlbertEinstein_1_52_m_0").orElseThrow().subjectId()).isEqualTo("AlbertEinstein");
    }

    @Test
    void theMatReaderReadsWhatTheFixtureWrites() throws Exception {
        Map<String, MatFile.Value> read = MatFile.read(MatFile.write(Map.of("x", new MatFile.Cell(new int[] {2, 1},
                List.of(new MatFile.Text("MariaCallas_0_20_f_0"), new MatFile.Numbers(new int[] {1, 2},
                        new double[] {1, -1}))))));
        MatFile.Cell cell = (MatFile.Cell) read.get("x");
        assertThat(((MatFile.Text) cell.elements().get(0)).text()).isEqualTo("MariaCallas_0_20_f_0");
        assertThat(((MatFile.Numbers) cell.elements().get(1)).values()).containsExactly(1, -1);
    }

    @Test
    void aFileThatIsNotAMatFileOrLacksSplitsIsRefused() throws Exception {
        Path source = importer.writeFixture(temp.resolve("fixture"));
        Path mat = source.resolve("AgeDB_FINAL_protocol").resolve(AgedbImporter.PROTOCOL_FILE);
        Files.writeString(mat, "not a mat file".repeat(20));
        assertThatThrownBy(() -> importFrom(source)).isInstanceOf(ImportException.class)
                .hasMessageContaining("04_FINAL_protocol_30_years.mat: not a readable MATLAB v5/v7 protocol file");
        Files.write(mat, MatFile.write(Map.of("a", new MatFile.Text("x"), "b", new MatFile.Text("y"))));
        assertThatThrownBy(() -> importFrom(source)).isInstanceOf(ImportException.class)
                .hasMessageContaining("no variable 'splits'");
    }
}
