package org.touchstone.protocols.synthetic;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Renders the images of a synthetic dataset one at a time, in any order. Each image is a function of
 * the spec's seed, image size and difficulty profile, the subject index and the image index only: the
 * number of subjects and images per subject bound the valid indexes but do not change any image.
 *
 * <p>Immutable and safe to use from several threads at once.
 */
public final class SyntheticFaceRenderer {
    /** Name of this generator, as recorded in manifests. */
    public static final String GENERATOR_NAME = "touchstone-synthetic";
    /**
     * Version of the rendering. Bumped whenever any image or label for some spec changes, so that a
     * dataset on disk is never mistaken for the output of a different renderer.
     */
    public static final int GENERATOR_VERSION = 1;

    private final SyntheticSpec spec;

    /** @param spec the dataset to render */
    public SyntheticFaceRenderer(SyntheticSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** @return the dataset this renderer renders */
    public SyntheticSpec spec() {
        return spec;
    }

    /**
     * @param subjectIndex 0-based subject, less than {@link SyntheticSpec#subjects()}
     * @param imageIndex   0-based image of the subject, less than {@link SyntheticSpec#imagesPerSubject()}
     * @return a new {@link BufferedImage#TYPE_INT_RGB} image of {@link SyntheticSpec#imageSize()} squared
     * @throws IndexOutOfBoundsException if an index is outside the spec
     */
    public BufferedImage render(int subjectIndex, int imageIndex) {
        Shot shot = shot(subjectIndex, imageIndex);
        int size = spec.imageSize();
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            FacePainter.paint(g, shot.person(), shot.capture(), size);
        } finally {
            g.dispose();
        }
        PhotoEffects.apply(image, shot.capture());
        return image;
    }

    /**
     * Renders an image and encodes it as PNG. Equal pixels always give equal bytes: the encoder writes
     * no time stamp or other metadata.
     *
     * @param subjectIndex 0-based subject
     * @param imageIndex   0-based image of the subject
     * @return the PNG file's bytes
     * @throws IndexOutOfBoundsException if an index is outside the spec
     */
    public byte[] renderPng(int subjectIndex, int imageIndex) {
        return encodePng(render(subjectIndex, imageIndex));
    }

    /**
     * @param sampleIndex 0-based sample: subject {@code sampleIndex / imagesPerSubject}, its image
     *                    {@code sampleIndex % imagesPerSubject}
     * @return that sample's PNG file's bytes, as {@link #renderPng(int, int)} makes them
     * @throws IndexOutOfBoundsException if the index is outside the spec
     */
    public byte[] renderSamplePng(int sampleIndex) {
        return renderPng(sampleIndex / spec.imagesPerSubject(), sampleIndex % spec.imagesPerSubject());
    }

    /**
     * @param subjectIndex 0-based subject
     * @param imageIndex   0-based image of the subject
     * @return the ground truth of that image
     * @throws IndexOutOfBoundsException if an index is outside the spec
     */
    public SyntheticLabels labels(int subjectIndex, int imageIndex) {
        Shot shot = shot(subjectIndex, imageIndex);
        return shot.person().labels(shot.capture().smile(), shot.capture().eyeglasses());
    }

    /** Who is shown in an image, and how. */
    private record Shot(Identity person, Capture capture) {
    }

    private Shot shot(int subjectIndex, int imageIndex) {
        spec.checkIndex("subjectIndex", subjectIndex, spec.subjects());
        spec.checkIndex("imageIndex", imageIndex, spec.imagesPerSubject());
        Identity person = Identity.draw(spec.seed(), subjectIndex);
        // Groups are per subject, so the multiplier can be taken from labels with any expression.
        double difficulty = spec.difficulty().multiplier(person.labels(false, false).groups());
        return new Shot(person, Capture.draw(spec.seed(), subjectIndex, imageIndex, person, difficulty));
    }

    static byte[] encodePng(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight() * 3);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            // Only memory streams are involved, which do not fail.
            throw new UncheckedIOException("PNG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
