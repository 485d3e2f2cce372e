package org.touchstone.protocols.support;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding. Manifests and protocols are hashed as bytes and read as text; decoding
 * strictly (never substituting U+FFFD) guarantees that the text encodes back to exactly the hashed bytes.
 */
public final class Utf8 {
    private Utf8() {
    }

    /** The bytes are not valid UTF-8. */
    public static final class MalformedException extends Exception {
        private final int line;

        MalformedException(int line) {
            super("not valid UTF-8 text (line " + line + ")");
            this.line = line;
        }

        /** @return the physical line (1-based) holding the first invalid byte */
        public int line() {
            return line;
        }
    }

    /**
     * @param bytes UTF-8 encoded text
     * @return the text, including a byte order mark if there is one
     * @throws MalformedException if the bytes are not valid UTF-8
     */
    public static String decode(byte[] bytes) throws MalformedException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new MalformedException(lineAt(bytes, in.position()));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
