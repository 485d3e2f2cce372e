package org.touchstone.protocols.importers.ijb;

import java.awt.Rectangle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A face box of NIST's IJB lists ({@code FACE_X, FACE_Y, FACE_WIDTH, FACE_HEIGHT}, pixels of the full frame,
 * x and y the top-left corner) and the crop an import cuts around it.
 *
 * <p>The crop is the box enlarged by {@code margin} times its width on the left and on the right, and times its
 * height above and below (default {@value #DEFAULT_MARGIN}: the crop is 1.4 times the box each way, loose like
 * insightface's {@code loose_crop} images, so a system's own detector and aligner find the whole face), rounded
 * outwards to whole pixels and clipped to the frame. A box with no pixel inside the frame is refused, as is a box
 * of zero or negative size or with a cell that is empty or not a number: each is that face's failure to acquire.
 *
 * @param x      FACE_X
 * @param y      FACE_Y
 * @param width  FACE_WIDTH, above 0
 * @param height FACE_HEIGHT, above 0
 */
public record FaceBox(double x, double y, double width, double height) {
    /** The default margin on each side, as a fraction of the box's width (left, right) or height (top, bottom). */
    public static final double DEFAULT_MARGIN = 0.2;

    private static final List<String> CELLS = List.of("FACE_X", "FACE_Y", "FACE_WIDTH", "FACE_HEIGHT");

    /**
     * Parses the four cells as the list gives them.
     *
     * @param cells FACE_X, FACE_Y, FACE_WIDTH, FACE_HEIGHT
     * @return the box, or why it cannot be used (empty cell, not a number, zero or negative size)
     */
    public static Parsed parse(List<String> cells) {
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            String cell = cells.get(i).strip();
            if (cell.isEmpty()) {
                return new Parsed(Optional.empty(), Optional.of(CELLS.get(i) + " is empty"));
            }
            try {
                v[i] = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                v[i] = Double.NaN;
            }
            if (!Double.isFinite(v[i])) {
                return new Parsed(Optional.empty(), Optional.of(CELLS.get(i) + " is not a number: '" + cell + "'"));
            }
        }
        if (v[2] <= 0 || v[3] <= 0) {
            return new Parsed(Optional.empty(), Optional.of(String.format(Locale.ROOT,
                    "the box has no area: FACE_WIDTH %s, FACE_HEIGHT %s (expected both above 0)", cells.get(2).strip(),
                    cells.get(3).strip())));
        }
        return new Parsed(Optional.of(new FaceBox(v[0], v[1], v[2], v[3])), Optional.empty());
    }

    /**
     * A parsed box or why there is none.
     *
     * @param box     the box
     * @param problem why the cells give no usable box
     */
    public record Parsed(Optional<FaceBox> box, Optional<String> problem) {
    }

    /**
     * @param frameWidth  the frame's width in pixels
     * @param frameHeight the frame's height in pixels
     * @return whether some of the box lies outside the frame (its crop is then clipped)
     */
    public boolean extendsPast(int frameWidth, int frameHeight) {
        return x < 0 || y < 0 || x + width > frameWidth || y + height > frameHeight;
    }

    /**
     * @param frameWidth  the frame's width in pixels
     * @param frameHeight the frame's height in pixels
     * @param margin      the margin on each side, a fraction of the box's size, at least 0
     * @return the crop in the frame's pixels, or empty when the box has no pixel inside the frame
     */
    public Optional<Rectangle> crop(int frameWidth, int frameHeight, double margin) {
        if (x >= frameWidth || y >= frameHeight || x + width <= 0 || y + height <= 0) {
            return Optional.empty();
        }
        int left = (int) Math.max(0, Math.floor(x - margin * width));
        int top = (int) Math.max(0, Math.floor(y - margin * height));
        int right = (int) Math.min(frameWidth, Math.ceil(x + width + margin * width));
        int bottom = (int) Math.min(frameHeight, Math.ceil(y + height + margin * height));
        if (right <= left || bottom <= top) {
            return Optional.empty();
        }
        return Optional.of(new Rectangle(left, top, right - left, bottom - top));
    }
}
