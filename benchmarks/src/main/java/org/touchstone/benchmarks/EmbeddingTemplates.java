package org.touchstone.benchmarks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.touchstone.api.Template;
import org.touchstone.reference.identification.EmbeddingCodec;

/** Float embeddings as templates (float32 little-endian, the layout embedding systems commonly use). */
final class EmbeddingTemplates {
    private EmbeddingTemplates() {
    }

    /**
     * @param dimension values per embedding
     * @return a codec reading templates that are the embedding itself
     */
    static EmbeddingCodec codec(int dimension) {
        return new EmbeddingCodec() {
            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public void decode(Template template, float[] out) throws InvalidEmbeddingException {
                if (template.size() != 4 * dimension) {
                    throw new InvalidEmbeddingException("expected " + 4 * dimension + " bytes, got " + template.size());
                }
                template.buffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            }
        };
    }

    /**
     * @param count     how many
     * @param dimension values per embedding
     * @param seed      the random seed
     * @return Gaussian random embeddings as templates
     */
    static List<Template> random(int count, int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Template> templates = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ByteBuffer b = ByteBuffer.allocate(4 * dimension).order(ByteOrder.LITTLE_ENDIAN);
            for (int d = 0; d < dimension; d++) {
                b.putFloat((float) random.nextGaussian());
            }
            templates.add(Template.of(b.array()));
        }
        return templates;
    }
}
