package org.touchstone.runner.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.Attribute;
import org.touchstone.api.AttributeAnalyzer;
import org.touchstone.api.AttributeEstimate;
import org.touchstone.api.Capability;
import org.touchstone.api.FaceAnalysis;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.Result;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.protocols.importers.DatasetImporter;
import org.touchstone.protocols.importers.DatasetImporters;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;

/**
 * utkface-attributes and fairface-attributes end to end on their imported fixtures, with an analyzer whose every
 * answer is fixed in advance from the image's own name, and the per-group numbers checked against arithmetic done
 * here on the manifest's labels: sex accuracy and coverage per race, and (UTKFace) age MAE per race.
 */
class AttributeDatasetsEndToEndTest {
    /** Answers from a function of the image id: its sex and age estimates, confidence 0.9. */
    static final class ScriptedAnalyzer implements FaceSystemProvider {
        private final Function<String, List<AttributeEstimate>> answers;
        private final List<Attribute> attributes;

        ScriptedAnalyzer(List<Attribute> attributes, Function<String, List<AttributeEstimate>> answers) {
            this.attributes = attributes;
            this.answers = answers;
        }

        @Override
        public SystemDescriptor descriptor() {
            return SystemDescriptor.builder("test-scripted-analyzer").vendor("t").name("t").version("1")
                    .capabilities(Capability.ANALYSIS).attributes(attributes.toArray(Attribute[]::new)).build();
        }

        @Override
        public FaceSystem open(SystemContext context) {
            AttributeAnalyzer analyzer = image -> Result.success(List.of(FaceAnalysis.of(null, 0.99,
                    answers.apply(image.id()))));
            return new FaceSystem() {
                @Override
                public Optional<AttributeAnalyzer> analyzer() {
                    return Optional.of(analyzer);
                }
            };
        }
    }

    private static DatasetManifest imported(String kind, Path temp) throws Exception {
        DatasetImporter importer = DatasetImporters.load().get(kind);
        ImportReport report = importer.importDataset(new ImportRequest(importer.writeFixture(temp.resolve("copy")),
                temp.resolve("data"), DatasetImporters.options(importer, Map.of())));
        return ManifestLoader.load(report.manifest());
    }

    private static JsonNode run(String protocol, DatasetManifest manifest, FaceSystemProvider system, Path runDir)
            throws Exception {
        new ProtocolRunner(Progress.silent()).run(new RunRequest("t", ProtocolRepository.builtIn().resolve(protocol),
                manifest, "t", system, Optional.empty(), runDir, 2));
        return new ObjectMapper().readTree(runDir.resolve("metrics.json").toFile());
    }

    private static JsonNode attribute(JsonNode metrics, String name) {
        for (JsonNode a : metrics.path("attributes")) {
            if (a.path("attribute").asText().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no attribute " + name + " in " + metrics.path("attributes"));
    }

    private static Map<String, JsonNode> groups(JsonNode attribute, String column) {
        Map<String, JsonNode> groups = new HashMap<>();
        for (JsonNode c : attribute.path("groups")) {
            if (c.path("group_column").asText().equals(column)) {
                c.path("groups").forEach(g -> groups.put(g.path("group").asText(), g));
            }
        }
        return groups;
    }

    @Test
    void utkfaceSexAccuracyAndAgeErrorByRace(@TempDir Path temp) throws Exception {
        DatasetManifest manifest = imported("utkface", temp);
        // Always "female"; age off by +5 where the race code is even (and for the name without race), else by -3.
        ScriptedAnalyzer system = new ScriptedAnalyzer(List.of(Attribute.SEX, Attribute.AGE), id -> {
            String[] f = id.split("_");
            int age = Integer.parseInt(f[0]);
            boolean even = f.length < 4 || Integer.parseInt(f[2]) % 2 == 0;
            return List.of(AttributeEstimate.label(Attribute.SEX, "female", 0.9),
                    AttributeEstimate.value(Attribute.AGE, even ? age + 5 : Math.max(0, age - 3), 0.9));
        });
        JsonNode metrics = run("utkface-attributes@1.0.0", manifest, system, temp.resolve("run"));

        Map<String, int[]> expected = new HashMap<>(); // race -> {images, female, age error sum}
        for (Sample s : manifest.samples()) {
            String race = s.groups().get("race");
            if (race == null) {
                continue;
            }
            int[] e = expected.computeIfAbsent(race, r -> new int[3]);
            e[0]++;
            e[1] += s.labels().get("sex").equals("female") ? 1 : 0;
            int age = Integer.parseInt(s.labels().get("age"));
            e[2] += List.of("White", "Asian", "Others").contains(race) ? 5 : Math.min(3, age);
        }
        assertThat(expected).hasSize(5);
        Map<String, JsonNode> sexByRace = groups(attribute(metrics, "sex"), "race");
        Map<String, JsonNode> ageByRace = groups(attribute(metrics, "age"), "race");
        for (Map.Entry<String, int[]> race : expected.entrySet()) {
            int[] e = race.getValue();
            JsonNode point = sexByRace.get(race.getKey()).path("operating_points").get(0);
            assertThat(point.path("decided").asInt()).as(race.getKey()).isEqualTo(e[0]);
            assertThat(point.path("correct").asInt()).as(race.getKey()).isEqualTo(e[1]);
            assertThat(point.path("accuracy").asDouble()).as(race.getKey()).isEqualTo((double) e[1] / e[0]);
            assertThat(ageByRace.get(race.getKey()).path("all_estimates").path("mean_absolute_error").asDouble())
                    .as(race.getKey()).isCloseTo((double) e[2] / e[0], org.assertj.core.data.Offset.offset(1e-12));
        }
        // The one name without a race is outside the race groups, not guessed into one.
        assertThat(groups(attribute(metrics, "sex"), "race")).doesNotContainKey("");
        assertThat(attribute(metrics, "sex").path("groups").findValues("images_outside_groups").stream()
                .mapToInt(JsonNode::asInt).max().orElse(-1)).isEqualTo(1);
    }

    @Test
    void fairfaceCountsTheMissingImageAndScoresSexByRace(@TempDir Path temp) throws Exception {
        DatasetManifest manifest = imported("fairface", temp);
        ScriptedAnalyzer system = new ScriptedAnalyzer(List.of(Attribute.SEX),
                id -> List.of(AttributeEstimate.label(Attribute.SEX, "male", 0.95)));
        JsonNode metrics = run("fairface-attributes@1.0.0", manifest, system, temp.resolve("run"));
        JsonNode sex = attribute(metrics, "sex");
        long present = manifest.samples().stream().filter(s -> !s.missing()).count();
        long malePresent = manifest.samples().stream().filter(s -> !s.missing() && s.labels().get("sex").equals("male"))
                .count();
        assertThat(manifest.samples()).hasSize(21);
        assertThat(present).isEqualTo(20);
        JsonNode overall = sex.path("operating_points").get(0);
        assertThat(overall.path("images").asInt()).isEqualTo(21);
        assertThat(overall.path("decided").asInt()).isEqualTo(20);
        assertThat(overall.path("correct").asLong()).isEqualTo(malePresent);
        Map<String, JsonNode> byRace = groups(sex, "race");
        assertThat(byRace).containsKeys("East Asian", "Latino_Hispanic", "Middle Eastern");
        for (Map.Entry<String, JsonNode> race : byRace.entrySet()) {
            long male = manifest.samples().stream().filter(s -> !s.missing() && race.getKey().equals(s.groups().get("race"))
                    && s.labels().get("sex").equals("male")).count();
            assertThat(race.getValue().path("operating_points").get(0).path("correct").asLong()).as(race.getKey())
                    .isEqualTo(male);
        }
    }
}
