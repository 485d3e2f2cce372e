package org.touchstone.reference.onnx;

import org.touchstone.api.Raster;

/**
 * A decoded image as 8-bit RGB, row-major and interleaved, with the resampling operations the pipeline
 * needs: every model input is a patch resampled from it through an affine map from patch pixels to
 * image pixels (a plain resize, a crop around a face, or an alignment warp).
 *
 * <p>Sampling is bilinear at pixel centres, as OpenCV's {@code INTER_LINEAR} (patch pixel {@code (u, v)}
 * covers image point {@code map(u + 0.5, v + 0.5) - 0.5}). Outside the image, {@link Border#REPLICATE}
 * repeats the edge (as a resize of a region does) and {@link Border#ZERO} gives black (as
 * {@code warpAffine} does by default).
 */
final class RgbImage {
    /** What a sample outside the image is. */
    enum Border {
        /** The nearest edge pixel. */
        REPLICATE,
        /** Black. */
        ZERO
    }

    private final int width;
    private final int height;
    private final byte[] rgb;

    private RgbImage(int width, int height, byte[] rgb) {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    /**
     * @param raster a decoded image; grey is expanded to three equal channels
     * @return the image
     */
    static RgbImage of(Raster raster) {
        byte[] samples = raster.samples();
        if (raster.channels() == 3) {
            return new RgbImage(raster.width(), raster.height(), samples);
        }
        byte[] rgb = new byte[samples.length * 3];
        for (int i = 0; i < samples.length; i++) {
            rgb[3 * i] = samples[i];
            rgb[3 * i + 1] = samples[i];
            rgb[3 * i + 2] = samples[i];
        }
        return new RgbImage(raster.width(), raster.height(), rgb);
    }

    /** @return width in pixels */
    int width() {
        return width;
    }

    /** @return height in pixels */
    int height() {
        return height;
    }

    /**
     * Resamples a patch of {@code patchWidth x patchHeight} pixels. The affine map
     * {@code (u, v) -> (a*u + b*v + c, d*u + e*v + f)} takes patch coordinates to image coordinates
     * (both with pixel edges at whole numbers).
     *
     * @param map         the six coefficients {@code a, b, c, d, e, f}
     * @param patchWidth  patch width
     * @param patchHeight patch height
     * @param border      what lies outside the image
     * @return RGB samples in [0, 255], row-major, interleaved
     */
    float[] sample(double[] map, int patchWidth, int patchHeight, Border border) {
        float[] out = new float[patchWidth * patchHeight * 3];
        int o = 0;
        for (int v = 0; v < patchHeight; v++) {
            double pv = v + 0.5;
            for (int u = 0; u < patchWidth; u++) {
                double pu = u + 0.5;
                double x = map[0] * pu + map[1] * pv + map[2] - 0.5;
                double y = map[3] * pu + map[4] * pv + map[5] - 0.5;
                interpolate(x, y, border, out, o);
                o += 3;
            }
        }
        return out;
    }

    /**
     * The map of a plain resize of the region {@code [x0, x0 + w) x [y0, y0 + h)} into a patch.
     *
     * @param x0          region left
     * @param y0          region top
     * @param w           region width
     * @param h           region height
     * @param patchWidth  patch width
     * @param patchHeight patch height
     * @return the six coefficients for {@link #sample}
     */
    static double[] regionMap(double x0, double y0, double w, double h, int patchWidth, int patchHeight) {
        return new double[] {w / patchWidth, 0, x0, 0, h / patchHeight, y0};
    }

    private void interpolate(double x, double y, Border border, float[] out, int o) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        for (int c = 0; c < 3; c++) {
            double top = (1 - fx) * at(x0, y0, c, border) + fx * at(x0 + 1, y0, c, border);
            double bottom = (1 - fx) * at(x0, y0 + 1, c, border) + fx * at(x0 + 1, y0 + 1, c, border);
            out[o + c] = (float) ((1 - fy) * top + fy * bottom);
        }
    }

    private int at(int x, int y, int c, Border border) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            if (border == Border.ZERO) {
                return 0;
            }
            x = Math.min(Math.max(x, 0), width - 1);
            y = Math.min(Math.max(y, 0), height - 1);
        }
        return rgb[(y * width + x) * 3 + c] & 0xFF;
    }
}
