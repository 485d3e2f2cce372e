package org.touchstone.reference.lbp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The fitted linear map of the {@code lbp-compact} system: from an {@link LbpFeatures} description
 * (3,776 values) to a short embedding, in two whitened PCA stages. Each cell's 59 values, less the
 * training mean, are projected on the cell's leading principal components, each divided by the square
 * root of its variance; the concatenation is projected on its own leading principal components, again
 * whitened. Whitening gives every retained direction the same weight in the cosine, which is what makes
 * the short embedding separate faces better than the full histograms do; fitting per cell first keeps
 * the fit cheap and the parameters small (a global 3,776-dimensional basis would be six times larger).
 *
 * <p>Fitted by {@code reference-training} ({@code LbpProjectionTrainer}) on synthetic training faces of a
 * seed used nowhere else. Model weights are built, not committed: that module's build fits them into its own
 * jar as the resource {@value #RESOURCE} (this module cannot fit them itself, since the faces come from
 * {@code protocols}' generator, which it must not depend on), so whatever runs {@code lbp-compact} (the runner,
 * its worker processes, Spark's executors) needs {@code reference-training}'s jar on the class path. The
 * resource's bytes are {@link #toBytes()}:
 *
 * <pre>
 * offset  size  content (little-endian)
 *  0      8     magic "TSLBPPRJ"
 *  8      4     format version, 1
 * 12      4     cells (64)
 * 16      4     bins per cell (59)
 * 20      4     components kept per cell, k
 * 24      4     embedding dimension, d
 * 28      4     n, the length of the comment text
 * 32      n     comment lines, UTF-8, joined by '\n': what produced the parameters
 * then    float32 mean[cells * bins]; float32 cellBasis[cells][k][bins]; float32 basis[d][cells * k]
 * </pre>
 *
 * The rows of both bases are already divided by the square root of their component's variance.
 *
 * @param comments          what produced the parameters
 * @param componentsPerCell k
 * @param dimension         d, the embedding's length
 * @param mean              the training mean of the descriptions
 * @param cellBasis         per cell, its k whitened principal directions
 * @param basis             the d whitened principal directions of the concatenated cell projections
 */
public record LbpProjection(List<String> comments, int componentsPerCell, int dimension, float[] mean,
                            float[] cellBasis, float[] basis) {
    /** The resource holding the fitted parameters, built into {@code reference-training}'s jar. */
    public static final String RESOURCE = "/org/touchstone/reference/lbp/lbp-compact-projection.bin";
    /** The format version written and read. */
    public static final int FORMAT_VERSION = 1;

    private static final byte[] MAGIC = "TSLBPPRJ".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = 32;

    /**
     * Checks the shapes.
     *
     * @throws IllegalArgumentException if an array does not have the length the counts give
     */
    public LbpProjection {
        comments = List.copyOf(comments);
        Objects.requireNonNull(mean, "mean");
        if (componentsPerCell < 1 || componentsPerCell > LbpFeatures.BINS || dimension < 1
                || dimension > LbpFeatures.CELLS * componentsPerCell) {
            throw new IllegalArgumentException("cannot keep " + componentsPerCell + " components per cell and "
                    + dimension + " in all");
        }
        if (mean.length != LbpFeatures.DIMENSION || cellBasis.length != LbpFeatures.DIMENSION * componentsPerCell
                || basis.length != dimension * LbpFeatures.CELLS * componentsPerCell) {
            throw new IllegalArgumentException("parameter arrays of lengths " + mean.length + ", " + cellBasis.length
                    + ", " + basis.length + " do not fit " + componentsPerCell + " components per cell and dimension "
                    + dimension);
        }
    }

    /**
     * @return the parameters bundled on the class path by the build ({@value #RESOURCE})
     * @throws IllegalStateException if the class path lacks them
     */
    public static LbpProjection bundled() {
        return Bundled.PROJECTION;
    }

    /** Loaded on first use, once. */
    private static final class Bundled {
        static final LbpProjection PROJECTION = load();

        private static LbpProjection load() {
            try (InputStream in = LbpProjection.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path: it"
                            + " is fitted by the build of reference-training, whose jar (or target/classes) must be"
                            + " on the class path to run lbp-compact");
                }
                return read(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /**
     * @param bytes the format above
     * @return the parameters
     * @throws IllegalArgumentException if the bytes are not that format
     */
    public static LbpProjection read(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            int version = in.getInt();
            if (!Arrays.equals(magic, MAGIC) || version != FORMAT_VERSION) {
                throw new IllegalArgumentException("not an LBP projection of format version " + FORMAT_VERSION);
            }
            int cells = in.getInt();
            int bins = in.getInt();
            if (cells != LbpFeatures.CELLS || bins != LbpFeatures.BINS) {
                throw new IllegalArgumentException("projection of " + cells + " cells of " + bins + " bins; the LBP"
                        + " description has " + LbpFeatures.CELLS + " of " + LbpFeatures.BINS);
            }
            int k = in.getInt();
            int d = in.getInt();
            byte[] text = new byte[in.getInt()];
            in.get(text);
            float[] mean = floats(in, LbpFeatures.DIMENSION);
            float[] cellBasis = floats(in, (long) LbpFeatures.DIMENSION * k);
            float[] basis = floats(in, (long) d * LbpFeatures.CELLS * k);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the parameters");
            }
            String comments = new String(text, StandardCharsets.UTF_8);
            return new LbpProjection(comments.isEmpty() ? List.of() : List.of(comments.split("\n", -1)), k, d, mean,
                    cellBasis, basis);
        } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("truncated LBP projection", e);
        }
    }

    private static float[] floats(ByteBuffer in, long count) {
        if (count > in.remaining() / Float.BYTES) {
            throw new IllegalArgumentException("truncated LBP projection");
        }
        float[] values = new float[(int) count];
        in.asFloatBuffer().get(values);
        in.position(in.position() + values.length * Float.BYTES);
        return values;
    }

    /** @return the parameters in the format above */
    public byte[] toBytes() {
        byte[] text = String.join("\n", comments).getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + text.length
                + Float.BYTES * (mean.length + cellBasis.length + basis.length)).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putInt(FORMAT_VERSION).putInt(LbpFeatures.CELLS).putInt(LbpFeatures.BINS)
                .putInt(componentsPerCell).putInt(dimension).putInt(text.length).put(text);
        for (float[] values : List.of(mean, cellBasis, basis)) {
            out.asFloatBuffer().put(values);
            out.position(out.position() + values.length * Float.BYTES);
        }
        return out.array();
    }

    /** @return the SHA-256 of {@link #toBytes()}, which names these parameters in templates */
    public byte[] sha256() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(toBytes());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    /**
     * Projects a description. Float arithmetic in a fixed order, so the result is the same on every JVM.
     *
     * @param features an {@link LbpFeatures} description
     * @return the embedding, {@link #dimension()} values (not normalised)
     */
    public float[] project(float[] features) {
        int k = componentsPerCell;
        int bins = LbpFeatures.BINS;
        float[] centred = new float[features.length];
        for (int i = 0; i < centred.length; i++) {
            centred[i] = features[i] - mean[i];
        }
        float[] cells = new float[LbpFeatures.CELLS * k];
        for (int c = 0; c < LbpFeatures.CELLS; c++) {
            for (int j = 0; j < k; j++) {
                int row = (c * k + j) * bins;
                float sum = 0;
                for (int i = 0; i < bins; i++) {
                    sum += cellBasis[row + i] * centred[c * bins + i];
                }
                cells[c * k + j] = sum;
            }
        }
        float[] embedding = new float[dimension];
        for (int o = 0; o < dimension; o++) {
            int row = o * cells.length;
            float sum = 0;
            for (int i = 0; i < cells.length; i++) {
                sum += basis[row + i] * cells[i];
            }
            embedding[o] = sum;
        }
        return embedding;
    }
}
