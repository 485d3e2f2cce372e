package org.touchstone.protocols.dataset;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.touchstone.api.FaceImage;
import org.touchstone.api.ImageFormat;
import org.touchstone.protocols.synthetic.SyntheticFaceRenderer;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.runformat.io.Sha256;

/**
 * Where one image of a dataset comes from, as a small serializable value that can travel to wherever a
 * work unit runs and be read there: a stored dataset's file (its folder readable at the same path there),
 * whose bytes are checked against the manifest's SHA-256 as they are read, so a system is only ever given
 * the bytes the dataset pins; a procedural dataset's image, rendered when read (the bytes its file would
 * hold); or an image the dataset names but lacks ({@link #missing()}), which cannot be read.
 *
 * <p>The one way the runner reads a dataset's images, for runs, {@code validate} and {@code bench} alike.
 */
public sealed interface ImageSource extends Serializable {
    /**
     * @param manifest a loaded manifest
     * @param sample   one of its samples
     * @return where the sample's image comes from
     * @throws IllegalStateException if the sample's file name has no image format (manifest validation
     *                               refuses those)
     */
    static ImageSource of(DatasetManifest manifest, Sample sample) {
        ImageFormat format = ImageFormat.fromFileName(sample.path()).orElseThrow(
                () -> new IllegalStateException("manifest validation let through " + sample.path()));
        Optional<SyntheticSpec> procedural = manifest.proceduralSpec();
        if (procedural.isPresent()) {
            return new Rendered(sample.sampleId(), procedural.get().canonical(),
                    procedural.get().sampleIndexOf(sample.sampleId()), format);
        }
        if (sample.missing()) {
            return new Missing(sample.sampleId(), sample.path(), format);
        }
        return new Stored(sample.sampleId(), manifest.resolve(sample).toAbsolutePath().toString(), format,
                sample.sha256());
    }

    /** @return the sample's id, which is the image's id given to systems */
    String sampleId();

    /** @return the image's format */
    ImageFormat format();

    /** @return true when the dataset lacks the image: reading it fails */
    default boolean missing() {
        return false;
    }

    /**
     * Whether this source's bytes are an image a system can fairly be given ({@link ImageCheck}). A stored
     * file is checked; a rendered image is Touchstone's own encoding and is not.
     *
     * @param bytes     what {@link #bytes()} returned
     * @param maxPixels the largest width x height accepted
     * @return the problem, or empty when the image may be given to a system
     */
    default Optional<ImageCheck.Problem> check(byte[] bytes, long maxPixels) {
        return Optional.empty();
    }

    /**
     * @return the image's encoded bytes, as the dataset defines them
     * @throws IOException if the file cannot be read, is missing, or no longer has the manifest's hash
     */
    byte[] bytes() throws IOException;

    /**
     * @return the image as the SPI hands it to systems, with the sample id as its id
     * @throws IOException as {@link #bytes()}
     */
    default FaceImage read() throws IOException {
        return new FaceImage(sampleId(), format(), bytes());
    }

    /**
     * {@link #read()} where no checked exception may pass: in work units and stream pipelines.
     *
     * @return the image as the SPI hands it to systems
     * @throws UncheckedIOException wrapping what {@link #read()} throws
     */
    default FaceImage readUnchecked() {
        try {
            return read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A stored dataset's image file.
     *
     * @param sampleId the sample's id
     * @param path     the file's absolute path
     * @param format   its format
     * @param sha256   the SHA-256 the manifest gives it (lower-case hex); empty to read it unchecked
     */
    record Stored(String sampleId, String path, ImageFormat format, String sha256) implements ImageSource {
        /** No nulls. */
        public Stored {
            Objects.requireNonNull(sampleId, "sampleId");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(sha256, "sha256");
        }

        @Override
        public byte[] bytes() throws IOException {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(Path.of(path));
            } catch (IOException e) {
                throw new IOException("cannot read image " + path + " of sample " + sampleId + ": " + e, e);
            }
            if (!sha256.isEmpty()) {
                String actual = Sha256.hex(bytes);
                if (!actual.equals(sha256)) {
                    throw new IOException("image " + path + " of sample " + sampleId + " changed after its manifest"
                            + " was checked: the manifest says SHA-256 " + sha256 + ", its bytes now hash to " + actual);
                }
            }
            return bytes;
        }

        @Override
        public Optional<ImageCheck.Problem> check(byte[] bytes, long maxPixels) {
            return ImageCheck.check(bytes, maxPixels);
        }
    }

    /**
     * A procedural dataset's image, rendered when read.
     *
     * @param sampleId    the sample's id
     * @param spec        the dataset's canonical synthetic spec
     * @param sampleIndex the sample's index in it
     * @param format      its format (PNG)
     */
    record Rendered(String sampleId, String spec, int sampleIndex, ImageFormat format) implements ImageSource {
        /** The index must be a sample's. */
        public Rendered {
            Objects.requireNonNull(sampleId, "sampleId");
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(format, "format");
            if (sampleIndex < 0) {
                throw new IllegalArgumentException("sample " + sampleId + " is not one of " + spec);
            }
        }

        @Override
        public byte[] bytes() {
            return new SyntheticFaceRenderer(SyntheticSpec.parse(spec)).renderSamplePng(sampleIndex);
        }
    }

    /**
     * An image the dataset names but lacks: a manifest row marked missing (a failure to acquire of the
     * dataset's, which a run records without calling the system).
     *
     * @param sampleId the sample's id
     * @param path     the image's path in the manifest
     * @param format   its format
     */
    record Missing(String sampleId, String path, ImageFormat format) implements ImageSource {
        @Override
        public boolean missing() {
            return true;
        }

        @Override
        public byte[] bytes() throws NoSuchFileException {
            throw new NoSuchFileException(path, null, "image of sample " + sampleId + " is missing from the dataset");
        }
    }
}
