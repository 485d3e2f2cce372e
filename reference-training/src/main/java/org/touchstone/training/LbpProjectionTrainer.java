package org.touchstone.training;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.touchstone.api.FaceImage;
import org.touchstone.api.ImageDecodeException;
import org.touchstone.api.ImageFormat;
import org.touchstone.api.Result;
import org.touchstone.protocols.synthetic.SyntheticFaceRenderer;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.reference.lbp.LbpFeatures;
import org.touchstone.reference.lbp.LbpProjection;

/**
 * Fits the {@code lbp-compact} system's projection ({@link LbpProjection#RESOURCE}) and writes it.
 *
 * <p>The recipe, all fixed so the output is reproducible bit for bit: the {@link LbpFeatures} descriptions
 * of a synthetic training set that no demo, test or evaluation uses ({@link #TRAINING_SPEC}), each image
 * going through PNG exactly as the harness hands it to systems; their mean; per cell, the covariance of
 * its {@value LbpFeatures#BINS} centred values and its {@value #COMPONENTS_PER_CELL} leading eigenvectors,
 * each divided by the square root of its eigenvalue (whitening); then, over the concatenated cell
 * projections, the second-moment matrix and its {@value #DIMENSION} leading eigenvectors, whitened the same
 * way. Eigenvectors are signed so that their largest component (the first, among equals) is positive.
 * Parameters are rounded to float after each stage, and the second stage is fitted on what the rounded
 * first stage computes.
 *
 * <p>The build fits it: {@code reference-training}'s {@code process-classes} phase runs {@link FittedResources}
 * with this module's class folder as the destination, so the projection is built like the classes are (model
 * weights are never committed) and reaches the runner in this module's jar. {@code LbpProjectionTrainerTest}
 * pins the SHA-256 of what it produces: after changing the LBP description or the generator, a build refits
 * it, that test fails until the new digest is recorded there, and the {@code lbp-compact} thresholds need
 * recalibrating ({@code LbpCompactThresholds}). {@code mvn -q -pl reference-training -am package -DskipTests}
 * (re)fits it into {@code reference-training/target/classes}; {@link #main} with only an output file writes it
 * anywhere.
 */
public final class LbpProjectionTrainer {
    /** The training data: a seed used nowhere else. */
    public static final String TRAINING_SPEC = "synthetic:subjects=1000,images=2,seed=271828";
    /** Components kept per histogram cell. */
    static final int COMPONENTS_PER_CELL = 8;
    /** The embedding's length. */
    static final int DIMENSION = 256;

    /** The projection as the build fits it ({@link FittedResources}). */
    static final FittedResources.Model MODEL = new FittedResources.Model("lbp-compact projection",
            LbpProjection.RESOURCE, List.of(LbpProjectionTrainer.class, LbpFeatures.class,
            SyntheticFaceRenderer.class, FaceImage.class), () -> {
                LbpProjection projection = train();
                return new FittedResources.Fitted(projection.toBytes(), projection.comments());
            });

    private LbpProjectionTrainer() {
    }

    /**
     * Writes the fitted projection, unless {@code STAMP_FILE} says it is already there from the same code.
     *
     * @param args {@code OUTPUT_FILE [STAMP_FILE]}: with a stamp file, the fit is skipped when the output exists
     *             and the stamp holds the digest of the code that fits it and of the JVM; after a
     *             fit the stamp is written
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        FittedResources.main(MODEL, args);
    }

    /** @return the fitted projection */
    public static LbpProjection train() {
        SyntheticSpec spec = SyntheticSpec.parse(TRAINING_SPEC);
        SyntheticFaceRenderer renderer = new SyntheticFaceRenderer(spec);
        LbpFeatures features = new LbpFeatures();
        int perSubject = spec.imagesPerSubject();
        float[][] x = IntStream.range(0, spec.imageCount()).parallel()
                .mapToObj(i -> describe(features, renderer, spec, i / perSubject, i % perSubject))
                .toArray(float[][]::new);
        int n = x.length;
        int cells = LbpFeatures.CELLS;
        int bins = LbpFeatures.BINS;
        int k = COMPONENTS_PER_CELL;

        float[] mean = new float[LbpFeatures.DIMENSION];
        IntStream.range(0, mean.length).parallel().forEach(j -> {
            double sum = 0;
            for (float[] row : x) {
                sum += row[j];
            }
            mean[j] = (float) (sum / n);
        });

        float[] cellBasis = new float[LbpFeatures.DIMENSION * k];
        double[] cellVariance = new double[2];
        double[][] kept = new double[cells][];
        IntStream.range(0, cells).parallel().forEach(c -> {
            double[][] covariance = new double[bins][bins];
            double[] centred = new double[bins];
            for (float[] row : x) {
                for (int i = 0; i < bins; i++) {
                    centred[i] = row[c * bins + i] - mean[c * bins + i];
                }
                accumulate(covariance, centred);
            }
            scale(covariance, 1.0 / (n - 1));
            SymmetricEigen eigen = SymmetricEigen.of(covariance);
            kept[c] = whitenedLeading(eigen, k, cellBasis, c * k * bins);
        });
        for (int c = 0; c < cells; c++) {
            cellVariance[0] += kept[c][0];
            cellVariance[1] += kept[c][1];
        }

        int m = cells * k;
        double[][] y = new double[n][m];
        IntStream.range(0, n).parallel().forEach(s -> {
            for (int c = 0; c < cells; c++) {
                for (int j = 0; j < k; j++) {
                    double sum = 0;
                    int row = (c * k + j) * bins;
                    for (int i = 0; i < bins; i++) {
                        sum += (double) cellBasis[row + i] * (x[s][c * bins + i] - mean[c * bins + i]);
                    }
                    y[s][c * k + j] = sum;
                }
            }
        });
        double[][] moments = new double[m][m];
        IntStream.range(0, m).parallel().forEach(i -> {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (double[] row : y) {
                    sum += row[i] * row[j];
                }
                moments[i][j] = sum / (n - 1);
                moments[j][i] = moments[i][j];
            }
        });
        float[] basis = new float[DIMENSION * m];
        double[] global = whitenedLeading(SymmetricEigen.of(moments), DIMENSION, basis, 0);

        List<String> comments = new ArrayList<>();
        comments.add("Touchstone lbp-compact projection, fitted by reference-training LbpProjectionTrainer");
        comments.add("data: " + spec.canonical() + " (generator " + SyntheticFaceRenderer.GENERATOR_NAME + " "
                + SyntheticFaceRenderer.GENERATOR_VERSION + "), " + n + " images rendered to PNG as the harness serves"
                + " them");
        comments.add(String.format(Locale.ROOT, "stage 1: per cell, %d of %d whitened principal components, %.1f%% of"
                + " the cells' variance", k, bins, 100 * cellVariance[0] / cellVariance[1]));
        comments.add(String.format(Locale.ROOT, "stage 2: %d of %d whitened principal components, %.1f%% of their"
                + " variance", DIMENSION, m, 100 * global[0] / global[1]));
        return new LbpProjection(comments, k, DIMENSION, mean, cellBasis, basis);
    }

    private static float[] describe(LbpFeatures features, SyntheticFaceRenderer renderer, SyntheticSpec spec,
                                    int subject, int image) {
        FaceImage face = new FaceImage(spec.sampleId(subject, image), ImageFormat.PNG,
                renderer.renderPng(subject, image));
        try {
            Result<float[]> description = features.describe(face.raster());
            if (!description.isSuccess()) {
                throw new IllegalStateException("synthetic image " + face.id() + " refused: "
                        + description.failure().orElseThrow().message());
            }
            return description.value();
        } catch (ImageDecodeException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds the outer product v v^T to the lower triangle and mirrors it at the end of each row. */
    private static void accumulate(double[][] sum, double[] v) {
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j <= i; j++) {
                sum[i][j] += v[i] * v[j];
            }
        }
    }

    private static void scale(double[][] lower, double factor) {
        for (int i = 0; i < lower.length; i++) {
            for (int j = 0; j <= i; j++) {
                lower[i][j] *= factor;
                lower[j][i] = lower[i][j];
            }
        }
    }

    /**
     * Writes the {@code count} leading eigenvectors, signed and divided by the square roots of their
     * eigenvalues, as consecutive rows into {@code out} from {@code offset}.
     *
     * @return {variance kept, total variance}
     */
    private static double[] whitenedLeading(SymmetricEigen eigen, int count, float[] out, int offset) {
        double[] values = eigen.values();
        int size = values.length;
        double total = 0;
        for (double v : values) {
            total += v;
        }
        double kept = 0;
        for (int r = 0; r < count; r++) {
            int j = size - 1 - r;
            if (!(values[j] > 0)) {
                throw new IllegalStateException("component " + (r + 1) + " has variance " + values[j]
                        + ": too little training data to whiten it");
            }
            kept += values[j];
            double[] vector = eigen.vector(j);
            int largest = 0;
            for (int i = 1; i < vector.length; i++) {
                if (Math.abs(vector[i]) > Math.abs(vector[largest])) {
                    largest = i;
                }
            }
            double factor = (vector[largest] < 0 ? -1 : 1) / Math.sqrt(values[j]);
            for (int i = 0; i < size; i++) {
                out[offset + r * size + i] = (float) (vector[i] * factor);
            }
        }
        return new double[] {kept, total};
    }
}
