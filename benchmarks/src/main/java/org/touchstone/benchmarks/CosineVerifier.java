package org.touchstone.benchmarks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceImage;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;

/**
 * What a fast embedding matcher costs: the template is a unit embedding of {@code dimension} float32
 * values (little-endian, as embedding systems commonly store them), its subject's direction plus noise
 * seeded by the image id (the image is never decoded, so templates cost next to nothing); a comparison
 * decodes the enrolment template and takes the dot product, as a system holding only bytes must.
 */
final class CosineVerifier extends InProcessVerifier {
    private final int dimension;
    private final ThreadLocal<float[][]> scratch;

    /** @param dimension values per embedding, a multiple of 4 */
    CosineVerifier(int dimension) {
        super("bench-cosine-" + dimension, "Cosine of " + dimension + " floats", new ScoreRange(-1, 1));
        this.dimension = dimension;
        this.scratch = ThreadLocal.withInitial(() -> new float[2][dimension]);
    }

    @Override
    public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
        String id = images.get(0).id();
        SplittableRandom subject = new SplittableRandom(id.substring(0, Math.max(0, id.lastIndexOf('-'))).hashCode());
        SplittableRandom image = new SplittableRandom(id.hashCode());
        float[] v = new float[dimension];
        double norm = 0;
        for (int d = 0; d < dimension; d++) {
            v[d] = (float) (subject.nextGaussian() + 0.8 * image.nextGaussian());
            norm += v[d] * v[d];
        }
        ByteBuffer b = ByteBuffer.allocate(4 * dimension).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat((float) (x / Math.sqrt(norm)));
        }
        return Result.success(Template.of(b.array()));
    }

    /**
     * The template's floats: a writable copy of its bytes reads in bulk, where the template's own read-only
     * view copies float by float (with that and one sum, 568 ns a comparison in the bare loop; this, 443).
     */
    private static void decode(Template template, float[] out) {
        ByteBuffer.wrap(template.toByteArray()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    }

    @Override
    public List<ComparisonResult> compareMany(Template probe, List<Template> enrolments) {
        float[][] s = scratch.get();
        float[] p = s[0];
        float[] e = s[1];
        decode(probe, p);
        List<ComparisonResult> results = new ArrayList<>(enrolments.size());
        for (Template t : enrolments) {
            decode(t, e);
            // Four partial sums: the loop is bound by the additions' latency otherwise.
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            for (int d = 0; d < dimension; d += 4) {
                s0 += p[d] * e[d];
                s1 += p[d + 1] * e[d + 1];
                s2 += p[d + 2] * e[d + 2];
                s3 += p[d + 3] * e[d + 3];
            }
            results.add(ComparisonResult.score((s0 + s1) + (s2 + s3)));
        }
        return results;
    }
}
