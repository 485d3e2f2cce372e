package org.touchstone.reference.lbp;

import java.util.ArrayList;
import java.util.List;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceImage;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.ImageDecodeException;
import org.touchstone.api.Raster;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;

/**
 * 1:1 verification with LBP histograms. A template holds the per-cell histograms of the face, averaged
 * over the images given; the role does not change it.
 *
 * <p>Thread safe without locks. Comparisons decode into buffers owned by the calling thread (a
 * {@link ThreadLocal}), so they neither share state nor allocate; a call never re-enters the verifier,
 * so a thread's buffers are never in use twice at once.
 */
final class LbpVerifier implements Verifier {
    private final LbpSettings settings;
    private final LbpFeatureExtractor extractor;
    private final LbpTemplateFormat format;
    private final ThreadLocal<Workspace> workspaces;

    /**
     * @param settings the operator, grid, similarity and normalisation to use
     */
    LbpVerifier(LbpSettings settings) {
        this.settings = settings;
        this.extractor = new LbpFeatureExtractor(settings);
        this.format = new LbpTemplateFormat(settings);
        this.workspaces = ThreadLocal.withInitial(() -> new Workspace(format, settings.valuesPerGridRow()));
    }

    @Override
    public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
        if (images == null || images.isEmpty()) {
            return Result.failure(FailureCode.NUM_DATA_ERROR, "no images given; a template needs at least one");
        }
        float[][] sum = format.newHistograms();
        for (int i = 0; i < images.size(); i++) {
            FaceImage image = images.get(i);
            if (image == null) {
                return Result.failure(FailureCode.REFUSE_INPUT, "image " + i + " of " + images.size() + " is null");
            }
            Raster raster;
            try {
                raster = image.raster();
            } catch (ImageDecodeException e) {
                return Result.failure(e.toFailure());
            }
            Result<float[][]> histograms = extractor.histograms(raster);
            if (!histograms.isSuccess()) {
                Failure refusal = histograms.failure().orElseThrow();
                return Result.failure(refusal.code(), "image " + image.id() + ": " + refusal.message());
            }
            addInto(sum, histograms.value());
        }
        if (images.size() > 1) {
            float count = images.size();
            for (float[] row : sum) {
                for (int j = 0; j < row.length; j++) {
                    row[j] /= count;
                }
            }
        }
        return Result.success(Template.of(format.encode(sum)));
    }

    @Override
    public ComparisonResult compare(Template enrolment, Template probe) {
        Workspace workspace = workspaces.get();
        try {
            format.decode(enrolment, workspace.enrolment);
        } catch (LbpTemplateFormat.InvalidTemplateException e) {
            return formatFailure("enrolment", e);
        }
        try {
            format.decode(probe, workspace.probe);
        } catch (LbpTemplateFormat.InvalidTemplateException e) {
            return formatFailure("probe", e);
        }
        return score(workspace);
    }

    /** Decodes the probe once rather than once per enrolment template. */
    @Override
    public List<ComparisonResult> compareMany(Template probe, List<Template> enrolments) {
        List<ComparisonResult> results = new ArrayList<>(enrolments.size());
        Workspace workspace = workspaces.get();
        try {
            format.decode(probe, workspace.probe);
        } catch (LbpTemplateFormat.InvalidTemplateException e) {
            ComparisonResult failure = formatFailure("probe", e);
            for (int i = 0; i < enrolments.size(); i++) {
                results.add(failure);
            }
            return results;
        }
        for (Template enrolment : enrolments) {
            try {
                format.decode(enrolment, workspace.enrolment);
                results.add(score(workspace));
            } catch (LbpTemplateFormat.InvalidTemplateException e) {
                results.add(formatFailure("enrolment", e));
            }
        }
        return results;
    }

    private ComparisonResult score(Workspace workspace) {
        double similarity = settings.similarity().similarity(workspace.enrolment, workspace.probe, settings.cells(),
                workspace.partial);
        if (Double.isNaN(similarity)) {
            return ComparisonResult.failure(FailureCode.TEMPLATE_FORMAT_ERROR,
                    "template values are not valid histograms (the template is corrupt)");
        }
        return ComparisonResult.score(similarity);
    }

    private static ComparisonResult formatFailure(String side, LbpTemplateFormat.InvalidTemplateException e) {
        return ComparisonResult.failure(FailureCode.TEMPLATE_FORMAT_ERROR, side + " template: " + e.getMessage());
    }

    private static void addInto(float[][] sum, float[][] histograms) {
        for (int row = 0; row < sum.length; row++) {
            for (int j = 0; j < sum[row].length; j++) {
                sum[row][j] += histograms[row][j];
            }
        }
    }

    /** One thread's decoded templates and the similarity kernel's partial sums. */
    private static final class Workspace {
        final float[][] enrolment;
        final float[][] probe;
        final float[] partial;

        Workspace(LbpTemplateFormat format, int valuesPerGridRow) {
            this.enrolment = format.newHistograms();
            this.probe = format.newHistograms();
            this.partial = new float[valuesPerGridRow];
        }
    }
}
