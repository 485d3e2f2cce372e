package org.touchstone.reference.onnx;

/**
 * A 2-D similarity transform (rotation, uniform scale, translation; no reflection or shear):
 * {@code (x, y) -> (a*x - b*y + tx, b*x + a*y + ty)}.
 *
 * <p>{@link #estimate} is the least-squares fit of Umeyama ("Least-squares estimation of transformation
 * parameters between two point patterns", IEEE TPAMI 13(4), 1991) in its 2-D closed form: with both
 * point sets centred, {@code a = sum(p.q) / sum(|p|^2)} and {@code b = sum(p x q) / sum(|p|^2)}. It is the
 * transform {@code skimage.transform.SimilarityTransform} estimates for ArcFace alignment.
 *
 * @param a  scale times cos(rotation)
 * @param b  scale times sin(rotation)
 * @param tx translation along x
 * @param ty translation along y
 */
record SimilarityTransform(double a, double b, double tx, double ty) {
    /**
     * Fits the transform taking {@code from[i]} closest to {@code to[i]} in the least-squares sense.
     *
     * @param from points {@code {x, y}}, at least two, not all equal
     * @param to   as many points
     * @return the transform
     * @throws IllegalArgumentException if the points are too few, of different counts, or all equal
     */
    static SimilarityTransform estimate(double[][] from, double[][] to) {
        if (from.length != to.length || from.length < 2) {
            throw new IllegalArgumentException("need two or more point pairs, got " + from.length + " and " + to.length);
        }
        int n = from.length;
        double fx = 0;
        double fy = 0;
        double gx = 0;
        double gy = 0;
        for (int i = 0; i < n; i++) {
            fx += from[i][0];
            fy += from[i][1];
            gx += to[i][0];
            gy += to[i][1];
        }
        fx /= n;
        fy /= n;
        gx /= n;
        gy /= n;
        double dot = 0;
        double cross = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            double px = from[i][0] - fx;
            double py = from[i][1] - fy;
            double qx = to[i][0] - gx;
            double qy = to[i][1] - gy;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            norm += px * px + py * py;
        }
        if (!(norm > 0)) {
            throw new IllegalArgumentException("the source points all coincide");
        }
        double a = dot / norm;
        double b = cross / norm;
        return new SimilarityTransform(a, b, gx - (a * fx - b * fy), gy - (b * fx + a * fy));
    }

    /**
     * @param x a point's x
     * @param y a point's y
     * @return the transformed point {@code {x', y'}}
     */
    double[] apply(double x, double y) {
        return new double[] {a * x - b * y + tx, b * x + a * y + ty};
    }

    /** @return the scale factor */
    double scale() {
        return Math.hypot(a, b);
    }

    /**
     * The inverse as the six coefficients {@link RgbImage#sample} takes: from the aligned patch back into
     * the image.
     *
     * @return {@code a, b, c, d, e, f} of the inverse map
     */
    double[] inverseMap() {
        double s2 = a * a + b * b;
        double ia = a / s2;
        double ib = b / s2;
        // Inverse of [[a, -b], [b, a]] is [[a, b], [-b, a]] / s2; then undo the translation.
        return new double[] {ia, ib, -(ia * tx + ib * ty), -ib, ia, -(-ib * tx + ia * ty)};
    }
}
