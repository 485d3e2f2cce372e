package org.touchstone.reference.attributes;

import org.touchstone.api.Raster;

/**
 * The features the attribute models read from a face image: the grey image averaged down to
 * {@value #PIXELS}x{@value #PIXELS} and standardised (zero mean, unit variance, so brightness and contrast
 * drop out), followed by the gradient magnitude of that small image, averaged down to
 * {@value #GRADIENT_CELLS}x{@value #GRADIENT_CELLS} cells. Deliberately simple: the analyzer is a
 * baseline whose confidence the harness checks, not a contender.
 */
public final class FaceFeatures {
    /** Side of the standardised grey thumbnail. */
    public static final int PIXELS = 24;
    /** Cells per side of the gradient-magnitude grid. */
    public static final int GRADIENT_CELLS = 12;
    /** Length of the feature vector. */
    public static final int LENGTH = PIXELS * PIXELS + GRADIENT_CELLS * GRADIENT_CELLS;
    /** Bumped whenever the features change: fitted parameters name the version they were fitted on. */
    public static final int VERSION = 1;
    /** Below this standard deviation (grey levels) an image is flat: there is no face to analyse. */
    public static final double MIN_CONTRAST = 2.0;

    private FaceFeatures() {
    }

    /**
     * @param raster a face image of any size, at least {@value #PIXELS} pixels a side
     * @return the features, or null when the image is too small or flat to hold a face
     */
    public static double[] extract(Raster raster) {
        int w = raster.width();
        int h = raster.height();
        if (w < PIXELS || h < PIXELS) {
            return null;
        }
        double[] thumb = new double[PIXELS * PIXELS];
        double[] area = new double[PIXELS * PIXELS];
        for (int y = 0; y < h; y++) {
            int ty = y * PIXELS / h;
            for (int x = 0; x < w; x++) {
                int i = ty * PIXELS + x * PIXELS / w;
                thumb[i] += raster.luma(x, y);
                area[i]++;
            }
        }
        double mean = 0;
        for (int i = 0; i < thumb.length; i++) {
            thumb[i] /= area[i];
            mean += thumb[i];
        }
        mean /= thumb.length;
        double variance = 0;
        for (double v : thumb) {
            variance += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(variance / thumb.length);
        if (sd < MIN_CONTRAST) {
            return null;
        }
        double[] features = new double[LENGTH];
        for (int i = 0; i < thumb.length; i++) {
            features[i] = (thumb[i] - mean) / sd;
        }
        int cell = PIXELS / GRADIENT_CELLS;
        for (int y = 0; y < PIXELS; y++) {
            for (int x = 0; x < PIXELS; x++) {
                double gx = features[y * PIXELS + Math.min(PIXELS - 1, x + 1)] - features[y * PIXELS + Math.max(0, x - 1)];
                double gy = features[Math.min(PIXELS - 1, y + 1) * PIXELS + x] - features[Math.max(0, y - 1) * PIXELS + x];
                features[PIXELS * PIXELS + (y / cell) * GRADIENT_CELLS + x / cell] += Math.sqrt(gx * gx + gy * gy)
                        / (cell * cell);
            }
        }
        return features;
    }
}
