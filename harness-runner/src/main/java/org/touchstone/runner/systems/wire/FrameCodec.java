package org.touchstone.runner.systems.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes worker-protocol frames (see {@code docs/worker-protocol.md}):
 * <pre>
 *   4 bytes   magic "TSWP"
 *   4 bytes   header length H, unsigned big-endian, 2 &lt;= H &lt;= 16 MiB
 *   4 bytes   payload length P, unsigned big-endian, P &lt;= 1 GiB
 *   H bytes   header: a UTF-8 JSON object; "blobs": [n1, n2, ...] gives the blob lengths (sum P)
 *   P bytes   the blobs, concatenated
 * </pre>
 * The magic makes a worker that prints to its stdout detectable at the first byte; the length limits
 * stop garbage from being read as a gigantic frame.
 */
public final class FrameCodec {
    /** The four bytes every frame starts with. */
    static final byte[] MAGIC = {'T', 'S', 'W', 'P'};
    /** Largest header accepted. */
    static final int MAX_HEADER_BYTES = 16 << 20;
    /** Largest payload accepted. */
    static final long MAX_PAYLOAD_BYTES = 1L << 30;

    private FrameCodec() {
    }

    /**
     * Writes a frame and flushes.
     *
     * @param out   the stream
     * @param frame the frame; its header's {@code blobs} field is set here
     * @throws IOException if the stream fails
     */
    public static void write(OutputStream out, Frame frame) throws IOException {
        ObjectNode header = frame.header();
        long payload = 0;
        if (frame.blobs().isEmpty()) {
            header.remove("blobs");
        } else {
            ArrayNode lengths = header.putArray("blobs");
            for (byte[] blob : frame.blobs()) {
                lengths.add(blob.length);
                payload += blob.length;
            }
        }
        byte[] json = WireJson.bytes(header);
        if (json.length > MAX_HEADER_BYTES || payload > MAX_PAYLOAD_BYTES) {
            throw new IOException("frame too large: header " + json.length + " bytes, payload " + payload + " bytes");
        }
        byte[] prefix = new byte[12];
        System.arraycopy(MAGIC, 0, prefix, 0, 4);
        putInt(prefix, 4, json.length);
        putInt(prefix, 8, (int) payload);
        out.write(prefix);
        out.write(json);
        for (byte[] blob : frame.blobs()) {
            out.write(blob);
        }
        out.flush();
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    /**
     * Reads one frame.
     *
     * @param in the stream
     * @return the frame
     * @throws EOFException     if the stream ends before the first byte of a frame
     * @throws FramingException if the bytes are not a well-formed frame, or the stream ends inside one
     * @throws IOException      if the stream fails
     */
    public static Frame read(InputStream in) throws IOException {
        DataInputStream data = in instanceof DataInputStream d ? d : new DataInputStream(in);
        byte[] magic = new byte[4];
        int first = data.read();
        if (first < 0) {
            throw new EOFException("end of stream");
        }
        magic[0] = (byte) first;
        readFully(data, magic, 1, 3, "magic");
        if (magic[0] != MAGIC[0] || magic[1] != MAGIC[1] || magic[2] != MAGIC[2] || magic[3] != MAGIC[3]) {
            throw new FramingException("expected a frame (magic \"TSWP\"), found " + quote(magic, data)
                    + ": the worker wrote something else to its stdout", false);
        }
        long headerLength = Integer.toUnsignedLong(readInt(data, "header length"));
        long payloadLength = Integer.toUnsignedLong(readInt(data, "payload length"));
        if (headerLength < 2 || headerLength > MAX_HEADER_BYTES) {
            throw new FramingException("frame header length " + headerLength + " outside 2.." + MAX_HEADER_BYTES, false);
        }
        if (payloadLength > MAX_PAYLOAD_BYTES) {
            throw new FramingException("frame payload length " + payloadLength + " above " + MAX_PAYLOAD_BYTES, false);
        }
        byte[] json = new byte[(int) headerLength];
        readFully(data, json, 0, json.length, "header");
        ObjectNode header;
        try {
            header = WireJson.parseObject(json);
        } catch (MalformedMessageException e) {
            throw new FramingException("frame header is not a JSON object: " + e.getMessage(), false);
        }
        List<byte[]> blobs = new ArrayList<>();
        JsonNode lengths = header.get("blobs");
        long sum = 0;
        if (lengths != null && !lengths.isNull()) {
            if (!lengths.isArray()) {
                throw new FramingException("frame header 'blobs' must be an array of lengths", false);
            }
            for (JsonNode n : lengths) {
                if (!n.isIntegralNumber() || n.asLong() < 0) {
                    throw new FramingException("frame header 'blobs' holds " + n + ", not a length", false);
                }
                sum += n.asLong();
            }
        }
        if (sum != payloadLength) {
            throw new FramingException("frame blobs add up to " + sum + " bytes but the payload has " + payloadLength, false);
        }
        if (lengths != null && lengths.isArray()) {
            for (JsonNode n : lengths) {
                byte[] blob = new byte[n.asInt()];
                readFully(data, blob, 0, blob.length, "payload");
                blobs.add(blob);
            }
        }
        header.remove("blobs");
        return new Frame(header, blobs);
    }

    private static int readInt(DataInputStream in, String what) throws IOException {
        byte[] b = new byte[4];
        readFully(in, b, 0, 4, what);
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    private static void readFully(DataInputStream in, byte[] b, int off, int len, String what) throws IOException {
        try {
            in.readFully(b, off, len);
        } catch (EOFException e) {
            throw new FramingException("stream ended inside a frame's " + what, true);
        }
    }

    /** Quotes what was found instead of a frame, with a little of what follows, for the log. */
    private static String quote(byte[] start, InputStream in) {
        byte[] more = new byte[60];
        int n = 0;
        try {
            while (n < more.length && in.available() > 0) {
                int r = in.read(more, n, Math.min(more.length - n, in.available()));
                if (r <= 0) {
                    break;
                }
                n += r;
            }
        } catch (IOException e) {
            // What we have is enough to describe the problem.
        }
        byte[] all = new byte[4 + n];
        System.arraycopy(start, 0, all, 0, 4);
        System.arraycopy(more, 0, all, 4, n);
        StringBuilder s = new StringBuilder("\"");
        for (byte b : all) {
            int c = b & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                s.append((char) c);
            } else {
                s.append(String.format("\\x%02x", c));
            }
        }
        return s.append('"').toString();
    }
}
