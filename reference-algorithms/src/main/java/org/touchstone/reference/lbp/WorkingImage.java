package org.touchstone.reference.lbp;

import org.touchstone.api.Raster;

/**
 * Turns a decoded image into the small square grey image the LBP operator works on. The whole image is
 * resampled, whatever its aspect ratio: the system expects face crops, as it does no face detection.
 */
final class WorkingImage {
    private WorkingImage() {
    }

    /**
     * Converts to grey (ITU-R BT.601 luma) and resamples to {@code size x size}. Bilinear interpolation
     * alone would skip pixels when shrinking by more than 2, so the image is first halved by 2x2
     * averaging until it is less than twice the target size.
     *
     * @param raster the decoded image
     * @param size   the side of the result in pixels
     * @return brightness 0 to 255, row-major, {@code size * size} values
     */
    static int[] resample(Raster raster, int size) {
        int width = raster.width();
        int height = raster.height();
        float[] grey = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                grey[y * width + x] = raster.luma(x, y);
            }
        }
        while (width >= 2 * size) {
            grey = halveWidth(grey, width, height);
            width /= 2;
        }
        while (height >= 2 * size) {
            grey = halveHeight(grey, width, height);
            height /= 2;
        }
        return bilinear(grey, width, height, size);
    }

    private static float[] halveWidth(float[] grey, int width, int height) {
        int half = width / 2;
        float[] out = new float[half * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < half; x++) {
                out[y * half + x] = 0.5f * (grey[y * width + 2 * x] + grey[y * width + 2 * x + 1]);
            }
        }
        return out;
    }

    private static float[] halveHeight(float[] grey, int width, int height) {
        int half = height / 2;
        float[] out = new float[width * half];
        for (int y = 0; y < half; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = 0.5f * (grey[2 * y * width + x] + grey[(2 * y + 1) * width + x]);
            }
        }
        return out;
    }

    /** Bilinear resampling with pixel centres aligned, edges clamped, rounded to whole grey levels. */
    private static int[] bilinear(float[] grey, int width, int height, int size) {
        int[] out = new int[size * size];
        for (int y = 0; y < size; y++) {
            float sy = clamp((y + 0.5f) * height / size - 0.5f, height - 1);
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, height - 1);
            float fy = sy - y0;
            for (int x = 0; x < size; x++) {
                float sx = clamp((x + 0.5f) * width / size - 0.5f, width - 1);
                int x0 = (int) sx;
                int x1 = Math.min(x0 + 1, width - 1);
                float fx = sx - x0;
                float top = grey[y0 * width + x0] + fx * (grey[y0 * width + x1] - grey[y0 * width + x0]);
                float bottom = grey[y1 * width + x0] + fx * (grey[y1 * width + x1] - grey[y1 * width + x0]);
                out[y * size + x] = Math.round(top + fy * (bottom - top));
            }
        }
        return out;
    }

    private static float clamp(float v, int max) {
        return Math.max(0f, Math.min(max, v));
    }
}
