package org.touchstone.api;

/**
 * Where a face is in an image, in pixels from the top-left corner.
 *
 * @param x      left edge
 * @param y      top edge
 * @param width  width, positive
 * @param height height, positive
 */
public record BoundingBox(double x, double y, double width, double height) {
    /**
     * @param x      left edge
     * @param y      top edge
     * @param width  width, positive
     * @param height height, positive
     */
    public BoundingBox {
        if (!(width > 0 && height > 0) || !Double.isFinite(x) || !Double.isFinite(y)
                || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("invalid bounding box " + x + "," + y + " " + width + "x" + height);
        }
    }
}
