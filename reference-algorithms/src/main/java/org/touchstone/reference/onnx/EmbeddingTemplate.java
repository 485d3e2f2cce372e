package org.touchstone.reference.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.touchstone.api.Template;

/**
 * The template format of the ONNX system: the magic {@code "TSOX"}, a 2-byte format version (1), a 2-byte
 * zero, a 4-byte dimension, then the unit-length embedding as float32, all little-endian.
 */
final class EmbeddingTemplate {
    /** The format version written and read. */
    static final short FORMAT_VERSION = 1;
    /** Bytes before the embedding. */
    static final int HEADER_BYTES = 12;
    private static final int MAGIC = 0x584F5354; // "TSOX" read as a little-endian int

    private EmbeddingTemplate() {
    }

    /**
     * @param unit a unit-length embedding
     * @return the template
     */
    static Template write(float[] unit) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + 4 * unit.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putShort(FORMAT_VERSION).putShort((short) 0).putInt(unit.length);
        for (float v : unit) {
            b.putFloat(v);
        }
        return Template.of(b.array());
    }

    /**
     * @param template  a template
     * @param dimension the embedding length this system makes
     * @return the embedding, or null when the template is not in this format or of another dimension
     */
    static float[] read(Template template, int dimension) {
        ByteBuffer b = template.buffer().order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() != HEADER_BYTES + 4 * dimension || b.getInt() != MAGIC || b.getShort() != FORMAT_VERSION
                || b.getShort() != 0 || b.getInt() != dimension) {
            return null;
        }
        float[] v = new float[dimension];
        b.asFloatBuffer().get(v);
        return v;
    }
}
