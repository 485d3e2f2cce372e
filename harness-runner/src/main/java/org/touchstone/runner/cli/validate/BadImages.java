package org.touchstone.runner.cli.validate;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.touchstone.api.FaceImage;
import org.touchstone.api.ImageFormat;

/**
 * Inputs no system should choke on, each labelled as a PNG: an empty file, random bytes after a PNG
 * signature, a real face image cut short, a 3000x3000 image, and a uniform grey image with no face. All
 * are made the same way every time.
 */
final class BadImages {
    /** What a system should answer. */
    enum Expectation {
        /** A failure code; a template means the system accepts anything. */
        FAILURE,
        /** A failure code preferably; a template is worth a warning. */
        FAILURE_PREFERRED,
        /** Either, as long as the system answers. */
        ANY_ANSWER
    }

    /**
     * A bad input.
     *
     * @param name        short name used in check ids
     * @param description what it is
     * @param image       the image
     * @param expectation what a conforming system answers
     */
    record BadImage(String name, String description, FaceImage image, Expectation expectation) {
    }

    private BadImages() {
    }

    /**
     * @param aFace the bytes of a real face image (PNG), to cut short
     * @return the bad inputs, by name
     */
    static Map<String, BadImage> all(byte[] aFace) {
        Map<String, BadImage> all = new LinkedHashMap<>();
        add(all, "empty", "an empty file", new byte[0], Expectation.FAILURE);
        byte[] corrupt = new byte[512];
        new SplittableRandom(20261126).nextBytes(corrupt);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, corrupt, 0, 8);
        add(all, "corrupt", "a PNG signature followed by 504 random bytes", corrupt, Expectation.FAILURE);
        add(all, "truncated", "a face image cut to 40% of its bytes", Arrays.copyOf(aFace, aFace.length * 2 / 5),
                Expectation.FAILURE_PREFERRED);
        add(all, "huge", "a 3000x3000 grey gradient (9 megapixels)", gradient(3000), Expectation.ANY_ANSWER);
        add(all, "faceless", "a uniform mid-grey 96x96 image", uniform(96), Expectation.FAILURE_PREFERRED);
        return all;
    }

    private static void add(Map<String, BadImage> all, String name, String description, byte[] bytes,
                            Expectation expectation) {
        all.put(name, new BadImage(name, description, new FaceImage("validate-" + name, ImageFormat.PNG, bytes),
                expectation));
    }

    private static byte[] gradient(int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                pixels[y * side + x] = (byte) ((x + y) * 255 / (2 * side));
            }
        }
        return png(image);
    }

    private static byte[] uniform(int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Arrays.fill(((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData(), (byte) 128);
        return png(image);
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
