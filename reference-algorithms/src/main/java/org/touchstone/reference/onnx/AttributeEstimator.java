package org.touchstone.reference.onnx;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Estimates one number (the probability of male, or an age in years) from a crop around a detected
 * face, with the decoder the configuration names.
 */
final class AttributeEstimator {
    private static final int SSR_STAGES = 3;

    private final OnnxModel model;
    private final PipelineConfig.Attribute settings;
    private final List<String> outputs;

    /**
     * @param model    the opened model
     * @param settings its configuration
     */
    AttributeEstimator(OnnxModel model, PipelineConfig.Attribute settings) {
        this.model = model;
        this.settings = settings;
        this.outputs = outputNames(settings);
    }

    /**
     * @param settings an attribute's configuration
     * @return the outputs its decoder reads
     */
    static List<String> outputNames(PipelineConfig.Attribute settings) {
        if (settings.decoder() == PipelineConfig.Decoder.SCALAR) {
            return List.of(settings.output());
        }
        List<String> names = new ArrayList<>();
        for (int k = 1; k <= SSR_STAGES; k++) {
            names.add("prob_stage_" + k);
            names.add("index_offset_stage" + k);
            names.add("stage" + k + "_delta_k");
        }
        return List.copyOf(names);
    }

    /**
     * The estimate and a confidence.
     *
     * @param value      the decoded number
     * @param confidence for SSR-Net: the largest stage-1 bin probability (how peaked the coarse estimate
     *                   is); for a scalar decoder: NaN, the caller decides
     */
    record Estimate(double value, double confidence) {
    }

    /**
     * @param image the image
     * @param face  a detected face
     * @return the estimate
     * @throws OrtException when ONNX Runtime fails
     */
    Estimate estimate(RgbImage image, FaceDetector.Face face) throws OrtException {
        double[] crop = face.scaled(settings.cropScale());
        int w = model.inputWidth();
        int h = model.inputHeight();
        float[] patch = image.sample(RgbImage.regionMap(crop[0] - crop[2] / 2, crop[1] - crop[3] / 2, crop[2], crop[3],
                w, h), w, h, RgbImage.Border.REPLICATE);
        Map<String, float[]> out = model.run(settings.model().encoding().encode(patch, w, h), outputs);
        if (settings.decoder() == PipelineConfig.Decoder.SCALAR) {
            return new Estimate(out.get(settings.output())[0], Double.NaN);
        }
        return ssrNet(out, settings.range());
    }

    /**
     * SSR-Net's soft stagewise regression, as the model's authors compute it: stage k contributes
     * {@code sum_i (i + eta_k[i]) p_k[i]} divided by the product over stages j <= k of
     * {@code s (1 + delta_j)}, with s = 3 bins; the sum over stages is scaled by the range V.
     *
     * @param out   the outputs by name
     * @param range V
     * @return the value and the largest stage-1 probability
     */
    static Estimate ssrNet(Map<String, float[]> out, double range) {
        double value = 0;
        double denominator = 1;
        for (int k = 1; k <= SSR_STAGES; k++) {
            float[] p = out.get("prob_stage_" + k);
            float[] eta = out.get("index_offset_stage" + k);
            float delta = out.get("stage" + k + "_delta_k")[0];
            denominator *= p.length * (1 + delta);
            double stage = 0;
            for (int i = 0; i < p.length; i++) {
                stage += (i + eta[i]) * p[i];
            }
            value += stage / denominator;
        }
        double peak = 0;
        for (float p : out.get("prob_stage_1")) {
            peak = Math.max(peak, p);
        }
        return new Estimate(value * range, Math.min(1.0, Math.max(0.0, peak)));
    }
}
