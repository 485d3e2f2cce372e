package org.touchstone.runner.golden;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The SHA-256 of every file of some run directories, and a fingerprint of what draws figures (the JDK and
 * its fonts), as recorded in a text file: a line {@code # rendering <sha256>}, then {@code <sha256>  <run>/<path>}
 * lines, sorted by path.
 *
 * @param fonts the rendering fingerprint
 * @param files digest by {@code run/path}
 */
record GoldenDigests(String fonts, Map<String, String> files) {
    private static final String RENDERING = "# rendering ";

    /**
     * @param demo the folder holding the run directories
     * @param runs their names
     * @return the digests of every file in them
     * @throws IOException if a file cannot be read
     */
    static GoldenDigests of(Path demo, String... runs) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String run : runs) {
            try (Stream<Path> walk = Files.walk(demo.resolve(run))) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    String relative = demo.relativize(f).toString().replace('\\', '/');
                    files.put(relative, sha256(Files.readAllBytes(f)));
                }
            }
        }
        return new GoldenDigests(renderingFingerprint(), files);
    }

    /**
     * @param in the recorded text
     * @return its digests
     * @throws IOException if it cannot be read
     */
    static GoldenDigests read(InputStream in) throws IOException {
        Objects.requireNonNull(in, "the recorded digests are missing: record them (see GoldenRunTest)");
        String fonts = "";
        Map<String, String> files = new TreeMap<>();
        try (in) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith(RENDERING)) {
                    fonts = line.substring(RENDERING.length());
                } else if (!line.isBlank()) {
                    files.put(line.substring(66), line.substring(0, 64));
                }
            }
        }
        return new GoldenDigests(fonts, files);
    }

    /** @return the recorded text */
    String text() {
        StringBuilder text = new StringBuilder(RENDERING).append(fonts).append('\n');
        files.forEach((path, digest) -> text.append(digest).append("  ").append(path).append('\n'));
        return text.toString();
    }

    /**
     * @param run           a run's name
     * @param withRendering whether to include what the fonts draw (figures and the report card embedding them)
     * @return digest by path within the run
     */
    Map<String, String> files(String run, boolean withRendering) {
        Map<String, String> of = new TreeMap<>();
        files.forEach((path, digest) -> {
            if (path.startsWith(run + "/")) {
                String inRun = path.substring(run.length() + 1);
                if (withRendering || !(inRun.startsWith("figures/") || inRun.equals("report.html"))) {
                    of.put(inRun, digest);
                }
            }
        });
        return of;
    }

    /** The JDK and its font families: figures drawn elsewhere may differ in their glyphs' outlines. */
    private static String renderingFingerprint() {
        String fonts = String.join("\n", GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        return sha256((System.getProperty("java.runtime.version") + "\n" + fonts).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
