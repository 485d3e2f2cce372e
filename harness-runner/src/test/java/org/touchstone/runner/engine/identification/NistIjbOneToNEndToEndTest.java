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
 * ijbc-1ton@1.0.0 on NIST's own layout, from the older file set ({@code ijbc_1N_gallery_G1.csv}, {@code G2},
 * {@code ijbc_1N_probe_mixed.csv}, NIST's full metadata columns): the NIST fixture imported with
 * {@code --with nist-1to1=files}, run with a system whose every score the test fixes, and rank-k and TPIR at FPIR
 * per gallery (and their mean) checked against arithmetic on the native files. A 1:N template is made of the faces
 * that could be cropped; the test deletes subject 5's video frames, so that probe template fails to acquire.
 */
class NistIjbOneToNEndToEndTest {
    @Test
    void galleriesMatchArithmeticOnTheNativeFiles(@TempDir Path temp) throws Exception {
        NistFixture fixture = NistFixture.small(IjbVariant.IJBC);
        Path copy = fixture.write(temp.resolve("copy"));
        for (int i = 0; i < 3; i++) {
            Files.delete(copy.resolve("images/frames/" + (3050 + i) + ".png"));
        }
        var importer = DatasetImporters.load().get("ijbc");
        ImportReport report = importer.importDataset(new ImportRequest(temp.resolve("copy"), temp.resolve("data"),
                DatasetImporters.options(importer, Map.of("nist-1to1", "files"))));
        DatasetManifest manifest = ManifestLoader.load(report.manifest());
        NistIjbTruth truth = new NistIjbTruth(copy, temp.resolve("data"), manifest);
        Path runDir = temp.resolve("run");
        new ProtocolRunner(Progress.silent()).run(new RunRequest("ijbc", ProtocolRepository.builtIn()
                .resolve("ijbc-1ton@1.0.0"), manifest, "ijbc", new TemplateSearchOracleProvider(truth::score),
                Optional.empty(), runDir, 2));

        Path protocols = copy.resolve("protocols");
        Map<Integer, String> present = new LinkedHashMap<>();
        List<List<int[]>> galleryRows = new ArrayList<>();
        List<Path> lists = new ArrayList<>();
        for (String gallery : IjbVariant.IJBC.galleries()) {
            Path list = protocols.resolve(IjbVariant.IJBC.galleryFile(gallery));
            lists.add(list);
            galleryRows.add(NistIjbTruth.templateSubjects(list));
        }
        Path probeList = protocols.resolve(IjbVariant.IJBC.mixedProbeFile());
        lists.add(probeList);
        for (Path list : lists) {
            truth.templates(list).forEach((template, faces) -> {
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
        TemplateGalleriesArithmetic.assertGalleries(metrics, IjbVariant.IJBC.galleries(), galleryRows,
                NistIjbTruth.templateSubjects(probeList), present, truth::score);
        assertThat(Files.readString(runDir.resolve("templates.csv"))).contains("failure to acquire");
    }
}
