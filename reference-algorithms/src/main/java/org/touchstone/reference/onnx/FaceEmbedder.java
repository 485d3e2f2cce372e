package org.touchstone.reference.onnx;

import ai.onnxruntime.OrtException;
import java.util.List;

/**
 * Aligns a face to the embedding model's template by a similarity transform of its five landmarks, and
 * embeds the aligned face. The embedding is returned L2-normalised, so that the dot product of two is
 * their cosine similarity.
 */
final class FaceEmbedder {
    private final OnnxModel model;
    private final PipelineConfig.Embedding settings;
    private final double[][] template;

    /**
     * @param model    the opened embedding model
     * @param settings its configuration
     * @param template the five template points in the model's input pixels
     */
    FaceEmbedder(OnnxModel model, PipelineConfig.Embedding settings, double[][] template) {
        this.model = model;
        this.settings = settings;
        this.template = template;
    }

    /**
     * Warps the face onto the template (outside the image is black, as OpenCV's {@code warpAffine} gives).
     *
     * @param image      the image
     * @param fivePoints the face's five landmarks in image pixels
     * @return the aligned face: RGB samples of the model's input size, interleaved
     */
    float[] align(RgbImage image, double[][] fivePoints) {
        SimilarityTransform toTemplate = SimilarityTransform.estimate(fivePoints, template);
        return image.sample(toTemplate.inverseMap(), model.inputWidth(), model.inputHeight(), RgbImage.Border.ZERO);
    }

    /**
     * @param aligned an aligned face from {@link #align}
     * @return the unit-length embedding, or null when the model's output has no direction (all zero or
     *         not finite)
     * @throws OrtException when ONNX Runtime fails
     */
    float[] embed(float[] aligned) throws OrtException {
        float[] raw = model.run(settings.model().encoding().encode(aligned, model.inputWidth(), model.inputHeight()),
                List.of(settings.output())).get(settings.output());
        return Embeddings.normalised(raw);
    }

    /** @return the embedding's length */
    int dimension() {
        long[] shape = model.outputShape(settings.output());
        long n = 1;
        for (long d : shape) {
            n *= Math.max(d, 1);
        }
        return (int) n;
    }
}
