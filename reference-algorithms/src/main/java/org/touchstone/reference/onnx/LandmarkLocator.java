package org.touchstone.reference.onnx;

import ai.onnxruntime.OrtException;
import java.util.List;

/**
 * Locates facial landmarks in a square crop around a detected face and reduces them to the five points
 * alignment uses: the eye centres, the nose tip and the mouth corners, each pair in image order (the
 * left one first as the image shows it).
 */
final class LandmarkLocator {
    private final OnnxModel model;
    private final PipelineConfig.Landmarks settings;

    /**
     * @param model    the opened landmark model
     * @param settings its configuration
     */
    LandmarkLocator(OnnxModel model, PipelineConfig.Landmarks settings) {
        this.model = model;
        this.settings = settings;
    }

    /**
     * @param image the image
     * @param face  a detected face
     * @return five points {@code {x, y}} in image pixels
     * @throws OrtException when ONNX Runtime fails
     */
    double[][] fivePoints(RgbImage image, FaceDetector.Face face) throws OrtException {
        return reduce(points(image, face));
    }

    /**
     * @param image the image
     * @param face  a detected face
     * @return every point the model gives, {@code {x, y}} in image pixels
     * @throws OrtException when ONNX Runtime fails
     */
    double[][] points(RgbImage image, FaceDetector.Face face) throws OrtException {
        double[] crop = face.scaled(settings.cropScale());
        double x0 = crop[0] - crop[2] / 2;
        double y0 = crop[1] - crop[3] / 2;
        int w = model.inputWidth();
        int h = model.inputHeight();
        float[] patch = image.sample(RgbImage.regionMap(x0, y0, crop[2], crop[3], w, h), w, h,
                RgbImage.Border.REPLICATE);
        float[] out = model.run(settings.model().encoding().encode(patch, w, h), List.of(settings.output()))
                .get(settings.output());
        int n = settings.layout().points();
        if (out.length < 2 * n) {
            throw new IllegalStateException("landmark output '" + settings.output() + "' has " + out.length
                    + " values; layout " + settings.layout() + " needs " + 2 * n);
        }
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            points[i] = new double[] {x0 + out[2 * i] * crop[2], y0 + out[2 * i + 1] * crop[3]};
        }
        return points;
    }

    private double[][] reduce(double[][] p) {
        if (settings.layout() == PipelineConfig.LandmarkLayout.FIVE_POINT) {
            return p;
        }
        return new double[][] {
            mean(p, 37, 38, 40, 41),
            mean(p, 43, 44, 46, 47),
            p[30].clone(),
            mean(p, 48, 60),
            mean(p, 54, 64)
        };
    }

    private static double[] mean(double[][] p, int... indices) {
        double x = 0;
        double y = 0;
        for (int i : indices) {
            x += p[i][0];
            y += p[i][1];
        }
        return new double[] {x / indices.length, y / indices.length};
    }
}
