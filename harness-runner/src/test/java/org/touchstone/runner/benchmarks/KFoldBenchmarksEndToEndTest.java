package org.touchstone.runner.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.protocols.importers.DatasetImporter;
import org.touchstone.protocols.importers.DatasetImporters;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.reports.RunReports;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.testsystems.KnownScoreProvider;

/**
 * Each k-fold benchmark protocol end to end on its importer's native-layout fixture: fixture, import, run
 * with a system whose every score is known in advance ({@link KnownScoreProvider}), report; then the
 * k-fold accuracy, its standard error, each fold's accuracy and the pooled rates at the system's threshold
 * are recomputed here from the imported pair list alone, by brute force, and must agree with metrics.json.
 * Each fixture lacks one image the protocol names: its pairs must be in the numbers as failures.
 */
class KFoldBenchmarksEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> benchmarks() {
        return Stream.of(
                Arguments.of("lfw", Map.of(), "lfw-view2@1.0.0", "lfw-view2", 10, true),
                Arguments.of("cfp", Map.of(), "cfp-ff@1.0.0", "cfp-ff", 10, false),
                Arguments.of("cfp", Map.of(), "cfp-fp@1.0.0", "cfp-fp", 10, true),
                Arguments.of("calfw", Map.of(), "calfw@1.0.0", "calfw", 10, true),
                Arguments.of("cplfw", Map.of(), "cplfw@1.0.0", "cplfw", 10, true),
                Arguments.of("agedb", Map.of(), "agedb30@1.0.0", "agedb30", 10, true),
                Arguments.of("rfw", Map.of(), "rfw@1.0.0", "rfw", 10, true),
                Arguments.of("insightface-bin", Map.of(), "lfw-view2@1.0.0", "lfw-view2", 10, true));
    }

    /** One pair as the test recomputes it. */
    private record Expected(String enrolment, String probe, int fold, boolean mated, double score, String race) {
    }

    @ParameterizedTest(name = "{2} on the {0} fixture")
    @MethodSource("benchmarks")
    void kFoldAccuracyAndPooledRatesMatchIndependentArithmetic(String kind, Map<String, String> options,
                                                                String protocol, String list, int k,
                                                                boolean failedPairs, @TempDir Path tmp) throws Exception {
        DatasetImporter importer = DatasetImporters.load().get(kind);
        Path source = importer.writeFixture(tmp.resolve("fixture"));
        ImportReport imported = importer.importDataset(new ImportRequest(source, tmp.resolve("data"),
                DatasetImporters.options(importer, options)));
        assertThat(imported.missingImages()).as("every fixture lacks an image its protocol names").isNotEmpty();
        DatasetManifest manifest = ManifestLoader.load(imported.manifest());
        Map<String, String> subjects = new HashMap<>();
        manifest.samples().forEach(s -> subjects.put(s.sampleId(), s.subjectId()));

        Path runDir = tmp.resolve("run");
        new ProtocolRunner(Progress.silent()).run(new RunRequest("e2e", ProtocolRepository.builtIn().resolve(protocol),
                manifest, imported.manifest().toString(), new KnownScoreProvider(subjects), Optional.empty(), runDir, 2));
        RunReports.generate(runDir);
        JsonNode metrics = JSON.readTree(runDir.resolve("metrics.json").toFile());

        // The pairs, straight from the imported list's text and the manifest.
        List<Expected> pairs = new ArrayList<>();
        List<String> lines = Files.readAllLines(tmp.resolve("data/lists/" + list + ".csv"));
        assertThat(lines.get(0)).isEqualTo("enrolment_samples,probe_samples,fold");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            boolean mated = subjects.get(cells[0]).equals(subjects.get(cells[1]));
            boolean failed = manifest.sample(cells[0]).orElseThrow().missing()
                    || manifest.sample(cells[1]).orElseThrow().missing();
            pairs.add(new Expected(cells[0], cells[1], Integer.parseInt(cells[2]), mated,
                    failed ? Double.NaN : KnownScoreProvider.score(cells[0], cells[1], mated),
                    manifest.sample(cells[0]).orElseThrow().groups().get("race")));
        }
        assertThat(pairs.stream().anyMatch(p -> Double.isNaN(p.score))).as("pairs with a missing image")
                .isEqualTo(failedPairs);

        JsonNode kfold = metrics.path("kfold");
        assertThat(kfold.path("folds").asInt()).isEqualTo(k);
        assertThat(kfold.path("pairs").asInt()).isEqualTo(pairs.size());
        double[] thresholds = new double[k];
        double[] accuracies = kFold(pairs, k, thresholds);
        for (int f = 1; f <= k; f++) {
            assertThat(kfold.path("per_fold").get(f - 1).path("accuracy").asDouble()).as("fold %d", f)
                    .isEqualTo(accuracies[f - 1]);
        }
        assertThat(kfold.path("mean_accuracy").asDouble()).isCloseTo(mean(accuracies), within(1e-12));
        assertThat(kfold.path("standard_error").asDouble()).isCloseTo(standardError(accuracies), within(1e-12));

        // RFW: each race at its own thresholds and at the global ones.
        List<String> races = pairs.stream().map(p -> p.race).filter(r -> r != null).distinct().sorted().toList();
        assertThat(kfold.path("groups").path("race").size() > 0).isEqualTo(!races.isEmpty());
        for (String race : races) {
            List<Expected> ofRace = pairs.stream().filter(p -> race.equals(p.race)).toList();
            JsonNode node = kfold.path("groups").path("race").path(race);
            double[] own = kFold(ofRace, k, new double[k]);
            assertThat(node.path("own_thresholds").path("mean_accuracy").asDouble()).as(race)
                    .isCloseTo(mean(own), within(1e-12));
            assertThat(node.path("own_thresholds").path("standard_error").asDouble()).as(race)
                    .isCloseTo(standardError(own), within(1e-12));
            double[] global = new double[k];
            for (int f = 1; f <= k; f++) {
                int fold = f;
                global[f - 1] = accuracy(ofRace.stream().filter(p -> p.fold == fold).toList(), thresholds[f - 1]);
            }
            assertThat(node.path("global_thresholds").path("mean_accuracy").asDouble()).as(race)
                    .isCloseTo(mean(global), within(1e-12));
        }

        // Pooled, at the system's threshold 0.5: failed pairs are non-matches, never dropped.
        long genuine = pairs.stream().filter(p -> p.mated).count();
        long impostor = pairs.size() - genuine;
        long falseNonMatches = pairs.stream().filter(p -> p.mated && !(p.score >= 0.5)).count();
        long falseMatches = pairs.stream().filter(p -> !p.mated && p.score >= 0.5).count();
        JsonNode half = metrics.path("named_thresholds").get(0);
        assertThat(half.path("name").asText()).isEqualTo("half");
        assertThat(half.path("genuine_comparisons").asLong()).isEqualTo(genuine);
        assertThat(half.path("impostor_comparisons").asLong()).isEqualTo(impostor);
        assertThat(half.path("false_non_matches").asLong()).isEqualTo(falseNonMatches);
        assertThat(half.path("false_matches").asLong()).isEqualTo(falseMatches);
    }

    /** Brute force: per fold, every training score tried as the threshold; the best (lowest on ties) applied. */
    private static double[] kFold(List<Expected> pairs, int k, double[] thresholds) {
        double[] accuracies = new double[k];
        for (int f = 1; f <= k; f++) {
            int fold = f;
            List<Expected> train = pairs.stream().filter(p -> p.fold != fold).toList();
            List<Expected> test = pairs.stream().filter(p -> p.fold == fold).toList();
            double best = Double.POSITIVE_INFINITY;
            double bestAccuracy = accuracy(train, best);
            for (Expected candidate : train) {
                double a = accuracy(train, candidate.score);
                if (!Double.isNaN(candidate.score) && (a > bestAccuracy || a == bestAccuracy && candidate.score < best)) {
                    best = candidate.score;
                    bestAccuracy = a;
                }
            }
            thresholds[f - 1] = best;
            accuracies[f - 1] = accuracy(test, best);
        }
        return accuracies;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Sample standard deviation (n - 1) over sqrt(n). */
    private static double standardError(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1)) / Math.sqrt(values.length);
    }

    private static double accuracy(List<Expected> pairs, double t) {
        long correct = pairs.stream().filter(p -> (!Double.isNaN(p.score) && p.score >= t) == p.mated).count();
        return (double) correct / pairs.size();
    }
}
