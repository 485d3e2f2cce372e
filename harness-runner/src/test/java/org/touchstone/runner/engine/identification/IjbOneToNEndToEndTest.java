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
import org.touchstone.protocols.ProtocolDefinition;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.importers.DatasetImporters;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.protocols.importers.ijb.IjbFixture;
import org.touchstone.protocols.importers.ijb.IjbVariant;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.testsystems.TemplateSearchOracleProvider;

/**
 * ijbc-1toN and ijbb-1toN end to end: an IJB fixture in its native layout, imported with {@code dataset import},
 * run with a system whose every score the test fixes, and rank-k and TPIR at FPIR checked per gallery (and their
 * mean) against arithmetic done here on the fixture's own meta and 1:N files. Besides the fixture's missing image
 * (a probe template then made from the two images present), the test deletes every image of one probe template
 * and of one gallery template before import: the probe fails to acquire (a miss where mated, no candidate where
 * not) and the gallery template is absent from its gallery, so its subject's probes are mated there but cannot
 * find their mate.
 */
class IjbOneToNEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A score fixed in advance from the whole image lists: genuine in [0.45, 1), impostor in [0, 0.6). */
    static double score(String enrolmentIds, String probeIds, int imagesPerSubject) {
        double u = Math.floorMod(enrolmentIds.hashCode() * 31L + probeIds.hashCode() * 7919L, 1000) / 1000.0;
        boolean genuine = subjectOf(enrolmentIds, imagesPerSubject) == subjectOf(probeIds, imagesPerSubject);
        return genuine ? 0.45 + 0.55 * u : 0.6 * u;
    }

    private static int subjectOf(String ids, int imagesPerSubject) {
        String first = ids.split(";")[0];
        return (Integer.parseInt(first.substring(0, first.indexOf('.'))) - 1) / imagesPerSubject;
    }

    @Test
    void ijbcSmallFixtureMatchesArithmetic(@TempDir Path temp) throws Exception {
        JsonNode metrics = runAndCheck(temp, IjbFixture.small(IjbVariant.IJBC), "ijbc-1toN@1.0.0");
        // 12 non-mated searches per gallery support neither 1e-1 (30 needed) nor 1e-2 (300).
        for (JsonNode gallery : metrics.path("galleries")) {
            assertThat(gallery.path("searches").path("non_mated_searches").asLong()).isEqualTo(12);
            assertThat(gallery.path("fpir_operating_points").get(0).path("supported").asBoolean()).isFalse();
        }
    }

    @Test
    void ijbbSmallFixtureMatchesArithmetic(@TempDir Path temp) throws Exception {
        JsonNode metrics = runAndCheck(temp, IjbFixture.small(IjbVariant.IJBB), "ijbb-1ton@1.0.0");
        assertThat(metrics.path("galleries").findValuesAsText("gallery_id")).containsExactly("S1", "S2");
    }

    @Test
    void aLargerFixtureSupportsFpirOneInTen(@TempDir Path temp) throws Exception {
        IjbFixture fixture = new IjbFixture(IjbVariant.IJBC, 64, 1, 2, 48, 7L, IjbFixture.Pixels.SHARED);
        JsonNode metrics = runAndCheck(temp, fixture, "ijbc-1ton@1.0.0");
        for (JsonNode gallery : metrics.path("galleries")) {
            assertThat(gallery.path("fpir_operating_points").get(0).path("supported").asBoolean()).isTrue();
            assertThat(gallery.path("fpir_operating_points").get(1).path("supported").asBoolean()).isFalse();
        }
        assertThat(metrics.path("gallery_average").path("fpir_operating_points").get(0).path("supported").asBoolean())
                .isTrue();
    }

    /** Runs the protocol on the fixture and checks every gallery's figures and their means; returns metrics.json. */
    private static JsonNode runAndCheck(Path temp, IjbFixture fixture, String protocolRef) throws Exception {
        IjbVariant variant = fixture.variant();
        String kind = variant.kind();
        Path release = fixture.write(temp.resolve("copy"));
        Map<Integer, List<String>> images = new LinkedHashMap<>();
        for (String line : Files.readAllLines(release.resolve("meta/" + variant.faceTemplateMediaFile()))) {
            String[] f = line.split(" ");
            images.computeIfAbsent(Integer.parseInt(f[1]), t -> new ArrayList<>()).add(f[0]);
        }
        // Templates left without images: a probe template (subject 3's last) and a gallery template (subject 5's).
        int emptyProbe = fixture.probeTemplate(3, fixture.probesPerSubject() - 1);
        int emptyGallery = fixture.galleryTemplate(5);
        for (int template : List.of(emptyProbe, emptyGallery)) {
            for (String image : images.get(template)) {
                Files.delete(release.resolve("loose_crop").resolve(image));
            }
        }

        var importer = DatasetImporters.load().get(kind);
        ImportReport report = importer.importDataset(new ImportRequest(release.getParent(), temp.resolve("data"),
                DatasetImporters.options(importer, Map.of())));
        DatasetManifest manifest = ManifestLoader.load(report.manifest());
        ProtocolDefinition protocol = ProtocolRepository.builtIn().resolve(protocolRef);
        int imagesPerSubject = (1 + fixture.probesPerSubject()) * fixture.imagesPerTemplate();
        Path runDir = temp.resolve("run");
        new ProtocolRunner(Progress.silent()).run(new RunRequest(kind, protocol, manifest, kind,
                new TemplateSearchOracleProvider((a, b) -> score(a, b, imagesPerSubject)), Optional.empty(), runDir,
                2));

        // Independent arithmetic on the native files: the images present make each template.
        Map<Integer, String> present = new LinkedHashMap<>();
        images.forEach((template, names) -> {
            List<String> there = names.stream().filter(n -> Files.exists(release.resolve("loose_crop").resolve(n)))
                    .toList();
            if (!there.isEmpty()) {
                present.put(template, String.join(";", there));
            }
        });
        assertThat(present).doesNotContainKeys(emptyProbe, emptyGallery);
        assertThat(present.get(fixture.probeTemplate(0, 0))).doesNotContain(fixture.missingImage())
                .hasSizeGreaterThan(0);
        List<int[]> probes = list(release.resolve("meta/" + variant.mixedProbeFile()));
        List<List<int[]>> galleryRows = new ArrayList<>();
        for (String galleryName : variant.galleries()) {
            galleryRows.add(list(release.resolve("meta/" + variant.galleryFile(galleryName))));
        }
        JsonNode metrics = JSON.readTree(runDir.resolve("metrics.json").toFile());
        TemplateGalleriesArithmetic.assertGalleries(metrics, variant.galleries(), galleryRows, probes, present,
                (a, b) -> score(a, b, imagesPerSubject));
        assertThat(runDir.resolve("tables/gallery-average.csv")).exists();
        // Both failures are recorded as the dataset's failures to acquire.
        assertThat(Files.readString(runDir.resolve("templates.csv"))).contains("failure to acquire");
        return metrics;
    }

    /** A 1:N list's rows: TEMPLATE_ID, SUBJECT_ID. */
    private static List<int[]> list(Path csv) throws Exception {
        List<int[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            rows.add(new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1])});
        }
        return rows;
    }
}
