package org.touchstone.protocols.importers.rfw;

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
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;

/** RFW on its fixture: four races, race groups, a MID under two races, padding, a missing image. */
class RfwImporterTest {
    @TempDir
    Path temp;

    private final RfwImporter importer = new RfwImporter();

    @Test
    void fourRacesInOneListWithTheirFoldsAndGroups() throws Exception {
        Path source = importer.writeFixture(temp.resolve("fixture"));
        ImportReport report = importer.importDataset(new ImportRequest(source, temp.resolve("out"), Map.of()));
        assertThat(report.missingImages()).containsExactly(RfwImporter.FIXTURE_MISSING);
        DatasetManifest manifest = ManifestLoader.load(report.manifest());
        List<TemplatePair> pairs = PairList.load(manifest.protocolList(RfwImporter.LIST), manifest, 10);
        assertThat(pairs).hasSize(160);
        // Per race 10 folds of 2 genuine then 2 impostor pairs; races one after another.
        assertThat(pairs.subList(0, 4)).extracting(TemplatePair::mated).containsExactly(true, true, false, false);
        assertThat(pairs.get(4).fold()).isEqualTo(2);
        assertThat(pairs.get(40).fold()).isEqualTo(1);
        assertThat(manifest.sample("Asian/m.0asi02_0011").orElseThrow().path())
                .isEqualTo("Asian/m.0asi02/m.0asi02_0011.jpg");
        assertThat(manifest.sample("Indian/m.0ind19_0001").orElseThrow().groups()).containsEntry("race", "Indian");
        // The MID under two races is one subject, its images two samples.
        assertThat(manifest.sample("African/m.023915_0001").orElseThrow().subjectId())
                .isEqualTo(manifest.sample("Asian/m.023915_0001").orElseThrow().subjectId());
        assertThat(report.subjects()).isEqualTo(79);
    }

    @Test
    void aGenuineLineWhereAnImpostorOneBelongsIsRefused() throws Exception {
        Path source = importer.writeFixture(temp.resolve("fixture"));
        Path file = source.resolve("test/txts/Caucasian/Caucasian_pairs.txt");
        List<String> lines = Files.readAllLines(file);
        lines.set(2, "m.0cau01\t1\t2");
        Files.write(file, lines);
        assertThatThrownBy(() -> importer.importDataset(new ImportRequest(source, temp.resolve("out"), Map.of())))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("Caucasian_pairs.txt:3: expected a mismatched pair");
    }
}
