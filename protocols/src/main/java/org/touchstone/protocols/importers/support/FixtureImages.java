package org.touchstone.protocols.importers.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.touchstone.protocols.synthetic.SyntheticFaceRenderer;
import org.touchstone.protocols.synthetic.SyntheticSpec;

/**
 * Writes synthetic faces under a dataset's real file names, for the native-layout fixtures the importers
 * are tested on: a fixture of LFW-, IJB- or CelebA-shaped files whose pixels come from the synthetic
 * renderer, so that each fixture subject looks like one person to a recogniser.
 */
public final class FixtureImages {
    private final SyntheticFaceRenderer renderer;

    /**
     * @param subjects         synthetic subjects needed
     * @param imagesPerSubject images needed of each, at most {@link SyntheticSpec#MAX_IMAGES}
     * @param seed             the renderer's seed
     * @param size             image side in pixels
     */
    public FixtureImages(int subjects, int imagesPerSubject, long seed, int size) {
        SyntheticSpec base = SyntheticSpec.of(Math.max(SyntheticSpec.MIN_SUBJECTS, subjects), imagesPerSubject, seed);
        this.renderer = new SyntheticFaceRenderer(new SyntheticSpec(base.subjects(), imagesPerSubject, seed, size,
                base.difficulty()));
    }

    /** @return the renderer, for the labels of a subject */
    public SyntheticFaceRenderer renderer() {
        return renderer;
    }

    /**
     * Renders one image and writes it, as JPEG or PNG by the file's extension.
     *
     * @param file         where (folders created)
     * @param subjectIndex 0-based synthetic subject
     * @param imageIndex   0-based image of that subject
     */
    public void write(Path file, int subjectIndex, int imageIndex) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".png")) {
                Files.write(file, renderer.renderPng(subjectIndex, imageIndex));
                return;
            }
            BufferedImage image = renderer.render(subjectIndex, imageIndex);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            if (!ImageIO.write(image, "jpg", bytes)) {
                throw new IllegalStateException("no JPEG writer in this JDK");
            }
            Files.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
