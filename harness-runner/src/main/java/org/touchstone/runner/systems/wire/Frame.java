package org.touchstone.runner.systems.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One message of the worker protocol: a JSON header and zero or more binary blobs (images, templates).
 *
 * @param header the JSON header; its {@code blobs} field is managed by {@link FrameCodec}
 * @param blobs  the binary payload, in order
 */
public record Frame(ObjectNode header, List<byte[]> blobs) {
    /** Canonical form: the blob list is copied (the arrays are not). */
    public Frame {
        Objects.requireNonNull(header, "header");
        blobs = List.copyOf(blobs);
    }

    /**
     * @param header a header without blobs
     * @return the frame
     */
    public static Frame of(ObjectNode header) {
        return new Frame(header, List.of());
    }

    /**
     * @param i a blob's position
     * @return the blob
     */
    public byte[] blob(int i) {
        return blobs.get(i);
    }
}
