package org.touchstone.reference.identification;

/** Scaling embeddings to unit length, as exact cosine search compares them. */
public final class UnitLength {
    private UnitLength() {
    }

    /**
     * Scales a vector to unit length in place: each value times the float nearest 1 / |v|.
     *
     * @param v the vector, changed
     * @return false, leaving it unchanged, for a zero or non-finite vector, whose direction is undefined
     */
    public static boolean normalise(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (!(sum > 0) || !Double.isFinite(sum)) {
            return false;
        }
        float scale = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return true;
    }
}
