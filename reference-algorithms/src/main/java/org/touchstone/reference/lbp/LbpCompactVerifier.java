package org.touchstone.reference.lbp;

import java.util.ArrayList;
import java.util.List;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FailureCode;
import org.touchstone.api.ImageDecodeException;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;
import org.touchstone.reference.identification.EmbeddingCodec;
import org.touchstone.reference.identification.UnitLength;

/**
 * 1:1 verification with {@code lbp-compact} templates: the LBP description of each image projected by
 * the fitted {@link LbpProjection}, averaged over the images and scaled to unit length; the score is
 * the cosine of two templates, in [-1, 1]. The role does not change the template.
 *
 * <p>Thread safe: stateless but for immutable parameters.
 */
final class LbpCompactVerifier implements Verifier {
    private final LbpFeatures features = new LbpFeatures();
    private final LbpProjection projection;
    private final CompactTemplateFormat format;

    /**
     * @param projection the fitted parameters
     * @param format     the template format of those parameters
     */
    LbpCompactVerifier(LbpProjection projection, CompactTemplateFormat format) {
        this.projection = projection;
        this.format = format;
    }

    @Override
    public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
        if (images == null || images.isEmpty()) {
            return Result.failure(FailureCode.NUM_DATA_ERROR, "no images given; a template needs at least one");
        }
        float[] sum = new float[projection.dimension()];
        for (int i = 0; i < images.size(); i++) {
            FaceImage image = images.get(i);
            if (image == null) {
                return Result.failure(FailureCode.REFUSE_INPUT, "image " + i + " of " + images.size() + " is null");
            }
            Result<float[]> description;
            try {
                description = features.describe(image.raster());
            } catch (ImageDecodeException e) {
                return Result.failure(e.toFailure());
            }
            if (!description.isSuccess()) {
                return Result.failure(description.failure().orElseThrow().code(),
                        "image " + image.id() + ": " + description.failure().orElseThrow().message());
            }
            float[] embedding = unit(projection.project(description.value()));
            if (embedding == null) {
                return Result.failure(FailureCode.FACE_DETECTION_ERROR, "image " + image.id()
                        + " projects to a zero vector: it holds no face the projection can describe");
            }
            for (int j = 0; j < sum.length; j++) {
                sum[j] += embedding[j];
            }
        }
        float[] template = unit(sum);
        if (template == null) {
            return Result.failure(FailureCode.NUM_DATA_ERROR, "the images' embeddings cancel out");
        }
        return Result.success(Template.of(format.encode(template)));
    }

    /** @return a copy of v scaled to unit length, or null for a zero or non-finite vector */
    private static float[] unit(float[] v) {
        float[] unit = v.clone();
        return UnitLength.normalise(unit) ? unit : null;
    }

    @Override
    public ComparisonResult compare(Template enrolment, Template probe) {
        return compareMany(probe, List.of(enrolment)).get(0);
    }

    /** Decodes the probe once rather than once per enrolment template. */
    @Override
    public List<ComparisonResult> compareMany(Template probe, List<Template> enrolments) {
        List<ComparisonResult> results = new ArrayList<>(enrolments.size());
        float[] q = new float[format.dimension()];
        float[] e = new float[format.dimension()];
        try {
            format.decode(probe, q);
        } catch (EmbeddingCodec.InvalidEmbeddingException ex) {
            ComparisonResult failure = ComparisonResult.failure(FailureCode.TEMPLATE_FORMAT_ERROR,
                    "probe template: " + ex.getMessage());
            enrolments.forEach(t -> results.add(failure));
            return results;
        }
        for (Template enrolment : enrolments) {
            try {
                format.decode(enrolment, e);
            } catch (EmbeddingCodec.InvalidEmbeddingException ex) {
                results.add(ComparisonResult.failure(FailureCode.TEMPLATE_FORMAT_ERROR,
                        "enrolment template: " + ex.getMessage()));
                continue;
            }
            double dot = 0;
            for (int j = 0; j < q.length; j++) {
                dot += (double) q[j] * e[j];
            }
            if (!Double.isFinite(dot)) {
                results.add(ComparisonResult.failure(FailureCode.TEMPLATE_FORMAT_ERROR,
                        "template values are not finite (the template is corrupt)"));
            } else {
                results.add(ComparisonResult.score(Math.max(-1, Math.min(1, dot))));
            }
        }
        return results;
    }
}
