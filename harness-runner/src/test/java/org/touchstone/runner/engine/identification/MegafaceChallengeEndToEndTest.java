package org.touchstone.runner.engine.identification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.ProtocolDefinition;
import org.touchstone.protocols.ProtocolLoader;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.importers.DatasetImporters;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.protocols.importers.megaface.MegafaceDevkit;
import org.touchstone.protocols.importers.megaface.MegafaceFixture;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.testsystems.IdentificationScoreOracleProvider;

/**
 * megaface-c1@1.0.0 end to end on the importer's fixture (6 FaceScrub identities of 3 images, distractor lists of
 * 10 and 100 whose last distractor is absent), with one FaceScrub image removed as well: a system whose every score
 * is fixed here, and rank-1 .. 3 and TAR at FAR checked against brute force over every distractor of each list.
 */
class MegafaceChallengeEndToEndTest {
    private static final String MISSING_PROBE = "Actor_B_Name/Actor_B_Name_2.png";

    /** The FaceScrub identity of a sample id, null for a distractor. */
    private static String identity(String sampleId) {
        return sampleId.startsWith("facescrub/") ? sampleId.split("/")[1] : null;
    }

    /** Genuine in [0.35, 1), distractors in [0, 0.75), three decimals so that ties happen. */
    static double score(String enrolled, String probe) {
        long h = (enrolled + "|" + probe).hashCode() * 2654435761L;
        double u = Math.floorMod(h, 1000) / 1000.0;
        String a = identity(enrolled);
        return a != null && a.equals(identity(probe)) ? Math.round((0.35 + 0.65 * u) * 1000) / 1000.0
                : Math.round(0.75 * u * 1000) / 1000.0;
    }

    @Test
    void ranksAndTarAtFarMatchBruteForceOverEveryDistractor(@TempDir Path temp) throws Exception {
        Path copy = new MegafaceFixture(6, 3, 20261206L).write(temp.resolve("copy"));
        Files.delete(copy.resolve(MegafaceDevkit.DEFAULT_FACESCRUB_IMAGES).resolve(MISSING_PROBE));
        var importer = DatasetImporters.load().get("megaface");
        ImportReport imported = importer.importDataset(new ImportRequest(copy, temp.resolve("data"),
                DatasetImporters.options(importer, Map.of())));
        DatasetManifest manifest = ManifestLoader.load(imported.manifest());

        ProtocolDefinition released = ProtocolRepository.builtIn().resolve("megaface-c1@1.0.0");
        // The same design with FAR targets this small set can place (the released 1e-6 needs 3M impostors).
        String text = released.yaml().replace("id: megaface-c1", "id: megaface-c1-test")
                .replace("far_targets: [1.0e-6]", "far_targets: [1.0e-1, 2.0e-2, 1.0e-6]");
        ProtocolDefinition wider = ProtocolLoader.parse("megaface-c1-test.yaml", text.getBytes(StandardCharsets.UTF_8),
                null);
        for (ProtocolDefinition protocol : List.of(released, wider)) {
            Path runDir = temp.resolve("run-" + protocol.id());
            new ProtocolRunner(Progress.silent()).run(new RunRequest("megaface", protocol, manifest, "megaface",
                    new IdentificationScoreOracleProvider(MegafaceChallengeEndToEndTest::score), Optional.empty(),
                    runDir, 2));
            check(runDir, copy, protocol.identification().orElseThrow().megafaceChallenge().orElseThrow().farTargets());
        }
    }

    private static void check(Path runDir, Path copy, List<Double> farTargets) throws Exception {
        List<String> probes = new ArrayList<>();
        for (int person = 0; person < 6; person++) {
            String name = "Actor_" + (char) ('A' + person) + "_Name";
            for (int i = 1; i <= 3; i++) {
                probes.add("facescrub/" + name + "/" + name + "_" + i + ".png");
            }
        }
        String missing = "facescrub/" + MISSING_PROBE;
        JsonNode metrics = new ObjectMapper().readTree(runDir.resolve("metrics.json").toFile());
        assertThat(metrics.path("design").asText()).isEqualTo("megaface-c1");
        assertThat(metrics.path("identities").asInt()).isEqualTo(6);
        assertThat(metrics.path("genuine_pairs").asLong()).isEqualTo(36);
        JsonNode galleries = metrics.path("galleries");
        assertThat(galleries).hasSize(2);
        // The missing FaceScrub image fails in both roles; the absent distractor fails to enrol.
        JsonNode fte = metrics.path("failure_to_enrol");
        assertThat(fte.get(0).path("role").asText()).isEqualTo("identification_enrolment");
        assertThat(fte.get(0).path("failed_templates").asLong()).isEqualTo(2);
        assertThat(fte.get(0).path("templates").asLong()).isEqualTo(118);
        assertThat(fte.get(1).path("failed_templates").asLong()).isEqualTo(1);
        assertThat(fte.get(1).path("templates").asLong()).isEqualTo(18);

        for (int s = 0; s < 2; s++) {
            int size = List.of(10, 100).get(s);
            List<String> distractors = new ArrayList<>();
            for (int d = 0; d < size; d++) {
                // The fixture's last distractor of the 100 list is absent: never enrolled, never scored.
                if (d < 99) {
                    distractors.add("megaface/" + MegafaceFixture.distractorPath(d));
                }
            }
            JsonNode gallery = galleries.get(s);
            assertThat(gallery.path("gallery_id").asText()).isEqualTo(String.format("G%07d", size));
            assertThat(gallery.path("distractor_subjects").asLong()).isEqualTo(size);
            assertThat(gallery.path("enrolled_templates").asLong()).isEqualTo(distractors.size());

            // Brute force: every ordered pair (g enrolled, p probe) of one identity.
            long[] hits = new long[4];
            List<Double> genuine = new ArrayList<>();
            List<Double> impostor = new ArrayList<>();
            for (String p : probes) {
                if (p.equals(missing)) {
                    continue;
                }
                for (String d : distractors) {
                    impostor.add(score(d, p));
                }
                for (String g : probes) {
                    if (g.equals(p) || g.equals(missing) || !identity(g).equals(identity(p))) {
                        continue;
                    }
                    double sg = score(g, p);
                    genuine.add(sg);
                    long atOrAbove = distractors.stream().filter(d -> score(d, p) >= sg).count();
                    for (int r = 1; r <= 3; r++) {
                        if (atOrAbove + 1 <= r) {
                            hits[r]++;
                        }
                    }
                }
            }
            assertThat(genuine).hasSize(32);   // 36 pairs, 4 with the missing image
            for (int r = 1; r <= 3; r++) {
                JsonNode rate = gallery.path("cmc").get(r - 1);
                assertThat(rate.path("hits").asLong()).as("rank-%d hits at %d distractors", r, size).isEqualTo(hits[r]);
                assertThat(rate.path("mated_searches").asLong()).isEqualTo(36);
            }
            long impostors = 18L * size;
            List<Double> observed = new ArrayList<>(genuine);
            observed.addAll(impostor);
            observed.sort(null);
            JsonNode points = gallery.path("tar_operating_points");
            assertThat(points).hasSize(farTargets.size());
            for (int i = 0; i < farTargets.size(); i++) {
                double f = farTargets.get(i);
                double threshold = Double.NaN;
                for (double t : observed) {
                    if ((double) impostor.stream().filter(v -> v >= t).count() / impostors <= f) {
                        threshold = t;
                        break;
                    }
                }
                double t = threshold;
                JsonNode point = points.get(i);
                assertThat(point.path("supported").asBoolean()).isEqualTo(impostors >= Math.ceil(3 / f));
                assertThat(point.path("impostor_comparisons").asLong()).isEqualTo(impostors);
                assertThat(point.path("genuine_pairs").asLong()).isEqualTo(36);
                assertThat(point.path("threshold").asDouble()).as("threshold at FAR %s, %d distractors", f, size)
                        .isEqualTo(t);
                assertThat(point.path("false_accepts").asLong()).isEqualTo(impostor.stream().filter(v -> v >= t).count());
                assertThat(point.path("accepted_genuine_pairs").asLong())
                        .isEqualTo(genuine.stream().filter(v -> v >= t).count());
            }
        }
        // Rank-1 falls as distractors are added, and the summary's headline is the largest set's.
        assertThat(galleries.get(1).path("cmc").get(0).path("hits").asLong())
                .isLessThan(galleries.get(0).path("cmc").get(0).path("hits").asLong());
        String card = Files.readString(runDir.resolve("report.html"));
        assertThat(card).contains("Rank-1 identification rate").contains("G0000100");
    }
}
