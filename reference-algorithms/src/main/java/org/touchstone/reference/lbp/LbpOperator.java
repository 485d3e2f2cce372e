package org.touchstone.reference.lbp;

/**
 * The circular local binary pattern operator LBP(8, R) of Ojala et al.: for each pixel, 8 neighbours are
 * sampled on a circle of radius R (bilinear interpolation where a point falls between pixels) and bit
 * {@code p} of the code is set when neighbour {@code p} is at least as bright as the centre. Neighbour
 * 0 lies to the east and the others follow counter-clockwise, 45 degrees apart; the order only has to
 * go round the circle for the uniform-pattern mapping to hold.
 *
 * <p>Interpolation uses integer weights that sum exactly to {@link #WEIGHT_SCALE}, so a flat region
 * compares equal to its centre (all bits set) instead of falling either side by a rounding error.
 * Pixels near the border see the image extended by repeating its edge.
 *
 * <p>Immutable and thread safe.
 */
final class LbpOperator {
    /** The fixed-point scale of the interpolation weights. */
    static final int WEIGHT_SCALE = 1 << 12;

    private final int radius;
    /** Per neighbour: the top-left pixel of the 2x2 block it is interpolated from, relative to the centre. */
    private final int[] offsetX = new int[UniformPatterns.NEIGHBOURS];
    private final int[] offsetY = new int[UniformPatterns.NEIGHBOURS];
    /** Per neighbour: weights of the top-left, top-right, bottom-left, bottom-right pixels of that block. */
    private final int[][] weights = new int[UniformPatterns.NEIGHBOURS][];

    /**
     * @param radius the circle's radius in pixels, at least 1
     */
    LbpOperator(int radius) {
        if (radius < 1) {
            throw new IllegalArgumentException("radius must be at least 1, was " + radius);
        }
        this.radius = radius;
        for (int p = 0; p < UniformPatterns.NEIGHBOURS; p++) {
            double angle = 2 * Math.PI * p / UniformPatterns.NEIGHBOURS;
            double x = snapToInteger(radius * Math.cos(angle));
            double y = snapToInteger(-radius * Math.sin(angle));
            offsetX[p] = (int) Math.floor(x);
            offsetY[p] = (int) Math.floor(y);
            weights[p] = bilinearWeights(x - offsetX[p], y - offsetY[p]);
        }
    }

    /** @return the radius in pixels */
    int radius() {
        return radius;
    }

    /**
     * Computes the LBP code of every pixel.
     *
     * @param grey   brightness, row-major, {@code width * height} values
     * @param width  image width
     * @param height image height
     * @return the codes, 0 to 255, row-major, same size as the image
     */
    int[] codes(int[] grey, int width, int height) {
        // A margin of radius + 1 keeps every 2x2 interpolation block inside the padded image.
        int margin = radius + 1;
        int paddedWidth = width + 2 * margin;
        int[] padded = padByRepeatingEdges(grey, width, height, margin);
        int[] topLeft = new int[UniformPatterns.NEIGHBOURS];
        for (int p = 0; p < topLeft.length; p++) {
            topLeft[p] = offsetY[p] * paddedWidth + offsetX[p];
        }
        // One pass per neighbour, and a comparison turned into a bit without a branch: on noisy images
        // the branch is unpredictable and dominated the cost.
        int[] codes = new int[width * height];
        for (int p = 0; p < UniformPatterns.NEIGHBOURS; p++) {
            int topLeftWeight = weights[p][0];
            int topRightWeight = weights[p][1];
            int bottomLeftWeight = weights[p][2];
            int bottomRightWeight = weights[p][3];
            for (int y = 0; y < height; y++) {
                int rowStart = (y + margin) * paddedWidth + margin;
                int top = rowStart + topLeft[p];
                int bottom = top + paddedWidth;
                for (int x = 0; x < width; x++) {
                    int sample = topLeftWeight * padded[top + x] + topRightWeight * padded[top + x + 1]
                            + bottomLeftWeight * padded[bottom + x] + bottomRightWeight * padded[bottom + x + 1];
                    // sample >= centre exactly when centre - sample - 1 is negative: its sign bit.
                    int brighter = (padded[rowStart + x] * WEIGHT_SCALE - sample - 1) >>> 31;
                    codes[y * width + x] |= brighter << p;
                }
            }
        }
        return codes;
    }

    private static int[] padByRepeatingEdges(int[] grey, int width, int height, int margin) {
        int paddedWidth = width + 2 * margin;
        int paddedHeight = height + 2 * margin;
        int[] padded = new int[paddedWidth * paddedHeight];
        for (int y = 0; y < paddedHeight; y++) {
            int sourceRow = Math.min(height - 1, Math.max(0, y - margin)) * width;
            for (int x = 0; x < paddedWidth; x++) {
                padded[y * paddedWidth + x] = grey[sourceRow + Math.min(width - 1, Math.max(0, x - margin))];
            }
        }
        return padded;
    }

    /** Removes the 1e-16 noise of cos and sin at multiples of 90 degrees, so those points need no interpolation. */
    private static double snapToInteger(double v) {
        double nearest = Math.rint(v);
        return Math.abs(v - nearest) < 1e-9 ? nearest : v;
    }

    /** Fixed-point bilinear weights for a point at fraction (fx, fy) inside a 2x2 block; they sum to WEIGHT_SCALE. */
    private static int[] bilinearWeights(double fx, double fy) {
        int topRight = (int) Math.round(fx * (1 - fy) * WEIGHT_SCALE);
        int bottomLeft = (int) Math.round((1 - fx) * fy * WEIGHT_SCALE);
        int bottomRight = (int) Math.round(fx * fy * WEIGHT_SCALE);
        int topLeft = WEIGHT_SCALE - topRight - bottomLeft - bottomRight;
        return new int[] {topLeft, topRight, bottomLeft, bottomRight};
    }
}
