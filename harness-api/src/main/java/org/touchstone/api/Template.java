package org.touchstone.api;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A biometric template: bytes opaque to the harness, meaningful only to the system that made them.
 * The harness stores templates, measures their size and hands them back to the same system.
 *
 * <p>Immutable. Reading through {@link #buffer()} does not copy.
 */
public final class Template {
    private final byte[] bytes;

    private Template(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @param bytes the template's bytes; copied
     * @return the template
     */
    public static Template of(byte[] bytes) {
        return new Template(Objects.requireNonNull(bytes, "bytes").clone());
    }

    /** @return a read-only view of the bytes, positioned at 0 */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** @return a copy of the bytes */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** @return the size in bytes, as reported in template-size tables */
    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Template t && Arrays.equals(bytes, t.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Template[" + bytes.length + " bytes]";
    }
}
