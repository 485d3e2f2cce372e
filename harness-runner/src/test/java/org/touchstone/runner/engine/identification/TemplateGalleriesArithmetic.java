package org.touchstone.runner.engine.identification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * The arithmetic the template-gallery end-to-end tests share: per gallery, every mixed probe searched for 10
 * candidates among the gallery's templates that were made, with the scores the test's oracle gives; rank-1/5/10
 * hits, TPIR at FPIR 1e-1 and 1e-2 (R = 1), and their mean over the two galleries, compared with the run's
 * {@code metrics.json}.
 */
final class TemplateGalleriesArithmetic {
    private TemplateGalleriesArithmetic() {
    }

    /**
     * @param metrics      the run's metrics.json
     * @param galleryNames the two galleries' names, in the protocol's order
     * @param galleryRows  each gallery's templates: {TEMPLATE_ID, SUBJECT_ID}
     * @param probes       the mixed probe templates: {TEMPLATE_ID, SUBJECT_ID}
     * @param present      the templates that could be made, by id: their images' ids joined with ';'
     * @param score        the oracle's score of (enrolled ids, probe ids)
     */
    static void assertGalleries(JsonNode metrics, List<String> galleryNames, List<List<int[]>> galleryRows,
                                List<int[]> probes, Map<Integer, String> present,
                                ToDoubleBiFunction<String, String> score) {
        JsonNode galleries = metrics.path("galleries");
        assertThat(galleries).hasSize(2);
        List<Double> targets = List.of(1e-1, 1e-2);
        double[] rankSums = new double[3];
        double[] tpirSums = new double[2];
        for (int g = 0; g < 2; g++) {
            String galleryName = galleryNames.get(g);
            List<int[]> gallery = galleryRows.get(g);
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
                        candidates.add(new double[] {score.applyAsDouble(enrolled, probeIds),
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
        assertThat(metrics.path("tables").toString()).contains("tables/gallery-average.csv");
    }
}
