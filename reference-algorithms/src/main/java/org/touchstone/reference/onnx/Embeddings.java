package org.touchstone.reference.onnx;

/** Arithmetic on embeddings: normalising, averaging, cosine similarity. */
final class Embeddings {
    private Embeddings() {
    }

    /**
     * @param v a vector
     * @return {@code v / |v|}, or null when {@code |v|} is zero or not finite
     */
    static float[] normalised(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        double norm = Math.sqrt(sum);
        if (!(norm > 0) || !Double.isFinite(norm)) {
            return null;
        }
        float[] unit = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            unit[i] = (float) (v[i] / norm);
        }
        return unit;
    }

    /**
     * The direction of the mean of unit vectors: the template of several images of one person.
     *
     * @param units unit vectors of one length, at least one
     * @return the normalised mean, or null when they cancel out
     */
    static float[] meanDirection(java.util.List<float[]> units) {
        float[] sum = new float[units.get(0).length];
        for (float[] u : units) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += u[i];
            }
        }
        return normalised(sum);
    }

    /**
     * The cosine similarity of two unit vectors, kept inside [-1, 1] against rounding.
     *
     * @param a a unit vector
     * @param b a unit vector of the same length
     * @return the dot product, clamped to [-1, 1]
     */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return Math.max(-1.0, Math.min(1.0, dot));
    }
}
