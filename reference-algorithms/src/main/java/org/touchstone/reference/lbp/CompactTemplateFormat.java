package org.touchstone.reference.lbp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.touchstone.api.Template;
import org.touchstone.reference.identification.EmbeddingCodec;

/**
 * The bytes of an {@code lbp-compact} template, version {@value #FORMAT_VERSION}:
 *
 * <pre>
 * offset  size  content
 *  0      4     magic "LBPC" (ASCII)
 *  4      1     format version, 1
 *  5      1     reserved, 0
 *  6      2     embedding dimension d, little-endian
 *  8      4     the first 4 bytes of the projection's SHA-256 ({@link LbpProjection#sha256()})
 * 12      4d    the embedding, unit length, float32 little-endian
 * </pre>
 *
 * A template made with other projection parameters is refused rather than compared: its values mean
 * something else. Also the {@link EmbeddingCodec} of the 1:N gallery.
 *
 * <p>Immutable and thread safe.
 */
final class CompactTemplateFormat implements EmbeddingCodec {
    /** The current format version. */
    static final int FORMAT_VERSION = 1;
    /** Bytes before the embedding. */
    static final int HEADER_BYTES = 12;

    private static final byte[] MAGIC = "LBPC".getBytes(StandardCharsets.US_ASCII);

    private final int dimension;
    private final byte[] header;

    /** @param projection the parameters whose embeddings this format holds */
    CompactTemplateFormat(LbpProjection projection) {
        this.dimension = projection.dimension();
        byte[] hash = projection.sha256();
        this.header = new byte[] {MAGIC[0], MAGIC[1], MAGIC[2], MAGIC[3], (byte) FORMAT_VERSION, 0,
            (byte) dimension, (byte) (dimension >>> 8), hash[0], hash[1], hash[2], hash[3]};
    }

    /** @return the size of every template, in bytes */
    int templateBytes() {
        return HEADER_BYTES + Float.BYTES * dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /**
     * @param embedding {@link #dimension()} values of unit length
     * @return the template's bytes
     */
    byte[] encode(float[] embedding) {
        ByteBuffer bytes = ByteBuffer.allocate(templateBytes()).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(header);
        bytes.asFloatBuffer().put(embedding);
        return bytes.array();
    }

    @Override
    public void decode(Template template, float[] out) throws InvalidEmbeddingException {
        if (template == null) {
            throw new InvalidEmbeddingException("template is null");
        }
        ByteBuffer bytes = template.buffer();
        if (bytes.remaining() < HEADER_BYTES || !Arrays.equals(MAGIC, 0, 4, header(bytes), 0, 4)) {
            throw new InvalidEmbeddingException("not an lbp-compact template: it does not start with \"LBPC\"");
        }
        byte[] found = header(bytes);
        if (!Arrays.equals(found, header)) {
            throw new InvalidEmbeddingException("lbp-compact template of format version " + (found[4] & 0xFF)
                    + ", dimension " + ((found[6] & 0xFF) | (found[7] & 0xFF) << 8) + ", projection "
                    + java.util.HexFormat.of().formatHex(found, 8, 12) + "...; this system reads version "
                    + FORMAT_VERSION + ", dimension " + dimension + ", projection "
                    + java.util.HexFormat.of().formatHex(header, 8, 12) + "...");
        }
        if (bytes.remaining() != templateBytes()) {
            throw new InvalidEmbeddingException("template has " + bytes.remaining() + " bytes; an lbp-compact template"
                    + " has " + templateBytes());
        }
        bytes.position(HEADER_BYTES).slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out, 0, dimension);
    }

    private static byte[] header(ByteBuffer bytes) {
        byte[] found = new byte[HEADER_BYTES];
        bytes.get(0, found);
        return found;
    }
}
