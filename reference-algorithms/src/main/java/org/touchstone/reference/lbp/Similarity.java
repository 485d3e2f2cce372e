package org.touchstone.reference.lbp;

import java.util.Arrays;

/**
 * How two sets of per-cell histograms are compared. Each cell's histogram sums to 1, so both measures
 * are bounded and map onto a similarity in [0, 1], 1 for identical histograms.
 *
 * <p>The histograms are held as one {@code float[]} per grid row. The kernels add each row's terms into
 * a partial array with plain {@code [i]} indexing, which C2 vectorises, and sum that array once at the
 * end: a single running float sum would serialise on the adder, and indexing one flat array at a
 * varying offset defeats C2's vectoriser on JDK 17. The caller lends the partial array, so that a
 * comparison allocates nothing. The kernels are written out separately on purpose: one shared
 * loop calling the per-bin term through an interface would not be vectorised.
 */
enum Similarity {
    /**
     * Chi-square, as in Ahonen, Hadid and Pietikäinen (2006): {@code chi2 = sum (a - b)^2 / (a + b)} over
     * every bin where {@code a + b > 0}. Per cell it lies in [0, 2] (2 when the cell's histograms share
     * no bin), so the similarity is {@code 1 - chi2 / (2 * cells)}.
     */
    CHI_SQUARE("chi-square", "chi2 = sum (a - b)^2 / (a + b); similarity = 1 - chi2 / (2 * cells)") {
        @Override
        double similarity(float[][] a, float[][] b, int cells, float[] partial) {
            return toUnitRange(1 - chiSquare(a, b, partial) / (2.0 * cells));
        }
    },
    /** Histogram intersection, {@code sum min(a, b)}: the mass shared, in [0, 1] per cell; divided by cells. */
    INTERSECTION("intersection", "similarity = sum min(a, b) / cells") {
        @Override
        double similarity(float[][] a, float[][] b, int cells, float[] partial) {
            return toUnitRange(intersection(a, b, partial) / cells);
        }
    },
    /**
     * The Bhattacharyya coefficient, {@code sum sqrt(a b)}: 1 per cell for identical histograms, so
     * divided by cells. It is the cosine of the histograms' square roots (each cell's root vector has unit
     * length), which is what exact cosine search computes for 1:N: with it, a system's 1:1 and 1:N
     * scores are one and the same.
     */
    BHATTACHARYYA("bhattacharyya", "similarity = sum sqrt(a b) / cells, the cosine of the square-rooted histograms") {
        @Override
        double similarity(float[][] a, float[][] b, int cells, float[] partial) {
            return toUnitRange(bhattacharyya(a, b, partial) / cells);
        }
    };

    /**
     * Added to every denominator so that bins empty in both histograms contribute 0 instead of 0/0,
     * without a branch in the loop. Far below the smallest non-zero bin value, so other terms are exact.
     */
    private static final float EMPTY_BIN_GUARD = 1e-30f;
    /** Float sums over thousands of bins may stray this far outside [0, 1] with valid histograms. */
    private static final double ROUNDING_SLACK = 1e-4;

    private final String configName;
    private final String formula;

    Similarity(String configName, String formula) {
        this.configName = configName;
        this.formula = formula;
    }

    /** @return the value naming this measure in {@code lbp.properties} */
    String configName() {
        return configName;
    }

    /** @return how the similarity is computed, for the system descriptor */
    String formula() {
        return formula;
    }

    /**
     * @param a       histograms, one array per grid row, each cell's bins summing to 1
     * @param b       histograms of the same shape
     * @param cells   the number of grid cells
     * @param partial scratch space as long as one row; overwritten
     * @return the similarity in [0, 1], higher for more similar; NaN when the arrays cannot be valid
     *         histograms (NaN values, negative values, or a result far outside the range)
     */
    abstract double similarity(float[][] a, float[][] b, int cells, float[] partial);

    /**
     * @param a       histograms, one array per grid row
     * @param b       histograms of the same shape
     * @param partial scratch space as long as one row; overwritten
     * @return the chi-square distance, summed over all bins
     */
    static double chiSquare(float[][] a, float[][] b, float[] partial) {
        Arrays.fill(partial, 0f);
        for (int row = 0; row < a.length; row++) {
            float[] x = a[row];
            float[] y = b[row];
            for (int i = 0; i < partial.length; i++) {
                float difference = x[i] - y[i];
                partial[i] += difference * difference / (x[i] + y[i] + EMPTY_BIN_GUARD);
            }
        }
        return sum(partial);
    }

    /**
     * @param a       histograms, one array per grid row
     * @param b       histograms of the same shape
     * @param partial scratch space as long as one row; overwritten
     * @return the sum over all bins of the smaller of the two values
     */
    static double intersection(float[][] a, float[][] b, float[] partial) {
        Arrays.fill(partial, 0f);
        for (int row = 0; row < a.length; row++) {
            float[] x = a[row];
            float[] y = b[row];
            for (int i = 0; i < partial.length; i++) {
                partial[i] += Math.min(x[i], y[i]);
            }
        }
        return sum(partial);
    }

    /**
     * @param a       histograms, one array per grid row
     * @param b       histograms of the same shape
     * @param partial scratch space as long as one row; overwritten
     * @return the sum over all bins of the square root of the product of the two values
     */
    static double bhattacharyya(float[][] a, float[][] b, float[] partial) {
        Arrays.fill(partial, 0f);
        for (int row = 0; row < a.length; row++) {
            float[] x = a[row];
            float[] y = b[row];
            for (int i = 0; i < partial.length; i++) {
                partial[i] += (float) Math.sqrt(x[i] * y[i]);
            }
        }
        return sum(partial);
    }

    private static double sum(float[] values) {
        double total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }

    /** Clamps rounding overshoot into [0, 1]; anything further out (or NaN) means corrupt values. */
    private static double toUnitRange(double similarity) {
        if (!(similarity >= -ROUNDING_SLACK && similarity <= 1 + ROUNDING_SLACK)) {
            return Double.NaN;
        }
        return Math.max(0.0, Math.min(1.0, similarity));
    }
}
