package org.touchstone.protocols.importers.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.touchstone.protocols.synthetic.SyntheticFaceRenderer;
import org.touchstone.protocols.synthetic.SyntheticSpec;

/**
 * The synthetic faces of importer fixtures: identity {@code i}, image {@code j} is the built-in renderer's
 * subject {@code i}, image {@code j}, so two images of one fixture identity are mated and a recognition
 * system can tell them apart from others. Deterministic in the seed.
 */
public final class FixtureFaces {
    private final SyntheticFaceRenderer renderer;

    /**
     * @param identities how many identities the fixture needs (at least 10, the renderer's minimum)
     * @param images     the most images any identity needs
     * @param seed       the renderer's seed
     * @param size       the image side in pixels
     */
    public FixtureFaces(int identities, int images, long seed, int size) {
        this.renderer = new SyntheticFaceRenderer(SyntheticSpec.parse("synthetic:subjects="
                + Math.max(SyntheticSpec.MIN_SUBJECTS, identities) + ",images=" + images + ",seed=" + seed
                + ",size=" + size));
    }

    /**
     * @param identity the identity index
     * @param image    the image index of that identity
     * @return the renderer's ground truth of that face, for fixtures whose label files must agree with it
     */
    public org.touchstone.protocols.synthetic.SyntheticLabels labels(int identity, int image) {
        return renderer.labels(identity, image);
    }

    /**
     * @param identity the identity index
     * @param image    the image index of that identity
     * @return the rendered face, for fixtures that compose faces into larger frames
     */
    public BufferedImage render(int identity, int image) {
        return renderer.render(identity, image);
    }

    /**
     * Writes one face as a JPEG (or PNG, by the file's extension), creating folders.
     *
     * @param file     where
     * @param identity the identity index
     * @param image    the image index of that identity
     * @throws IOException if it cannot be written
     */
    public void write(Path file, int identity, int image) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, encode(identity, image, file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")));
    }

    /**
     * @param identity the identity index
     * @param image    the image index
     * @param png      PNG rather than JPEG
     * @return the encoded face
     */
    public byte[] encode(int identity, int image, boolean png) {
        if (png) {
            return renderer.renderPng(identity, image);
        }
        BufferedImage rendered = renderer.render(identity, image);
        BufferedImage rgb = new BufferedImage(rendered.getWidth(), rendered.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(rendered, 0, 0, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(rgb, "jpg", out);
        } catch (IOException e) {
            throw new IllegalStateException("the JDK's JPEG writer failed in memory", e);
        }
        return out.toByteArray();
    }
}
