package org.touchstone.reference.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.touchstone.api.Candidate;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Result;
import org.touchstone.api.Template;

class ExactCosineIdentifierTest {
    /** Templates here are the embedding itself, float32 little-endian. */
    private static final EmbeddingCodec RAW = new EmbeddingCodec() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void decode(Template template, float[] out) throws InvalidEmbeddingException {
            if (template.size() != 4 * out.length) {
                throw new InvalidEmbeddingException("expected " + 4 * out.length + " bytes, got " + template.size());
            }
            template.buffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        }
    };

    private static Template vector(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return Template.of(b.array());
    }

    private static Gallery gallery(EmbeddingCodec codec, List<GalleryEntry> entries) {
        Result<Gallery> result = new ExactCosineIdentifier((images, role) -> Result.failure(FailureCode.NOT_IMPLEMENTED,
                ""), codec).finalizeEnrolment(entries, Path.of("."));
        return result.value();
    }

    @Test
    void candidatesAreTheHighestCosinesInOrder() {
        Gallery g = gallery(RAW, List.of(new GalleryEntry("east", vector(1, 0)), new GalleryEntry("north", vector(0, 5)),
                new GalleryEntry("north-east", vector(2, 2)), new GalleryEntry("west", vector(-3, 0))));
        List<Candidate> top = g.search(vector(1, 1), 3).value();
        // cos((1,1),(2,2)) = 1; cos((1,1),(1,0)) = cos((1,1),(0,5)) = 1/sqrt(2): a tie, earlier enrolment first.
        assertThat(top).extracting(Candidate::templateId).containsExactly("north-east", "east", "north");
        assertThat(top.get(0).score()).isCloseTo(1.0, within(1e-6));
        assertThat(top.get(1).score()).isCloseTo(Math.sqrt(0.5), within(1e-6));
        assertThat(top.get(2).score()).isEqualTo(top.get(1).score());
        assertThat(g.search(vector(1, 0), 10).value()).hasSize(4).last()
                .satisfies(c -> assertThat(c.score()).isCloseTo(-1.0, within(1e-6)));
    }

    @Test
    void badProbesFailAloneAndBadEnrolmentsFailTheGallery() {
        Gallery g = gallery(RAW, List.of(new GalleryEntry("a", vector(1, 0))));
        List<Result<List<Candidate>>> results = g.searchMany(List.of(vector(0, 0), vector(1, 2, 3), vector(0, 1)), 1);
        assertThat(results.get(0).failure().orElseThrow().message()).contains("zero vector");
        assertThat(results.get(1).failure().orElseThrow().code()).isEqualTo(FailureCode.VERIF_TEMPLATE_ERROR);
        assertThat(results.get(2).value()).extracting(Candidate::templateId).containsExactly("a");
        Result<Gallery> bad = new ExactCosineIdentifier((images, role) -> null, RAW).finalizeEnrolment(
                List.of(new GalleryEntry("a", vector(1, 0)), new GalleryEntry("b", vector(1))), Path.of("."));
        assertThat(bad.failure().orElseThrow().code()).isEqualTo(FailureCode.TEMPLATE_FORMAT_ERROR);
        assertThat(bad.failure().orElseThrow().message()).contains("'b'");
        Result<Gallery> duplicate = new ExactCosineIdentifier((images, role) -> null, RAW).finalizeEnrolment(
                List.of(new GalleryEntry("a", vector(1, 0)), new GalleryEntry("a", vector(0, 1))), Path.of("."));
        assertThat(duplicate.failure().orElseThrow().message()).contains("'a' is already enrolled");
        assertThat(g.search(vector(1, 0), 0).failure().orElseThrow().code()).isEqualTo(FailureCode.REFUSE_INPUT);
    }

    @Test
    void insertAndRemoveKeepSearchesExact() {
        List<GalleryEntry> entries = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            double angle = i * 0.01;
            entries.add(new GalleryEntry("t" + i, vector((float) Math.cos(angle), (float) Math.sin(angle))));
        }
        Gallery g = gallery(RAW, entries);
        assertThat(g.size()).isEqualTo(150);
        Template probe = vector((float) Math.cos(0.505), (float) Math.sin(0.505));
        assertThat(g.search(probe, 2).value()).extracting(Candidate::templateId).containsExactly("t50", "t51");

        assertThat(g.remove("t50").isSuccess()).isTrue();
        assertThat(g.remove("t50").failure().orElseThrow().message()).contains("not enrolled");
        assertThat(g.size()).isEqualTo(149);
        assertThat(g.search(probe, 3).value()).extracting(Candidate::templateId).containsExactly("t51", "t49", "t52");
        // t149 was moved into t50's slot; it must still be found, with its own score.
        Template last = vector((float) Math.cos(1.49), (float) Math.sin(1.49));
        assertThat(g.search(last, 1).value().get(0).templateId()).isEqualTo("t149");

        assertThat(g.insert(new GalleryEntry("t50", vector((float) Math.cos(0.5), (float) Math.sin(0.5)))).isSuccess())
                .isTrue();
        assertThat(g.insert(new GalleryEntry("t51", vector(1, 0))).failure().orElseThrow().message())
                .contains("already enrolled");
        // The probe lies half-way between t50 and t51: a tie, now won by t51, the earlier enrolment.
        List<Candidate> tie = g.search(probe, 2).value();
        assertThat(tie).extracting(Candidate::templateId).containsExactly("t51", "t50");
        assertThat(tie.get(0).score()).isEqualTo(tie.get(1).score());
        for (int i = 0; i < 150; i++) {
            assertThat(g.remove("t" + i).isSuccess()).as("remove t%d", i).isTrue();
        }
        assertThat(g.size()).isZero();
        assertThat(g.search(probe, 5).value()).isEmpty();
    }

    @Test
    void aGalleryOfSeveralBlocksGrowsShrinksAndRefillsExactly() {
        // Inserts fill blocks one at a time; removals move the last template into the freed slot and drop
        // an emptied block. At every step each search must equal brute force.
        int dimension = 13;
        SplittableRandom random = new SplittableRandom(5);
        float[][] vectors = gaussian(random, 2 * ExactCosineGallery.BLOCK + 100, dimension);
        List<Template> probes = List.of(gaussian(random, 3, dimension)).stream()
                .map(ExactCosineIdentifierTest::vector).toList();
        java.util.Map<String, float[]> enrolled = new java.util.LinkedHashMap<>();
        List<GalleryEntry> first = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            first.add(new GalleryEntry("g" + i, vector(vectors[i])));
            enrolled.put("g" + i, vectors[i]);
        }
        Gallery g = gallery(raw(dimension), first);
        assertSearchesExact(g, enrolled, probes);
        int grown = 2 * ExactCosineGallery.BLOCK + 37;
        for (int i = first.size(); i < grown; i++) {
            assertThat(g.insert(new GalleryEntry("g" + i, vector(vectors[i]))).isSuccess()).isTrue();
            enrolled.put("g" + i, vectors[i]);
            if (i % 97 == 0) {
                assertSearchesExact(g, enrolled, probes);
            }
        }
        assertSearchesExact(g, enrolled, probes);
        // Down past a block boundary: every third template, then enough more to empty the last block.
        List<String> ids = new ArrayList<>(enrolled.keySet());
        for (int i = 0; i < ids.size(); i += 3) {
            assertThat(g.remove(ids.get(i)).isSuccess()).isTrue();
            enrolled.remove(ids.get(i));
        }
        assertThat(g.size()).isEqualTo(enrolled.size()).isLessThan(2 * ExactCosineGallery.BLOCK);
        assertSearchesExact(g, enrolled, probes);
        // And back up into a new block.
        for (int i = grown; i < vectors.length; i++) {
            assertThat(g.insert(new GalleryEntry("g" + i, vector(vectors[i]))).isSuccess()).isTrue();
            enrolled.put("g" + i, vectors[i]);
        }
        assertSearchesExact(g, enrolled, probes);
    }

    /** Every probe's 10 candidates and their scores are brute force's over the enrolled vectors. */
    private static void assertSearchesExact(Gallery g, java.util.Map<String, float[]> enrolled, List<Template> probes) {
        assertThat(g.size()).isEqualTo(enrolled.size());
        List<Result<List<Candidate>>> results = g.searchMany(probes, 10);
        for (int p = 0; p < probes.size(); p++) {
            float[] raw = new float[enrolled.values().iterator().next().length];
            probes.get(p).buffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(raw);
            float[] q = normalised(raw);
            List<String> expected = enrolled.keySet().stream()
                    .sorted(Comparator.comparingDouble((String id) -> -floatScore(q, normalised(enrolled.get(id)))))
                    .limit(10).toList();
            assertThat(results.get(p).value()).extracting(Candidate::templateId).as("probe %d of %d templates", p,
                    enrolled.size()).containsExactlyElementsOf(expected);
            for (Candidate c : results.get(p).value()) {
                assertThat(c.score()).isEqualTo((double) floatScore(q, normalised(enrolled.get(c.templateId()))));
            }
        }
    }

    @Test
    void largeGalleriesSearchedInParallelMatchBruteForce() {
        int dimension = 6;
        SplittableRandom random = new SplittableRandom(42);
        int n = 40_000;
        float[][] vectors = gaussian(random, n, dimension);
        Gallery g = gallery(raw(dimension), entries(vectors));
        // More probes than one tile of the kernel, with a remainder.
        List<float[]> probeVectors = List.of(gaussian(random, ExactCosineGallery.PROBE_TILE + 5, dimension));
        List<Template> probes = probeVectors.stream().map(ExactCosineIdentifierTest::vector).toList();
        List<Result<List<Candidate>>> results = g.searchMany(probes, 10);
        for (int p = 0; p < probes.size(); p++) {
            // Brute force by the gallery's definition of the score (the float sum of normalised products in
            // dimension order), so that near-ties closer than float rounding rank as the gallery must rank them.
            float[] q = normalised(probeVectors.get(p));
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add(i);
            }
            expected.sort(Comparator.comparingDouble((Integer i) -> -floatScore(q, normalised(vectors[i])))
                    .thenComparing(i -> i));
            List<String> expectedIds = expected.subList(0, 10).stream().map(i -> "g" + i).toList();
            assertThat(results.get(p).value()).extracting(Candidate::templateId).as("probe %d", p)
                    .containsExactlyElementsOf(expectedIds);
            assertThat(g.search(probes.get(p), 10).value()).isEqualTo(results.get(p).value());
        }
    }

    @Test
    void everyScoreIsTheSequentialFloatSumOfTheNormalisedProductsToTheLastBit() {
        // Dimensions that leave a remainder after the kernel's passes of eight, and one below eight; probe
        // counts below one tile of the kernel and across several tiles with a remainder.
        for (int dimension : new int[] {3, 13, 37, 512}) {
            SplittableRandom random = new SplittableRandom(dimension);
            int n = 150;
            float[][] vectors = gaussian(random, n, dimension);
            Gallery g = gallery(raw(dimension), entries(vectors));
            int probeCount = dimension == 37 ? 2 * ExactCosineGallery.PROBE_TILE + 7 : 3;
            List<float[]> probeVectors = List.of(gaussian(random, probeCount, dimension));
            List<Template> probes = probeVectors.stream().map(ExactCosineIdentifierTest::vector).toList();
            List<Result<List<Candidate>>> results = g.searchMany(probes, n);
            for (int p = 0; p < probes.size(); p++) {
                float[] q = normalised(probeVectors.get(p));
                for (Candidate c : results.get(p).value()) {
                    float[] t = normalised(vectors[Integer.parseInt(c.templateId().substring(1))]);
                    float expected = 0f;
                    for (int d = 0; d < dimension; d++) {
                        expected += q[d] * t[d];
                    }
                    assertThat(c.score()).as("dimension %d, probe %d, %s", dimension, p, c.templateId())
                            .isEqualTo((double) expected);
                }
            }
        }
    }

    /** @return a codec of float32 templates of this dimension */
    private static EmbeddingCodec raw(int dimension) {
        return new EmbeddingCodec() {
            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public void decode(Template template, float[] out) throws InvalidEmbeddingException {
                RAW.decode(template, out);
            }
        };
    }

    private static float[][] gaussian(SplittableRandom random, int count, int dimension) {
        float[][] vectors = new float[count][dimension];
        for (float[] v : vectors) {
            for (int d = 0; d < dimension; d++) {
                v[d] = (float) random.nextGaussian();
            }
        }
        return vectors;
    }

    /** @return the vectors enrolled as g0, g1, ... */
    private static List<GalleryEntry> entries(float[][] vectors) {
        List<GalleryEntry> entries = new ArrayList<>(vectors.length);
        for (int i = 0; i < vectors.length; i++) {
            entries.add(new GalleryEntry("g" + i, vector(vectors[i])));
        }
        return entries;
    }

    /** The gallery's score of normalised vectors: products added in float, in dimension order. */
    private static float floatScore(float[] q, float[] t) {
        float score = 0f;
        for (int d = 0; d < q.length; d++) {
            score += q[d] * t[d];
        }
        return score;
    }

    /** Unit length as the gallery scales: the norm in double, one float scale, each value rounded. */
    private static float[] normalised(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        float scale = (float) (1 / Math.sqrt(sum));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }
}
