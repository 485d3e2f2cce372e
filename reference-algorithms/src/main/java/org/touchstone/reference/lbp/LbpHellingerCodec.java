package org.touchstone.reference.lbp;

import org.touchstone.api.Template;
import org.touchstone.reference.identification.EmbeddingCodec;

/**
 * Reads an LBP template as an embedding for cosine search: the element-wise square root of its
 * histograms (the Hellinger map). For histograms that each sum to one, the cosine of two such
 * embeddings is the mean Bhattacharyya coefficient of the cells: the system's default 1:1 similarity,
 * computed by exact inner-product search.
 */
final class LbpHellingerCodec implements EmbeddingCodec {
    private final LbpTemplateFormat format;
    private final int dimension;

    LbpHellingerCodec(LbpSettings settings) {
        this.format = new LbpTemplateFormat(settings);
        this.dimension = settings.cells() * UniformPatterns.LABELS;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public void decode(Template template, float[] out) throws InvalidEmbeddingException {
        float[][] histograms = format.newHistograms();
        try {
            format.decode(template, histograms);
        } catch (LbpTemplateFormat.InvalidTemplateException e) {
            throw new InvalidEmbeddingException(e.getMessage());
        }
        int i = 0;
        for (float[] row : histograms) {
            for (float value : row) {
                out[i++] = (float) Math.sqrt(Math.max(0f, value));
            }
        }
    }
}
