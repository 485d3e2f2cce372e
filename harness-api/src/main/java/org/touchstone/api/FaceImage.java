package org.touchstone.api;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * One image handed to a system: the encoded bytes exactly as stored in the dataset, their format, and
 * a decoded {@link Raster} view computed on first use.
 *
 * <p>Systems that run their own decoder read {@link #encoded()}; others call {@link #raster()}. Several
 * images of the same person may form one template.
 */
public final class FaceImage {
    private final String id;
    private final ImageFormat format;
    private final byte[] encoded;
    private volatile Raster raster;

    /**
     * @param id      the sample id in the dataset, for logs; not a secret, not a label
     * @param format  the encoding of {@code encoded}
     * @param encoded the encoded bytes; copied
     */
    public FaceImage(String id, ImageFormat format, byte[] encoded) {
        this.id = Objects.requireNonNull(id, "id");
        this.format = Objects.requireNonNull(format, "format");
        this.encoded = Objects.requireNonNull(encoded, "encoded").clone();
    }

    /** @return the sample id */
    public String id() {
        return id;
    }

    /** @return the encoding of the bytes */
    public ImageFormat format() {
        return format;
    }

    /** @return the encoded bytes as a read-only view, without copying */
    public ByteBuffer encoded() {
        return ByteBuffer.wrap(encoded).asReadOnlyBuffer();
    }

    /** @return the number of encoded bytes */
    public int encodedLength() {
        return encoded.length;
    }

    /** @return a stream over the encoded bytes */
    public InputStream openStream() {
        return new ByteArrayInputStream(encoded);
    }

    /**
     * The decoded pixels: grey images as one channel, everything else as RGB (alpha is dropped).
     * Decoded once and cached; safe to call from several threads.
     *
     * @return the raster
     * @throws ImageDecodeException if the bytes are not a decodable image
     */
    public Raster raster() throws ImageDecodeException {
        Raster r = raster;
        if (r == null) {
            r = decode();
            raster = r;
        }
        return r;
    }

    private Raster decode() throws ImageDecodeException {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(encoded));
        } catch (IOException | RuntimeException e) {
            throw new ImageDecodeException("image " + id + " (" + format + ", " + encoded.length
                    + " bytes) could not be decoded: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new ImageDecodeException("image " + id + " (" + format + ", " + encoded.length
                    + " bytes) is not in a format the JDK can decode", null);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean grey = image.getType() == BufferedImage.TYPE_BYTE_GRAY;
        int channels = grey ? 1 : 3;
        byte[] samples = new byte[w * h * channels];
        if (grey) {
            image.getRaster().getDataElements(0, 0, w, h, samples);
        } else {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int p = row[x];
                    int i = (y * w + x) * 3;
                    samples[i] = (byte) (p >>> 16);
                    samples[i + 1] = (byte) (p >>> 8);
                    samples[i + 2] = (byte) p;
                }
            }
        }
        return new Raster(w, h, channels, samples);
    }

    @Override
    public String toString() {
        return "FaceImage[" + id + ", " + format + ", " + encoded.length + " bytes]";
    }
}
