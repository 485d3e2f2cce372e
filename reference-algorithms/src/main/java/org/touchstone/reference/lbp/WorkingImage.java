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
        SourcePositions columns = new SourcePositions(width, size);
        SourcePositions rows = new SourcePositions(height, size);
        int[] out = new int[size * size];
        for (int y = 0; y < size; y++) {
            int top = rows.before[y] * width;
            int bottom = rows.after[y] * width;
            float fy = rows.fraction[y];
            for (int x = 0; x < size; x++) {
                int left = columns.before[x];
                int right = columns.after[x];
                float fx = columns.fraction[x];
                float upper = grey[top + left] + fx * (grey[top + right] - grey[top + left]);
                float lower = grey[bottom + left] + fx * (grey[bottom + right] - grey[bottom + left]);
                // Non-negative, so truncating v + 0.5 rounds; Math.round is not an intrinsic on JDK 17.
                out[y * size + x] = (int) (upper + fy * (lower - upper) + 0.5f);
            }
        }
        return out;
    }

    /** For each output position along one axis: the two source pixels around it and the weight of the second. */
    private static final class SourcePositions {
        final int[] before;
        final int[] after;
        final float[] fraction;

        SourcePositions(int sourceLength, int size) {
            before = new int[size];
            after = new int[size];
            fraction = new float[size];
            for (int i = 0; i < size; i++) {
                float position = Math.max(0f, Math.min(sourceLength - 1, (i + 0.5f) * sourceLength / size - 0.5f));
                before[i] = (int) position;
                after[i] = Math.min(before[i] + 1, sourceLength - 1);
                fraction[i] = position - before[i];
            }
        }
    }
}
