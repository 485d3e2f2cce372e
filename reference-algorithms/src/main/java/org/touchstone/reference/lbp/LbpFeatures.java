package org.touchstone.reference.lbp;

import org.touchstone.api.Raster;
import org.touchstone.api.Result;

/**
 * The {@code lbp} system's face description, with its default settings, as one vector: the per-cell
 * uniform LBP(8, 2) histograms of an 8x8 grid, each bin replaced by its square root (the Hellinger map,
 * under which the cosine of two descriptions is their mean per-cell Bhattacharyya coefficient). Public
 * so that {@code reference-training} fits the {@code lbp-compact} projection on exactly what that
 * system projects.
 *
 * <p>Immutable and thread safe.
 */
public final class LbpFeatures {
    /** Histogram cells: the default 8x8 grid. */
    public static final int CELLS = 64;
    /** Bins per cell: the uniform patterns of 8 neighbours. */
    public static final int BINS = UniformPatterns.LABELS;
    /** Values in a description. */
    public static final int DIMENSION = CELLS * BINS;

    private final LbpFeatureExtractor extractor = new LbpFeatureExtractor(LbpSettings.defaults());

    /** Creates the extractor of the default settings. */
    public LbpFeatures() {
    }

    /**
     * @param raster a decoded face crop
     * @return its {@value #DIMENSION} values, cell after cell (grid rows top to bottom, cells left to
     *         right), or the refusal of an image too small or without contrast
     */
    public Result<float[]> describe(Raster raster) {
        Result<float[][]> histograms = extractor.histograms(raster);
        if (!histograms.isSuccess()) {
            return Result.failure(histograms.failure().orElseThrow());
        }
        float[] values = new float[DIMENSION];
        int i = 0;
        for (float[] row : histograms.value()) {
            for (float value : row) {
                values[i++] = (float) Math.sqrt(value);
            }
        }
        return Result.success(values);
    }
}
