package org.touchstone.reports.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.touchstone.runformat.RunDirectoryException;

/**
 * A score file's bytes in blocks of whole lines, for parsers that work on bytes (and on several blocks at
 * once). Checks what the first bytes say about the encoding: a UTF-8 byte order mark is skipped; a UTF-16
 * one, or a NUL byte among the first two, is refused as "not UTF-8" naming the file. Lines are bounded: a
 * block that holds no line end at all (for example {@code /dev/zero}) is reported, not read until memory
 * runs out. A line ends at LF, CR or CR LF, as {@link java.io.BufferedReader#readLine()} has it.
 */
final class ScoreFileText implements Closeable {
    /** The longest line a score file may have, in bytes. */
    static final int MAX_LINE_BYTES = 1 << 16;
    /** Bytes read per block: large enough that parsing, not handing blocks around, dominates. */
    static final int BLOCK_BYTES = 1 << 22;

    private final Path file;
    private final InputStream in;
    private final int blockBytes;
    private byte[] carry = new byte[0];
    private int carryLength;
    private boolean ended;

    /**
     * A block of whole lines, {@code bytes[0 .. length)}; or, when {@code overlong}, bytes holding no line
     * end at all.
     *
     * @param bytes    the block's bytes (owned by the block)
     * @param length   how many of them are the block's
     * @param overlong whether a line went on past the block (longer than {@link #BLOCK_BYTES})
     */
    record Block(byte[] bytes, int length, boolean overlong) {
    }

    private ScoreFileText(Path file, InputStream in, int blockBytes) {
        this.file = file;
        this.in = in;
        this.blockBytes = blockBytes;
    }

    /**
     * Opens a score file, checking its first bytes.
     *
     * @param file the file
     * @return the reader, positioned after a UTF-8 byte order mark if there is one
     * @throws RunDirectoryException when the file is UTF-16 or otherwise not UTF-8 text
     * @throws IOException           when it cannot be read
     */
    static ScoreFileText open(Path file) throws IOException {
        return open(file, BLOCK_BYTES);
    }

    static ScoreFileText open(Path file, int blockBytes) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            ScoreFileText text = new ScoreFileText(file, in, blockBytes);
            byte[] head = in.readNBytes(3);
            text.carry = Arrays.copyOf(head, Math.max(head.length, 16));
            text.carryLength = head.length;
            checkHead(file, head);
            if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
                text.carryLength = 0;
            }
            return text;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Opens a score file as a stream of UTF-8 bytes, checking its first bytes as {@link #open(Path)} does.
     *
     * @param file the file
     * @return the stream, positioned after a UTF-8 byte order mark if there is one
     * @throws RunDirectoryException when the file is UTF-16
     * @throws IOException           when it cannot be read
     */
    static java.io.InputStream openUtf8(Path file) throws IOException {
        java.io.PushbackInputStream in = new java.io.PushbackInputStream(Files.newInputStream(file), 3);
        try {
            byte[] head = in.readNBytes(3);
            checkHead(file, head);
            if (!startsWith(head, 0xEF, 0xBB, 0xBF)) {
                in.unread(head);
            }
            return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static void checkHead(Path file, byte[] head) throws RunDirectoryException {
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            throw notUtf8(file, "it starts with a UTF-16 byte order mark");
        }
        if (head.length >= 2 && (head[0] == 0) != (head[1] == 0)) {
            throw notUtf8(file, "a NUL byte among its first two, as in UTF-16");
        }
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The error for text that is not UTF-8.
     *
     * @param file the file
     * @param why  what shows it
     * @return the error, naming the file
     */
    static RunDirectoryException notUtf8(Path file, String why) {
        return new RunDirectoryException(file, 0, 0, null, "not UTF-8 text (" + why + "): save the score file as"
                + " UTF-8 (ASCII is UTF-8)");
    }

    /**
     * The next block of whole lines.
     *
     * @return the block, or null at the end of the file
     * @throws IOException when the file cannot be read
     */
    Block next() throws IOException {
        if (ended && carryLength == 0) {
            return null;
        }
        byte[] block = new byte[Math.max(blockBytes, carryLength)];
        System.arraycopy(carry, 0, block, 0, carryLength);
        int length = carryLength;
        carryLength = 0;
        while (!ended && length < block.length) {
            int read = in.read(block, length, block.length - length);
            if (read < 0) {
                ended = true;
            } else {
                length += read;
            }
        }
        if (ended) {
            return length == 0 ? null : new Block(block, length, false);
        }
        int cut = lastLineEnd(block, length);
        if (cut < 0) {
            return new Block(block, length, true);
        }
        carryLength = length - cut;
        if (carry.length < carryLength) {
            carry = new byte[Math.max(carryLength, carry.length * 2)];
        }
        System.arraycopy(block, cut, carry, 0, carryLength);
        return new Block(block, cut, false);
    }

    /**
     * Where the last complete line ends: after the last LF; without one, after the last CR that is not the
     * final byte (a final CR may be the first half of a CR LF).
     */
    private static int lastLineEnd(byte[] bytes, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        for (int i = length - 2; i >= 0; i--) {
            if (bytes[i] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * The file being read.
     *
     * @return its path
     */
    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
