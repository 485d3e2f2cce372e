package org.touchstone.reference.onnx;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.touchstone.api.BoundingBox;

/**
 * Finds faces with a detector that outputs, per anchor, class probabilities and a box already decoded
 * to corners (the Ultra-Light-Fast-Generic-Face-Detector RFB-320 export does: scores [1, 4420, 2] and
 * boxes [1, 4420, 4]). The whole image is resized to the model's input (aspect ratio not kept, as the
 * detector was trained), boxes above the score threshold are kept, and greedy non-maximum suppression
 * drops any box overlapping a stronger one by more than the configured intersection over union.
 */
final class FaceDetector {
    /** More candidates than this after thresholding are cut, strongest kept, to bound NMS's cost. */
    static final int MAX_CANDIDATES = 750;

    private final OnnxModel model;
    private final PipelineConfig.Detector settings;
    private final int classes;

    /**
     * @param model    the opened detector
     * @param settings its configuration
     */
    FaceDetector(OnnxModel model, PipelineConfig.Detector settings) {
        this.model = model;
        this.settings = settings;
        long[] shape = model.outputShape(settings.scoresOutput());
        this.classes = (int) shape[shape.length - 1];
    }

    /** A detected face in image pixels: corners and the face probability. */
    record Face(double x1, double y1, double x2, double y2, double score) {
        /** @return the box's area in square pixels */
        double area() {
            return (x2 - x1) * (y2 - y1);
        }

        /** @return the box as the SPI reports it */
        BoundingBox box() {
            return new BoundingBox(x1, y1, x2 - x1, y2 - y1);
        }

        /**
         * @param scale the side relative to the box's
         * @return the box's centre and its scaled width and height: {@code {cx, cy, w, h}}
         */
        double[] scaled(double scale) {
            return new double[] {(x1 + x2) / 2, (y1 + y2) / 2, (x2 - x1) * scale, (y2 - y1) * scale};
        }
    }

    /**
     * @param image the image
     * @return the faces, strongest first; empty when none passes the threshold
     * @throws OrtException when ONNX Runtime fails
     */
    List<Face> detect(RgbImage image) throws OrtException {
        int w = model.inputWidth();
        int h = model.inputHeight();
        float[] patch = image.sample(RgbImage.regionMap(0, 0, image.width(), image.height(), w, h), w, h,
                RgbImage.Border.REPLICATE);
        Map<String, float[]> out = model.run(settings.model().encoding().encode(patch, w, h),
                List.of(settings.scoresOutput(), settings.boxesOutput()));
        float[] scores = out.get(settings.scoresOutput());
        float[] boxes = out.get(settings.boxesOutput());
        int anchors = Math.min(scores.length / classes, boxes.length / 4);
        List<Face> candidates = new ArrayList<>();
        for (int i = 0; i < anchors; i++) {
            float score = scores[i * classes + settings.faceColumn()];
            if (score >= settings.scoreThreshold()) {
                double x1 = clamp(boxes[4 * i]) * image.width();
                double y1 = clamp(boxes[4 * i + 1]) * image.height();
                double x2 = clamp(boxes[4 * i + 2]) * image.width();
                double y2 = clamp(boxes[4 * i + 3]) * image.height();
                if (x2 > x1 && y2 > y1) {
                    candidates.add(new Face(x1, y1, x2, y2, Math.min(1.0, score)));
                }
            }
        }
        // Stable sort: equal scores keep anchor order, so the result never depends on anything but the input.
        candidates.sort(Comparator.comparingDouble(Face::score).reversed());
        if (candidates.size() > MAX_CANDIDATES) {
            candidates = new ArrayList<>(candidates.subList(0, MAX_CANDIDATES));
        }
        List<Face> kept = suppressOverlaps(candidates, settings.nmsIou());
        if (!settings.squareBoxes()) {
            return kept;
        }
        List<Face> squared = new ArrayList<>(kept.size());
        for (Face f : kept) {
            squared.add(square(f, image.width(), image.height()));
        }
        return squared;
    }

    /**
     * Greedy non-maximum suppression.
     *
     * @param sorted faces, strongest first
     * @param maxIou the overlap above which a weaker face is dropped
     * @return the faces kept, strongest first
     */
    static List<Face> suppressOverlaps(List<Face> sorted, double maxIou) {
        List<Face> kept = new ArrayList<>();
        for (Face candidate : sorted) {
            boolean overlaps = false;
            for (Face k : kept) {
                if (iou(candidate, k) > maxIou) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    static double iou(Face a, Face b) {
        double iw = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
        double ih = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double intersection = iw * ih;
        return intersection / (a.area() + b.area() - intersection);
    }

    /** The faceplugin post-processing: a square of the box's height around its centre, kept in the image. */
    private static Face square(Face f, int width, int height) {
        double side = f.y2 - f.y1;
        double cx = (f.x1 + f.x2) / 2;
        double cy = (f.y1 + f.y2) / 2;
        double x1 = Math.max(0, cx - side / 2);
        double y1 = Math.max(0, cy - side / 2);
        double x2 = Math.min(width - 1, cx + side / 2);
        double y2 = Math.min(height - 1, cy + side / 2);
        return new Face(x1, y1, x2, y2, f.score);
    }

    private static double clamp(float v) {
        return Math.min(1.0, Math.max(0.0, v));
    }
}
