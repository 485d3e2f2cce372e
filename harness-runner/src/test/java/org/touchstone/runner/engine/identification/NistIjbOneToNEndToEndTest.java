package org.touchstone.runner.engine.identification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.importers.DatasetImporters;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.protocols.importers.ijb.IjbVariant;
import org.touchstone.protocols.importers.ijb.NistFixture;
import org.touchstone.runner.engine.NistIjbTruth;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.testsystems.TemplateSearchOracleProvider;

/**
 * ijbc-1ton@1.0.0 and ijbb-1ton@1.0.0 on NIST's own layout: IJB-C from the older file set
 * ({@code ijbc_1N_gallery_G1.csv}, {@code G2}, {@code ijbc_1N_probe_mixed.csv}, NIST's full metadata columns,
 * imported with {@code --with nist-1to1=files}), IJB-B from the newer {@code test4/gallery_S1.csv},
 * {@code gallery_S2.csv}, {@code probes.csv}; run with a system whose every score the test fixes, and rank-k and
 * TPIR at FPIR per gallery (and their mean) checked against arithmetic on the native files. A 1:N template is made of the faces
 * that could be cropped; the test deletes subject 5's video frames, so that probe template fails to acquire.
 */
class NistIjbOneToNEndToEndTest {
    @Test
    void ijbcOlderFilesMatchArithmetic(@TempDir Path temp) throws Exception {
        List<Path> lists = new ArrayList<>();
        for (String gallery : IjbVariant.IJBC.galleries()) {
            lists.add(Path.of("protocols", IjbVariant.IJBC.galleryFile(gallery)));
        }
        lists.add(Path.of("protocols", IjbVariant.IJBC.mixedProbeFile()));
        runAndCheck(temp, IjbVariant.IJBC, "files", "ijbc-1ton@1.0.0", lists);
    }

    @Test
    void ijbbNewerTestFourMatchesArithmetic(@TempDir Path temp) throws Exception {
        runAndCheck(temp, IjbVariant.IJBB, "test1", "ijbb-1ton@1.0.0", List.of(Path.of("protocols/test4/gallery_S1.csv"),
                Path.of("protocols/test4/gallery_S2.csv"), Path.of("protocols/test4/probes.csv")));
    }

    /** Imports the fixture, runs the protocol, checks; {@code lists} are G1, G2 and the probes, in the copy. */
    private static void runAndCheck(Path temp, IjbVariant variant, String oneToOne, String protocolRef,
                                    List<Path> lists) throws Exception {
        String kind = variant.kind();
        NistFixture fixture = NistFixture.small(variant);
        Path copy = fixture.write(temp.resolve("copy"));
        for (int i = 0; i < 3; i++) {
            Files.delete(copy.resolve("images/frames/" + (3050 + i) + ".png"));
        }
        var importer = DatasetImporters.load().get(kind);
        ImportReport report = importer.importDataset(new ImportRequest(temp.resolve("copy"), temp.resolve("data"),
                DatasetImporters.options(importer, Map.of("nist-1to1", oneToOne))));
        DatasetManifest manifest = ManifestLoader.load(report.manifest());
        NistIjbTruth truth = new NistIjbTruth(copy, temp.resolve("data"), manifest, kind);
        Path runDir = temp.resolve("run");
        new ProtocolRunner(Progress.silent()).run(new RunRequest(kind, ProtocolRepository.builtIn()
                .resolve(protocolRef), manifest, kind, new TemplateSearchOracleProvider(truth::score),
                Optional.empty(), runDir, 2));

        Map<Integer, String> present = new LinkedHashMap<>();
        List<List<int[]>> galleryRows = new ArrayList<>();
        for (Path list : lists.subList(0, 2)) {
            galleryRows.add(NistIjbTruth.templateSubjects(copy.resolve(list)));
        }
        Path probeList = copy.resolve(lists.get(2));
        for (Path list : lists) {
            truth.templates(copy.resolve(list)).forEach((template, faces) -> {
                List<String> made = faces.stream().filter(truth::acquired).toList();
                if (!made.isEmpty()) {
                    present.put(template, String.join(";", made));
                }
            });
        }
        assertThat(present).hasSize(36 - 1).doesNotContainKey(fixture.videoProbeTemplate(5));
        // Subject 0's gallery template is made from the one still whose frame exists.
        assertThat(present.get(fixture.galleryTemplate(0))).doesNotContain(";");
        JsonNode metrics = new ObjectMapper().readTree(runDir.resolve("metrics.json").toFile());
        assertThat(metrics.path("galleries").findValuesAsText("gallery_id")).isEqualTo(variant.galleries());
        TemplateGalleriesArithmetic.assertGalleries(metrics, variant.galleries(), galleryRows,
                NistIjbTruth.templateSubjects(probeList), present, truth::score);
        assertThat(Files.readString(runDir.resolve("templates.csv"))).contains("failure to acquire");
    }
}
