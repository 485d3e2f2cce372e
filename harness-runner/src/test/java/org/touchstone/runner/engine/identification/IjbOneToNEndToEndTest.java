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
        JsonNode metrics = JSON.readTree(runDir.resolve("metrics.json").toFile());
        JsonNode galleries = metrics.path("galleries");
        assertThat(galleries).hasSize(2);
        List<Double> targets = List.of(1e-1, 1e-2);
        double[] rankSums = new double[3];
        double[] tpirSums = new double[2];
        for (int g = 0; g < 2; g++) {
            String galleryName = variant.galleries().get(g);
            List<int[]> gallery = list(release.resolve("meta/" + variant.galleryFile(galleryName)));
            List<Integer> subjects = gallery.stream().map(row -> row[1]).toList();
            long mated = 0;
            long nonMated = 0;
            int[] hitsAtRank = new int[11];
            List<Double> mateScoresAtRank1 = new ArrayList<>();
            List<Double> nonMatedTops = new ArrayList<>();
            for (int[] probe : probes) {
                boolean isMated = subjects.contains(probe[1]);
                mated += isMated ? 1 : 0;
                nonMated += isMated ? 0 : 1;
                String probeIds = present.get(probe[0]);
                if (probeIds == null) {
                    continue; // failed to acquire: a miss, or no candidate
                }
                List<double[]> candidates = new ArrayList<>(); // score, is the mate
                for (int[] entry : gallery) {
                    String enrolled = present.get(entry[0]);
                    if (enrolled != null) {
                        candidates.add(new double[] {score(enrolled, probeIds, imagesPerSubject),
                                entry[1] == probe[1] ? 1 : 0});
                    }
                }
                candidates.sort((x, y) -> Double.compare(y[0], x[0]));
                List<double[]> top = candidates.subList(0, Math.min(10, candidates.size()));
                if (!isMated) {
                    nonMatedTops.add(top.get(0)[0]);
                    continue;
                }
                for (int rank = 1; rank <= top.size(); rank++) {
                    if (top.get(rank - 1)[1] == 1) {
                        hitsAtRank[rank]++;
                        if (rank == 1) {
                            mateScoresAtRank1.add(top.get(0)[0]);
                        }
                        break;
                    }
                }
            }
            JsonNode actual = galleries.get(g);
            assertThat(actual.path("gallery_id").asText()).isEqualTo(galleryName);
            assertThat(actual.path("searches").path("mated_searches").asLong()).isEqualTo(mated);
            assertThat(actual.path("searches").path("non_mated_searches").asLong()).isEqualTo(nonMated);
            assertThat(mated + nonMated).isEqualTo(probes.size());
            int[] ranks = {1, 5, 10};
            for (int r = 0; r < ranks.length; r++) {
                int hits = 0;
                for (int k = 1; k <= ranks[r]; k++) {
                    hits += hitsAtRank[k];
                }
                JsonNode cmc = actual.path("cmc").get(ranks[r] - 1);
                assertThat(cmc.path("hits").asLong()).as("%s rank-%d hits", galleryName, ranks[r]).isEqualTo(hits);
                assertThat(cmc.path("mated_searches").asLong()).isEqualTo(mated);
                rankSums[r] += (double) hits / mated;
            }
            // TPIR at FPIR, R = 1: the lowest observed score whose FPIR is at most the target.
            List<Double> thresholds = new ArrayList<>(nonMatedTops);
            thresholds.addAll(mateScoresAtRank1);
            double highestTop = nonMatedTops.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            if (thresholds.stream().noneMatch(t -> t > highestTop)) {
                thresholds.add(Math.nextUp(highestTop));
            }
            thresholds.sort(null);
            for (int i = 0; i < targets.size(); i++) {
                double f = targets.get(i);
                long n = nonMated;
                double threshold = thresholds.stream().filter(t -> nonMatedTops.stream().filter(v -> v >= t).count()
                        <= f * n).findFirst().orElseThrow();
                long falsePositives = nonMatedTops.stream().filter(v -> v >= threshold).count();
                long found = mateScoresAtRank1.stream().filter(v -> v >= threshold).count();
                JsonNode point = actual.path("fpir_operating_points").get(i);
                assertThat(point.path("fpir_target").asDouble()).isEqualTo(f);
                assertThat(point.path("rank").asInt()).isEqualTo(1);
                assertThat(point.path("supported").asBoolean()).isEqualTo(nonMated >= Math.ceil(3 / f));
                assertThat(point.path("threshold").asDouble()).as("%s threshold at %s", galleryName, f)
                        .isEqualTo(threshold);
                assertThat(point.path("false_positive_searches").asLong()).isEqualTo(falsePositives);
                assertThat(point.path("missed_mated_searches").asLong()).as("%s misses at %s", galleryName, f)
                        .isEqualTo(mated - found);
                tpirSums[i] += (double) found / mated;
            }
        }
        JsonNode average = metrics.path("gallery_average");
        for (int r = 0; r < 3; r++) {
            assertThat(average.path("rank_rates").get(r).path("identification_rate").asDouble())
                    .isCloseTo(rankSums[r] / 2, org.assertj.core.data.Offset.offset(1e-12));
        }
        for (int i = 0; i < 2; i++) {
            assertThat(average.path("fpir_operating_points").get(i).path("tpir").asDouble())
                    .isCloseTo(tpirSums[i] / 2, org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(runDir.resolve("tables/gallery-average.csv")).exists();
        assertThat(metrics.path("tables").toString()).contains("tables/gallery-average.csv");
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
