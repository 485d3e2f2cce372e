package org.touchstone.protocols.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 digests as lower-case hex, the form manifests, protocols and run directories record. */
public final class Sha256 {
    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-f]{64}");
    /** Large enough to read files efficiently, small enough that many threads can hash at once. */
    private static final int BUFFER_SIZE = 64 * 1024;

    private Sha256() {
    }

    /**
     * @param bytes the data
     * @return the SHA-256 of {@code bytes} as 64 lower-case hex digits
     */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /**
     * Hashes a file without holding it in memory.
     *
     * @param file the file to read
     * @return the SHA-256 of the file's bytes as 64 lower-case hex digits
     * @throws IOException if the file cannot be read
     */
    public static String hex(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * @param text a candidate digest
     * @return whether {@code text} is exactly 64 lower-case hex digits
     */
    public static boolean isHexDigest(String text) {
        return HEX_DIGEST.matcher(text).matches();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
