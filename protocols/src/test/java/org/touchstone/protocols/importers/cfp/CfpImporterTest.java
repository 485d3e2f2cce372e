package org.touchstone.protocols.importers.cfp;

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

/** The CFP importer on its native-layout fixture: both splits, index resolution, renamed lists, bad lines. */
class CfpImporterTest {
    @TempDir
    Path temp;

    private final CfpImporter importer = new CfpImporter();

    private ImportReport importFrom(Path source) throws Exception {
        return importer.importDataset(new ImportRequest(source, temp.resolve("out"), Map.of()));
    }

    @Test
    void bothProtocolsResolveIndicesThroughThePairLists() throws Exception {
        Path source = importer.writeFixture(temp.resolve("fixture"));
        ImportReport report = importFrom(source);
        assertThat(report.missingImages()).containsExactly(CfpImporter.FIXTURE_MISSING);
        DatasetManifest manifest = ManifestLoader.load(report.manifest());
        List<TemplatePair> fp = PairList.load(manifest.protocolList(CfpImporter.FP), manifest, 10);
        List<TemplatePair> ff = PairList.load(manifest.protocolList(CfpImporter.FF), manifest, 10);
        assertThat(fp).hasSize(40);
        assertThat(ff).hasSize(40);
        // Fold 1 of FP: same.txt '1,1' is frontal index 1 (001/frontal/01) against profile index 1 (001/profile/01).
        assertThat(fp.get(0).enrolmentSamples()).containsExactly("001-f01");
        assertThat(fp.get(0).probeSamples()).containsExactly("001-p01");
        assertThat(fp.get(0).mated()).isTrue();
        assertThat(fp).extracting(TemplatePair::fold).startsWith(1, 1, 1, 1, 2);
        assertThat(ff).allSatisfy(p -> assertThat(p.probeSamples().get(0)).contains("-f"));
        assertThat(manifest.sample("001-p01").orElseThrow().groups()).containsEntry("pose", "profile");
        assertThat(manifest.sample("002-f03").orElseThrow().path()).isEqualTo("Data/Images/002/frontal/03.jpg");
    }

    @Test
    void aCopyWithRenamedListsAndPathsWithoutDotDotReadsTheSame() throws Exception {
        Path source = importer.writeFixture(temp.resolve("fixture"));
        for (String letter : List.of("F", "P")) {
            Path list = source.resolve("Protocol/Pair_list_" + letter + ".txt");
            Files.writeString(source.resolve("Protocol/image_list_" + letter + ".txt"),
                    Files.readString(list).replace("../Data", "Data"));
            Files.delete(list);
        }
        ImportReport report = importFrom(source);
        assertThat(report.lists().get(1).counts().get(0)).isEqualTo("40 pairs: 20 genuine, 20 impostor, 10 folds");
        assertThat(report.notes()).anyMatch(n -> n.startsWith("read image_list_F.txt"));
    }

    @Test
    void malformedSplitLinesAreRefusedWithFileAndLine() throws Exception {
        Path source = importer.writeFixture(temp.resolve("fixture"));
        Path same = source.resolve("Protocol/Split/FP/03/same.txt");
        Files.writeString(same, "41;41\n");
        assertThatThrownBy(() -> importFrom(source)).isInstanceOf(ImportException.class)
                .hasMessageContaining("Split/FP/03/same.txt:1: expected two image indices 'a,b'");
        Files.writeString(same, "41,999\n");
        assertThatThrownBy(() -> importFrom(source)).isInstanceOf(ImportException.class)
                .hasMessageContaining("same.txt:1: the second index 999 is not in the image list");
        Files.writeString(same, "41,1\n");
        assertThatThrownBy(() -> importFrom(source)).isInstanceOf(ImportException.class)
                .hasMessageContaining("same.txt:1: a pair of same.txt shows two people");
    }
}
