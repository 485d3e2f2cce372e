package org.touchstone.reference.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.touchstone.api.AttributeAnalyzer;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceAnalysis;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Identifier;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;

/**
 * The opened ONNX system: one {@link FacePipeline} behind the verifier, the identifier and the analyzer.
 * A template is the unit-length embedding of the largest face (the normalised mean over several images of
 * one person); the score of two templates is their cosine similarity, in [-1, 1]. Thread-safe.
 */
final class OnnxFaceSystem implements FaceSystem, Verifier, Identifier, AttributeAnalyzer {
    private final FacePipeline pipeline;
    private final int dimension;
    private final Map<String, String> runtimeProperties;

    /**
     * @param pipeline          the opened pipeline, owned (closed with this system)
     * @param runtimeProperties what to record in provenance
     */
    OnnxFaceSystem(FacePipeline pipeline, Map<String, String> runtimeProperties) {
        this.pipeline = pipeline;
        this.dimension = pipeline.embedder().dimension();
        this.runtimeProperties = Collections.unmodifiableMap(new LinkedHashMap<>(runtimeProperties));
    }

    @Override
    public Optional<Verifier> verifier() {
        return Optional.of(this);
    }

    @Override
    public Optional<Identifier> identifier() {
        return Optional.of(this);
    }

    @Override
    public Optional<AttributeAnalyzer> analyzer() {
        return Optional.of(this);
    }

    @Override
    public Map<String, String> runtimeProperties() {
        return runtimeProperties;
    }

    /**
     * Embeds the largest face of each image. Images where that fails are left out of the mean; when every
     * image fails, the first failure is returned. The role does not change the template.
     */
    @Override
    public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
        if (images.isEmpty()) {
            return Result.failure(FailureCode.NUM_DATA_ERROR, "no images");
        }
        List<float[]> embeddings = new ArrayList<>(images.size());
        Failure first = null;
        for (FaceImage image : images) {
            Result<float[]> embedding = pipeline.embedLargestFace(image);
            if (embedding.isSuccess()) {
                embeddings.add(embedding.value());
            } else if (first == null) {
                first = embedding.failure().orElseThrow();
            }
        }
        if (embeddings.isEmpty()) {
            return Result.failure(first);
        }
        float[] mean = embeddings.size() == 1 ? embeddings.get(0) : Embeddings.meanDirection(embeddings);
        if (mean == null) {
            return Result.failure(FailureCode.TEMPLATE_CREATION_ERROR, "the images' embeddings cancel out");
        }
        return Result.success(EmbeddingTemplate.write(mean));
    }

    @Override
    public ComparisonResult compare(Template enrolment, Template probe) {
        float[] a = EmbeddingTemplate.read(enrolment, dimension);
        float[] b = EmbeddingTemplate.read(probe, dimension);
        if (a == null || b == null) {
            return ComparisonResult.failure(FailureCode.TEMPLATE_FORMAT_ERROR, "the " + (a == null ? "enrolment"
                    : "probe") + " template is not a " + dimension + "-dimension template of this system");
        }
        return ComparisonResult.score(Embeddings.cosine(a, b));
    }

    @Override
    public Result<Gallery> finalizeEnrolment(Iterable<GalleryEntry> entries, Path workingDirectory) {
        List<String> ids = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (GalleryEntry entry : entries) {
            float[] e = EmbeddingTemplate.read(entry.template(), dimension);
            if (e == null) {
                return Result.failure(FailureCode.TEMPLATE_FORMAT_ERROR, "enrolment template '" + entry.templateId()
                        + "' is not a " + dimension + "-dimension template of this system");
            }
            if (!seen.add(entry.templateId())) {
                return Result.failure(FailureCode.INPUT_LOCATION_ERROR, "template id '" + entry.templateId()
                        + "' enrolled twice");
            }
            ids.add(entry.templateId());
            embeddings.add(e);
        }
        return Result.success(new CosineGallery(ids, embeddings, dimension));
    }

    @Override
    public Result<List<FaceAnalysis>> analyze(FaceImage image) {
        return pipeline.analyze(image);
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
