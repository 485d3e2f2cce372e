package org.touchstone.reference.lbp;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.touchstone.api.FaceImage;
import org.touchstone.api.ImageFormat;

/**
 * Cartoon faces drawn with Java2D, for tests and the benchmark. Each identity has its own geometry,
 * tones and marks; each sample of an identity is shifted, rotated and scaled a little, lit from a
 * slightly different side with a different exposure, and gets pixel noise. Deterministic: the same identity and sample
 * give the same pixels.
 */
final class SyntheticFaces {
    /** The side of every image, in pixels. */
    static final int SIZE = 112;

    private SyntheticFaces() {
    }

    /**
     * @param identity which person
     * @param sample   which image of that person
     * @return the face as a PNG image
     */
    static FaceImage face(int identity, int sample) {
        return png("id" + identity + "-s" + sample, draw(identity, sample));
    }

    /**
     * @param identity which person
     * @param sample   which image of that person
     * @return the face as a grey image
     */
    static BufferedImage draw(int identity, int sample) {
        Random person = new Random(1_000_003L * identity + 17);
        Random shot = new Random(7_919L * identity + 104_729L * sample + 5);

        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(grey(30 + person.nextInt(70)));
        g.fillRect(0, 0, SIZE, SIZE);

        // Pose: a small shift, rotation and scale per sample.
        g.translate(SIZE / 2.0 + shot.nextGaussian() * 1.5, SIZE / 2.0 + shot.nextGaussian() * 1.5);
        g.rotate(Math.toRadians(shot.nextGaussian() * 2));
        double scale = 1 + shot.nextGaussian() * 0.02;
        g.scale(scale, scale);

        double faceWidth = 62 + person.nextInt(18);
        double faceHeight = 78 + person.nextInt(18);
        int skin = 140 + person.nextInt(70);
        int hair = 20 + person.nextInt(60);
        g.setColor(grey(hair));
        g.fill(new Ellipse2D.Double(-faceWidth / 2 - 3, -faceHeight / 2 - 6, faceWidth + 6, faceHeight * 0.6));
        g.setColor(grey(skin));
        double hairline = -faceHeight / 2 + 6 + person.nextInt(14);
        g.fill(new Ellipse2D.Double(-faceWidth / 2, hairline, faceWidth, faceHeight / 2 - hairline + faceHeight / 2));

        // Cheek shading and marks: identity-specific texture.
        for (int i = 0, n = 2 + person.nextInt(4); i < n; i++) {
            g.setColor(grey(skin - 15 - person.nextInt(30)));
            double x = (person.nextDouble() - 0.5) * faceWidth * 0.7;
            double y = person.nextDouble() * faceHeight * 0.4;
            double r = 1.5 + person.nextDouble() * 5;
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }

        double eyeY = -faceHeight * (0.02 + person.nextDouble() * 0.12);
        double eyeSpacing = 20 + person.nextInt(12);
        double eyeWidth = 10 + person.nextInt(7);
        double eyeHeight = 5 + person.nextInt(5);
        double browLift = 6 + person.nextInt(5);
        double browTilt = person.nextGaussian() * 2.5;
        float browThickness = 2 + person.nextInt(3);
        for (int side = -1; side <= 1; side += 2) {
            double cx = side * eyeSpacing / 2;
            g.setColor(grey(235));
            g.fill(new Ellipse2D.Double(cx - eyeWidth / 2, eyeY - eyeHeight / 2, eyeWidth, eyeHeight));
            g.setColor(grey(25));
            g.fill(new Ellipse2D.Double(cx - eyeHeight / 2.5, eyeY - eyeHeight / 2.5, eyeHeight / 1.25, eyeHeight / 1.25));
            g.setColor(grey(hair));
            g.setStroke(new BasicStroke(browThickness));
            g.draw(new Line2D.Double(cx - eyeWidth / 2, eyeY - browLift + side * browTilt,
                    cx + eyeWidth / 2, eyeY - browLift - side * browTilt));
        }
        g.setColor(grey(skin - 50));
        g.setStroke(new BasicStroke(2));
        double noseLength = 10 + person.nextInt(12);
        g.draw(new Line2D.Double(0, eyeY + 4, person.nextGaussian() * 2, eyeY + 4 + noseLength));
        double mouthWidth = 18 + person.nextInt(18);
        double mouthY = eyeY + noseLength + 10 + person.nextInt(8);
        g.setColor(grey(60 + person.nextInt(50)));
        g.setStroke(new BasicStroke(2 + person.nextInt(3)));
        g.draw(new Arc2D.Double(-mouthWidth / 2, mouthY - 6, mouthWidth, 12,
                person.nextBoolean() ? 200 : 20, 140, Arc2D.OPEN));
        if (person.nextInt(3) == 0) {
            g.setColor(grey(10));
            g.setStroke(new BasicStroke(1.5f));
            for (int side = -1; side <= 1; side += 2) {
                double cx = side * eyeSpacing / 2;
                g.draw(new Ellipse2D.Double(cx - eyeWidth / 2 - 3, eyeY - eyeHeight / 2 - 4, eyeWidth + 6, eyeHeight + 8));
            }
        }
        g.dispose();

        // Capture: exposure (gamma), side lighting (a brightness gradient), brightness, contrast and
        // sensor noise per sample.
        double gamma = Math.exp(shot.nextGaussian() * 0.15);
        double sideLight = shot.nextGaussian() * 0.15;
        double gain = 1 + shot.nextGaussian() * 0.08;
        double offset = shot.nextGaussian() * 10;
        byte[] pixels = new byte[SIZE * SIZE];
        image.getRaster().getDataElements(0, 0, SIZE, SIZE, pixels);
        for (int i = 0; i < pixels.length; i++) {
            double lit = 255 * Math.pow((pixels[i] & 0xFF) / 255.0, gamma) * (1 + sideLight * ((i % SIZE) - SIZE / 2.0) / SIZE);
            double v = lit * gain + offset + shot.nextGaussian() * 3;
            pixels[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
        }
        image.getRaster().setDataElements(0, 0, SIZE, SIZE, pixels);
        return image;
    }

    /**
     * @param id    the sample id
     * @param image an image
     * @return the image encoded as PNG
     */
    static FaceImage png(String id, BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FaceImage(id, ImageFormat.PNG, bytes.toByteArray());
    }

    private static Color grey(int level) {
        int v = Math.max(0, Math.min(255, level));
        return new Color(v, v, v);
    }
}
