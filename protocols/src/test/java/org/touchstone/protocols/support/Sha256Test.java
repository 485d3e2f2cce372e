package org.touchstone.protocols.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    /** FIPS 180-2, appendix B.1. */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void knownAnswerForBytesAndForAStreamedFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("abc");
        Files.writeString(file, "abc");

        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
        assertThat(Sha256.hex(file)).isEqualTo(ABC);
    }

    @Test
    void aFileLargerThanTheReadBufferHashesLikeItsBytes(@TempDir Path dir) throws Exception {
        byte[] bytes = new byte[200_001];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path file = Files.write(dir.resolve("big"), bytes);

        assertThat(Sha256.hex(file)).isEqualTo(Sha256.hex(bytes));
    }

    @Test
    void hexDigestFormatIsExactly64LowerCaseHexDigits() {
        assertThat(Sha256.isHexDigest(ABC)).isTrue();
        assertThat(Sha256.isHexDigest(ABC.toUpperCase())).isFalse();
        assertThat(Sha256.isHexDigest(ABC.substring(1))).isFalse();
        assertThat(Sha256.isHexDigest(ABC.replace('a', 'g'))).isFalse();
    }
}
