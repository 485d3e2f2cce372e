package org.touchstone.runformat.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * SHA-256 as lower-case hex, the form dataset manifests, protocols and run directories record. Files and
 * streams are hashed as they are read, never held in memory.
 */
public final class Sha256 {
    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-f]{64}");
    /** Large enough to read files efficiently, small enough that many threads can hash at once. */
    private static final int BUFFER_SIZE = 64 * 1024;

    private Sha256() {
    }

    /**
     * A digest to feed by hand, for content that is not one file (for example several files in turn).
     *
     * @return a fresh SHA-256 digest
     */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /**
     * Hashes bytes at hand.
     *
     * @param bytes the data
     * @return its SHA-256 as 64 lower-case hex digits
     */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /**
     * Hashes a file as it is read.
     *
     * @param file the file to read
     * @return the SHA-256 of its bytes as 64 lower-case hex digits
     * @throws IOException if it cannot be read
     */
    public static String hex(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return hex(in);
        }
    }

    /**
     * Hashes what is left of a stream, reading it to its end.
     *
     * @param in the stream; not closed
     * @return the SHA-256 of its bytes as 64 lower-case hex digits
     * @throws IOException if it cannot be read
     */
    public static String hex(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        update(digest, in);
        return hex(digest);
    }

    /**
     * Feeds what is left of a stream to a digest.
     *
     * @param digest the digest
     * @param in     the stream, read to its end; not closed
     * @throws IOException if it cannot be read
     */
    public static void update(MessageDigest digest, InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
    }

    /**
     * Completes a digest.
     *
     * @param digest a digest fed by hand (see {@link #newDigest()}); reset by this call
     * @return its value as 64 lower-case hex digits
     */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * A content hash of a file or of a folder tree: for a folder, the SHA-256 over each regular file's
     * relative path ('/' separated), a NUL, its content hash and a line feed, in sorted path order, so it
     * depends on content and names only, never on timestamps or traversal order.
     *
     * @param path a file or folder
     * @return the hash as 64 lower-case hex digits
     * @throws IOException if something cannot be read
     */
    public static String ofTree(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return hex(path);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        MessageDigest digest = newDigest();
        for (Path file : files) {
            String relative = path.relativize(file).toString().replace('\\', '/');
            digest.update((relative + "\0" + hex(file) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return hex(digest);
    }

    /**
     * Whether text is a digest as this class writes it.
     *
     * @param text a candidate digest
     * @return whether it is exactly 64 lower-case hex digits
     */
    public static boolean isHexDigest(String text) {
        return HEX_DIGEST.matcher(text).matches();
    }
}
