package org.touchstone.reference.onnx;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.touchstone.api.Attribute;
import org.touchstone.api.AttributeEstimate;
import org.touchstone.api.FaceAnalysis;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FailureCode;
import org.touchstone.api.ImageDecodeException;
import org.touchstone.api.Result;

/**
 * The whole multi-model pipeline: detection, landmarks, five-point similarity alignment and embedding
 * for recognition; detection and the attribute models for analysis. One ONNX Runtime session per model,
 * shared by every calling thread (sessions are thread-safe for {@code run}).
 */
final class FacePipeline implements AutoCloseable {
    /** Confidence reported with an age from a scalar decoder, which gives none: it says "unknown". */
    static final double UNKNOWN_CONFIDENCE = 0.5;

    private final PipelineConfig config;
    private final int intraOpThreads;
    private final List<OnnxModel> models = new ArrayList<>();
    private final FaceDetector detector;
    private final LandmarkLocator landmarks;
    private final FaceEmbedder embedder;
    private final AttributeEstimator sex;
    private final AttributeEstimator age;

    /**
     * Opens a session for every configured model.
     *
     * @param config         the configuration
     * @param intraOpThreads threads one model call may use
     * @throws FaceSystemException {@link FailureCode#CONFIG_ERROR} when a model is missing, differs from
     *                             its pinned hash, or does not fit its configuration
     */
    FacePipeline(PipelineConfig config, int intraOpThreads) throws FaceSystemException {
        this.config = config;
        this.intraOpThreads = intraOpThreads;
        try {
            PipelineConfig.Detector d = config.detector();
            detector = new FaceDetector(open(d.model(), Set.of(d.scoresOutput(), d.boxesOutput())), d);
            PipelineConfig.Landmarks l = config.landmarks();
            landmarks = new LandmarkLocator(open(l.model(), Set.of(l.output())), l);
            PipelineConfig.Embedding e = config.embedding();
            embedder = new FaceEmbedder(open(e.model(), Set.of(e.output())), e, config.template());
            sex = config.sex().isPresent() ? attribute(config.sex().get()) : null;
            age = config.age().isPresent() ? attribute(config.age().get()) : null;
        } catch (FaceSystemException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private AttributeEstimator attribute(PipelineConfig.Attribute a) throws FaceSystemException {
        return new AttributeEstimator(open(a.model(), Set.copyOf(AttributeEstimator.outputNames(a))), a);
    }

    private OnnxModel open(PipelineConfig.Model m, Set<String> outputs) throws FaceSystemException {
        OnnxModel model = OnnxModel.open(m.stage(), m.file(), m.sha256(), m.encoding(), outputs, intraOpThreads);
        models.add(model);
        return model;
    }

    /** @return the configuration in effect */
    PipelineConfig config() {
        return config;
    }

    /** @return the detector stage */
    FaceDetector detector() {
        return detector;
    }

    /** @return the landmark stage */
    LandmarkLocator landmarks() {
        return landmarks;
    }

    /** @return the alignment and embedding stages */
    FaceEmbedder embedder() {
        return embedder;
    }

    /** @return the sex stage, if configured */
    Optional<AttributeEstimator> sex() {
        return Optional.ofNullable(sex);
    }

    /** @return the age stage, if configured */
    Optional<AttributeEstimator> age() {
        return Optional.ofNullable(age);
    }

    /** @return the opened models, in pipeline order */
    List<OnnxModel> models() {
        return List.copyOf(models);
    }

    /**
     * Embeds the largest face of an image.
     *
     * @param image the image
     * @return the unit-length embedding, or a failure: {@link FailureCode#PARSE_ERROR} (undecodable),
     *         {@link FailureCode#FACE_DETECTION_ERROR} (no face), {@link FailureCode#EXTRACT_ERROR}
     */
    Result<float[]> embedLargestFace(FaceImage image) {
        try {
            RgbImage rgb = RgbImage.of(image.raster());
            List<FaceDetector.Face> faces = detector.detect(rgb);
            if (faces.isEmpty()) {
                return Result.failure(FailureCode.FACE_DETECTION_ERROR, "no face in " + image.id()
                        + " at detector score threshold " + config.detector().scoreThreshold());
            }
            FaceDetector.Face face = largest(faces);
            float[] embedding = embedder.embed(embedder.align(rgb, landmarks.fivePoints(rgb, face)));
            if (embedding == null) {
                return Result.failure(FailureCode.EXTRACT_ERROR, "the embedding of " + image.id()
                        + " is zero or not finite");
            }
            return Result.success(embedding);
        } catch (ImageDecodeException e) {
            return Result.failure(FailureCode.PARSE_ERROR, e.getMessage());
        } catch (OrtException | IllegalArgumentException | IllegalStateException e) {
            return Result.failure(FailureCode.EXTRACT_ERROR, image.id() + ": " + e.getMessage());
        }
    }

    /**
     * Analyses every face of an image: sex and age, when configured.
     *
     * @param image the image
     * @return one analysis per face, largest first; empty when no face was found; or a failure
     */
    Result<List<FaceAnalysis>> analyze(FaceImage image) {
        try {
            RgbImage rgb = RgbImage.of(image.raster());
            List<FaceDetector.Face> faces = new ArrayList<>(detector.detect(rgb));
            faces.sort(Comparator.comparingDouble(FaceDetector.Face::area).reversed());
            List<FaceAnalysis> analyses = new ArrayList<>(faces.size());
            for (FaceDetector.Face face : faces) {
                Map<Attribute, AttributeEstimate> estimates = new LinkedHashMap<>();
                if (sex != null) {
                    estimates.put(Attribute.SEX, sexEstimate(sex.estimate(rgb, face)));
                }
                if (age != null) {
                    AttributeEstimator.Estimate e = age.estimate(rgb, face);
                    double confidence = Double.isNaN(e.confidence()) ? UNKNOWN_CONFIDENCE : e.confidence();
                    estimates.put(Attribute.AGE, AttributeEstimate.value(Attribute.AGE, Math.max(0, e.value()),
                            confidence));
                }
                analyses.add(new FaceAnalysis(Optional.of(face.box()), face.score(), estimates));
            }
            return Result.success(List.copyOf(analyses));
        } catch (ImageDecodeException e) {
            return Result.failure(FailureCode.PARSE_ERROR, e.getMessage());
        } catch (OrtException | IllegalArgumentException | IllegalStateException e) {
            return Result.failure(FailureCode.EXTRACT_ERROR, image.id() + ": " + e.getMessage());
        }
    }

    /**
     * Turns the sex model's number into a label: the probability of male is the value (or one minus it
     * when high values mean female), clamped to [0, 1]; the label is the likelier one and its confidence
     * that probability.
     */
    private AttributeEstimate sexEstimate(AttributeEstimator.Estimate e) {
        double value = Math.min(1.0, Math.max(0.0, e.value()));
        double male = config.sex().orElseThrow().maleHigh() ? value : 1 - value;
        return male >= 0.5
                ? AttributeEstimate.label(Attribute.SEX, "male", male)
                : AttributeEstimate.label(Attribute.SEX, "female", 1 - male);
    }

    /**
     * @param faces at least one face
     * @return the largest; the stronger of equal ones
     */
    static FaceDetector.Face largest(List<FaceDetector.Face> faces) {
        FaceDetector.Face best = faces.get(0);
        for (FaceDetector.Face f : faces) {
            if (f.area() > best.area()) {
                best = f;
            }
        }
        return best;
    }

    @Override
    public void close() {
        for (OnnxModel model : models) {
            model.close();
        }
        models.clear();
    }
}
