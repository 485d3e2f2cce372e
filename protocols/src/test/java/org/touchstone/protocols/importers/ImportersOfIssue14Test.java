package org.touchstone.protocols.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.HashCheck;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.Sample;

/**
 * Each kind of issue 14, found through the registry as the CLI finds it: its fixture imported into a manifest that
 * loads (hashes checked), with the fixture's images, subjects and missing image, and every list it declares readable
 * through the manifest. The expected figures follow from the fixtures' documented shapes.
 */
class ImportersOfIssue14Test {
    static Stream<Arguments> kinds() {
        return Stream.of(
                // kind, images, subjects, missing, lists
                Arguments.of("ijbc", 12 * 3 * 3, 12, 1, List.of("ijbc-templates", "ijbc-1to1", "ijbc-gallery-G1",
                        "ijbc-gallery-G2", "ijbc-probes-mixed")),
                Arguments.of("ijbb", 12 * 3 * 3, 12, 1, List.of("ijbb-templates", "ijbb-1to1", "ijbb-gallery-S1",
                        "ijbb-gallery-S2", "ijbb-probes-mixed")),
                Arguments.of("megaface", 6 * 3 + 100, 6 + 100, 1, List.of("megaface-facescrub", "megaface-distractors-10",
                        "megaface-distractors-100")),
                Arguments.of("fairface", 21, 21, 1, List.of()),
                Arguments.of("utkface", 16, 16, 0, List.of()),
                Arguments.of("celeba", 5, 5, 0, List.of()));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void fixtureImportsIntoALoadableManifest(String kind, int images, int subjects, int missing, List<String> lists,
                                             @TempDir Path temp) throws Exception {
        DatasetImporter importer = DatasetImporters.load().get(kind);
        Path source = importer.writeFixture(temp.resolve("copy"));
        ImportReport report = importer.importDataset(new ImportRequest(source, temp.resolve("out"),
                DatasetImporters.options(importer, Map.of())));
        assertEquals(images, report.images());
        assertEquals(subjects, report.subjects());
        assertEquals(missing, report.missingImages().size());
        assertEquals(lists.stream().sorted().toList(),
                report.lists().stream().map(ImportReport.ListSummary::name).sorted().toList());
        DatasetManifest manifest = ManifestLoader.load(report.manifest(), HashCheck.VERIFY);
        assertEquals(images, manifest.samples().size());
        assertEquals(missing, manifest.missingSamples().size());
        for (String list : lists) {
            assertTrue(manifest.protocolList(list).toFile().isFile(), list);
        }
        assertTrue(report.lines().get(0).startsWith("Imported " + kind + ":"), report.lines().get(0));
        assertEquals(images - missing, manifest.samples().stream().filter(s -> !s.missing()).count());
        manifest.samples().stream().map(Sample::path).forEach(p -> assertTrue(!p.startsWith("/") && !p.contains(".."), p));
    }
}
