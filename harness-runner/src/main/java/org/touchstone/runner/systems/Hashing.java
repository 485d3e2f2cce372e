package org.touchstone.runner.systems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.touchstone.protocols.support.Sha256;

/** SHA-256 of files, byte arrays (both as the protocols module computes them) and whole folders, as lower-case hex. */
public final class Hashing {
    private Hashing() {
    }

    /** @return a fresh SHA-256 digest */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * @param bytes data
     * @return its SHA-256 in hex
     */
    public static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    /**
     * @param file a regular file
     * @return its SHA-256 in hex, streamed
     * @throws IOException if it cannot be read
     */
    public static String sha256(Path file) throws IOException {
        return Sha256.hex(file);
    }

    /**
     * A content hash of a file or of a folder tree: for a folder, the SHA-256 over each regular file's
     * relative path ('/' separated) and content hash, in sorted path order, so it depends on content
     * and names only, never on timestamps or traversal order.
     *
     * @param path a file or folder
     * @return the hash in hex
     * @throws IOException if something cannot be read
     */
    public static String sha256OfTree(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return sha256(path);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        MessageDigest digest = sha256();
        try {
            for (Path f : files) {
                String relative = path.relativize(f).toString().replace('\\', '/');
                digest.update((relative + "\0" + sha256(f) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
