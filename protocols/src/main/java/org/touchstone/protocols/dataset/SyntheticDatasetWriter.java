package org.touchstone.protocols.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.touchstone.protocols.synthetic.SyntheticFaceRenderer;
import org.touchstone.protocols.synthetic.SyntheticLabels;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.runformat.io.Sha256;

/**
 * Writes a synthetic dataset to a folder: {@code images/<subject_id>/<sample_id>.png} for every image,
 * then {@value #MANIFEST_NAME} (see {@code docs/dataset-manifest.md}) last, so that a folder with a
 * manifest is always complete. The output is byte-for-byte a function of the spec (on a given JDK).
 */
public final class SyntheticDatasetWriter {
    /** File name of the manifest in the dataset folder. */
    public static final String MANIFEST_NAME = "manifest.csv";
    /** Folder, relative to the manifest, that holds one folder of images per subject. */
    public static final String IMAGES_FOLDER = SyntheticSpec.IMAGES_FOLDER;
    /**
     * Most subjects written as files (about 2 GB of PNG at 4 images of 96x96 each); larger specs are
     * meant to be procedural ({@link #writeProcedural}).
     */
    public static final int MAX_FILE_SUBJECTS = 100_000;

    private static final String GENERATOR_COMMENT = "generator: " + SyntheticFaceRenderer.GENERATOR_NAME;
    private static final String SPEC_COMMENT = "spec: ";
    private static final int SHA256_BYTES = 32;

    private SyntheticDatasetWriter() {
    }

    /**
     * Renders every image of the spec, using all cores, and writes the manifest.
     *
     * <p>Idempotent: if the folder already holds a manifest written by this generator version for the
     * same canonical spec, with one row per image, it is returned as it is, without rendering (callers
     * that need to trust the images verify their hashes against the manifest). A manifest of this
     * generator for another spec or version is replaced; images of the old dataset that the new one does
     * not overwrite are left in place, outside the new manifest.
     *
     * @param spec      the dataset
     * @param directory the dataset folder; created if missing
     * @return the path of the manifest
     * @throws IOException              if a file cannot be written, or the folder holds a manifest that this
     *                                  generator did not write (it is never overwritten)
     * @throws IllegalArgumentException if the spec has more than {@value #MAX_FILE_SUBJECTS} subjects
     */
    public static Path write(SyntheticSpec spec, Path directory) throws IOException {
        if (spec.subjects() > MAX_FILE_SUBJECTS) {
            throw new IllegalArgumentException("synthetic datasets of more than " + MAX_FILE_SUBJECTS + " subjects are"
                    + " not written as files (" + spec.subjects() + " asked): make it procedural, rendered on demand"
                    + " (--dataset procedural:" + spec.canonical() + ", or touchstone dataset generate --procedural)");
        }
        Path manifest = directory.resolve(MANIFEST_NAME);
        if (Files.exists(manifest)) {
            if (isComplete(manifest, spec)) {
                return manifest;
            }
            // Our own output for another spec or version: stale, and regenerable from its spec.
            Files.delete(manifest);
        }
        Files.createDirectories(directory);
        SyntheticFaceRenderer renderer = new SyntheticFaceRenderer(spec);
        byte[] digests = new byte[spec.imageCount() * SHA256_BYTES];
        try {
            IntStream.range(0, spec.imageCount()).parallel().forEach(i -> {
                int subject = i / spec.imagesPerSubject();
                int image = i % spec.imagesPerSubject();
                byte[] png = renderer.renderPng(subject, image);
                System.arraycopy(sha256(png), 0, digests, i * SHA256_BYTES, SHA256_BYTES);
                Path file = directory.resolve(spec.imagePath(subject, image));
                try {
                    Files.createDirectories(file.getParent());
                    Files.write(file, png);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        ManifestWriter.write(manifest, comments(spec), new ManifestRows(renderer, digests));
        return manifest;
    }

    /**
     * Writes the procedural manifest of a spec: no image files, the images are rendered when read (see
     * {@link ProceduralManifest}). Renders only the few images whose hashes the manifest records.
     *
     * @param spec      the dataset
     * @param directory the dataset folder; created if missing
     * @return the path of the manifest, {@value #MANIFEST_NAME} in the folder
     * @throws IOException if it cannot be written, or the folder holds a manifest this generator did not write
     */
    public static Path writeProcedural(SyntheticSpec spec, Path directory) throws IOException {
        Path manifest = directory.resolve(MANIFEST_NAME);
        if (Files.exists(manifest) && !isOurs(manifest)) {
            throw foreign(manifest);
        }
        ProceduralManifest.write(manifest, spec);
        return manifest;
    }

    /** @return whether the manifest was written by this generator, stored or procedural */
    private static boolean isOurs(Path manifest) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null && line.startsWith("#")) {
                if (isGeneratorComment(line.substring(1).strip())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return whether a manifest comment names this generator, as a stored or a procedural manifest does */
    private static boolean isGeneratorComment(String comment) {
        return comment.startsWith(GENERATOR_COMMENT + " ")
                || comment.startsWith(ProceduralManifest.PROCEDURAL + " " + SyntheticFaceRenderer.GENERATOR_NAME + " ");
    }

    /** @return the comment lines that identify the generator and spec of a manifest */
    static List<String> comments(SyntheticSpec spec) {
        return List.of(GENERATOR_COMMENT + " " + SyntheticFaceRenderer.GENERATOR_VERSION,
                SPEC_COMMENT + spec.canonical());
    }

    /**
     * @return whether the manifest names this generator version and spec and has a row per image
     * @throws IOException if it cannot be read, or was not written by this generator at all
     */
    private static boolean isComplete(Path manifest, SyntheticSpec spec) throws IOException {
        List<String> expected = comments(spec);
        boolean ours = false;
        boolean same = false;
        long rows = 0;
        try (BufferedReader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (!ManifestWriter.FORMAT_LINE.equals(line)) {
                throw foreign(manifest);
            }
            List<String> found = new ArrayList<>();
            while ((line = in.readLine()) != null && line.startsWith("#")) {
                String comment = line.substring(1).strip();
                found.add(comment);
                ours |= isGeneratorComment(comment);
            }
            same = found.equals(expected);
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    rows++;
                }
            }
        }
        if (!ours) {
            throw foreign(manifest);
        }
        return same && rows == spec.imageCount();
    }

    private static IOException foreign(Path manifest) {
        return new IOException(manifest + " was not written by " + SyntheticFaceRenderer.GENERATOR_NAME
                + " (its comments do not name it); refusing to overwrite it: choose another folder");
    }

    private static byte[] sha256(byte[] bytes) {
        return Sha256.newDigest().digest(bytes);
    }

    /**
     * The manifest's rows, made on demand from the digests and the renderer's labels, so that a
     * dataset of millions of images needs 32 bytes per image in memory rather than a whole row.
     */
    private static final class ManifestRows extends AbstractList<Sample> {
        private final SyntheticFaceRenderer renderer;
        private final byte[] digests;

        ManifestRows(SyntheticFaceRenderer renderer, byte[] digests) {
            this.renderer = renderer;
            this.digests = digests;
        }

        @Override
        public Sample get(int index) {
            SyntheticSpec spec = renderer.spec();
            int subject = index / spec.imagesPerSubject();
            int image = index % spec.imagesPerSubject();
            SyntheticLabels labels = renderer.labels(subject, image);
            String hash = HexFormat.of().formatHex(digests, index * SHA256_BYTES, (index + 1) * SHA256_BYTES);
            return new Sample(spec.sampleId(subject, image), spec.subjectId(subject),
                    spec.imagePath(subject, image), hash, labels.labels(), labels.groups());
        }

        @Override
        public int size() {
            return digests.length / SHA256_BYTES;
        }
    }
}
