package org.touchstone.protocols.importers.insightface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;

/** insightface packs: both element encodings, sequential folds, refused globals, an undecodable element. */
class InsightfaceBinImporterTest {
    @TempDir
    Path temp;

    private final InsightfaceBinImporter importer = new InsightfaceBinImporter();

    @Test
    void aPackOfNumpyAndRawElementsBecomesTheLfwView2List() throws Exception {
        Path pack = importer.writeFixture(temp.resolve("fixture"));
        ImportReport report = importer.importDataset(new ImportRequest(pack, temp.resolve("out"), Map.of()));
        assertThat(report.missingImages()).containsExactly("images/lfw/00039.jpg");
        DatasetManifest manifest = ManifestLoader.load(report.manifest());
        List<TemplatePair> pairs = PairList.load(manifest.protocolList("lfw-view2"), manifest, 10);
        assertThat(pairs).hasSize(20);
        assertThat(pairs).extracting(TemplatePair::mated).startsWith(true, false, true, false);
        assertThat(pairs).extracting(TemplatePair::fold).startsWith(1, 1, 2, 2);
        // Element 0 came as a numpy array, element 39 - 1 as raw bytes: both written as the JPEG they hold.
        for (String file : List.of("images/lfw/00000.jpg", "images/lfw/00038.jpg")) {
            byte[] bytes = Files.readAllBytes(temp.resolve("out").resolve(file));
            assertThat(bytes[0] & 0xff).isEqualTo(0xff);
            assertThat(bytes[1] & 0xff).isEqualTo(0xd8);
        }
        assertThat(report.notes()).anyMatch(n -> n.contains("neither JPEG nor PNG"));
    }

    @Test
    void foldsAreSklearnsKFoldWithoutShuffling() {
        // 6,000 pairs: 600 per fold; 23 pairs: the first three folds have 3, the others 2.
        assertThat(InsightfaceBinImporter.foldOf(599, 6000)).isEqualTo(1);
        assertThat(InsightfaceBinImporter.foldOf(600, 6000)).isEqualTo(2);
        assertThat(InsightfaceBinImporter.foldOf(5999, 6000)).isEqualTo(10);
        assertThat(InsightfaceBinImporter.foldOf(8, 23)).isEqualTo(3);
        assertThat(InsightfaceBinImporter.foldOf(9, 23)).isEqualTo(4);
        assertThat(InsightfaceBinImporter.foldOf(22, 23)).isEqualTo(10);
    }

    @Test
    void python2StringsAndCodecsEncodedBytesAreRead() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x80, 2, ']', '('});
        out.writeBytes(new byte[] {'U', 3, 'a', 'b', 'c'}); // SHORT_BINSTRING, as Python 2 writes str
        out.writeBytes("c_codecs\nencode\n".getBytes(StandardCharsets.US_ASCII)); // Python 3 bytes at protocol 2
        out.writeBytes(new byte[] {'X', 2, 0, 0, 0, 'x', 'y', 'X', 6, 0, 0, 0});
        out.writeBytes("latin1".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {(byte) 0x86, 'R', 'e', ']', '(', (byte) 0x88, 'e', (byte) 0x86, '.'});
        PackUnpickler.Pack p = PackUnpickler.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(p.images()).containsExactly("abc".getBytes(StandardCharsets.US_ASCII), "xy".getBytes(StandardCharsets.US_ASCII));
        assertThat(p.issame()).containsExactly(true);
    }

    @Test
    void anyOtherGlobalIsRefusedAndNothingRuns() throws Exception {
        byte[] evil = "\u0080\u0002cos\nsystem\nX\u0002\u0000\u0000\u0000ls\u0085R.".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> PackUnpickler.read(new ByteArrayInputStream(evil)))
                .hasMessageContaining("refused global os.system");
        Path pack = Files.write(temp.resolve("evil.bin"), evil);
        assertThatThrownBy(() -> importer.importDataset(new ImportRequest(pack, temp.resolve("out"), Map.of())))
                .isInstanceOf(ImportException.class).hasMessageContaining("evil.bin: not a readable insightface pack");
    }
}
