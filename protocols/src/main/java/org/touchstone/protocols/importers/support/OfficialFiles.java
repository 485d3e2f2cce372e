package org.touchstone.protocols.importers.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Recognises an official protocol file by its checksum, so the import can say whether the user's copy is
 * the file the published numbers rest on. MD5 is used only where the reference gives MD5s (torchvision's
 * LFW list); it identifies, it does not protect.
 */
public final class OfficialFiles {
    private OfficialFiles() {
    }

    /**
     * @param file      a file
     * @param algorithm {@code MD5} or {@code SHA-256}
     * @return its digest, lower-case hex
     * @throws IOException if it cannot be read
     */
    public static String digest(Path file, String algorithm) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("no " + algorithm + " in this JDK", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * @param file      the protocol file read
     * @param algorithm {@code MD5} or {@code SHA-256}
     * @param official  the official file's digest in that algorithm
     * @param name      what the official file is, e.g. {@code LFW View 2 pairs.txt}
     * @return one line for the import's report: recognised, or not and what that means
     * @throws IOException if it cannot be read
     */
    public static String recognise(Path file, String algorithm, String official, String name) throws IOException {
        String actual = digest(file, algorithm);
        String label = algorithm.toUpperCase(Locale.ROOT);
        return actual.equals(official)
                ? file.getFileName() + ": recognised as the official " + name + " (" + label + " " + actual + ")"
                : file.getFileName() + ": NOT the official " + name + " (" + label + " " + actual + ", official "
                + official + "); a modified copy: numbers on it are not comparable with published ones";
    }
}
