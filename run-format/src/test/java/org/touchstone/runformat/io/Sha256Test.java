package org.touchstone.runformat.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    @TempDir
    Path dir;

    @Test
    void knownDigests() {
        // FIPS 180-2, appendix B.1 and the empty message.
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void aFileOrStreamLongerThanTheBufferHashesAsItsBytes() throws IOException {
        byte[] bytes = new byte[200_003];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(dir.resolve("image.png"), bytes);
        String expected = Sha256.hex(bytes);
        assertThat(Sha256.hex(file)).isEqualTo(expected);
        assertThat(Sha256.hex(new ByteArrayInputStream(bytes))).isEqualTo(expected);
        MessageDigest fed = Sha256.newDigest();
        Sha256.update(fed, new ByteArrayInputStream(bytes, 0, 100_000));
        Sha256.update(fed, new ByteArrayInputStream(bytes, 100_000, bytes.length - 100_000));
        assertThat(Sha256.hex(fed)).isEqualTo(expected);
    }

    @Test
    void aTreeHashCoversNamesAndContentsInSortedOrder() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("config"));
        Files.writeString(Files.createDirectories(tree.resolve("models")).resolve("b.onnx"), "bee");
        Files.writeString(tree.resolve("a.yaml"), "ay");
        // As the method's contract states it: path, NUL, content hash, line feed, in sorted path order.
        MessageDigest expected = Sha256.newDigest();
        expected.update(("a.yaml\0" + Sha256.hex("ay".getBytes(StandardCharsets.UTF_8)) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        expected.update(("models/b.onnx\0" + Sha256.hex("bee".getBytes(StandardCharsets.UTF_8)) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        String hash = Sha256.ofTree(tree);
        assertThat(hash).isEqualTo(HexFormat.of().formatHex(expected.digest()));

        Files.move(tree.resolve("a.yaml"), tree.resolve("c.yaml"));
        assertThat(Sha256.ofTree(tree)).isNotEqualTo(hash);
        assertThat(Sha256.ofTree(tree.resolve("c.yaml"))).isEqualTo(Sha256.hex("ay".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void onlyLowerCaseHexOfTheRightLengthIsADigest() {
        assertThat(Sha256.isHexDigest("a".repeat(64))).isTrue();
        assertThat(Sha256.isHexDigest("A".repeat(64))).isFalse();
        assertThat(Sha256.isHexDigest("a".repeat(63))).isFalse();
        assertThat(Sha256.isHexDigest("g".repeat(64))).isFalse();
    }
}
