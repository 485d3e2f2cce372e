package org.touchstone.api;

import java.util.Objects;

/**
 * A decoded image: 8-bit samples, row-major, channels interleaved. One channel is grey; three channels
 * are red, green, blue in that order.
 *
 * <p>Immutable: {@link #samples()} returns a copy. Use {@link #sample(int, int, int)} and
 * {@link #luma(int, int)} to read without copying.
 */
public final class Raster {
    private final int width;
    private final int height;
    private final int channels;
    private final byte[] samples;

    /**
     * @param width    width in pixels, positive
     * @param height   height in pixels, positive
     * @param channels 1 (grey) or 3 (RGB)
     * @param samples  {@code width * height * channels} samples, row-major, interleaved; copied
     */
    public Raster(int width, int height, int channels, byte[] samples) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("raster size must be positive, was " + width + "x" + height);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (grey) or 3 (RGB), was " + channels);
        }
        Objects.requireNonNull(samples, "samples");
        long expected = (long) width * height * channels;
        if (samples.length != expected) {
            throw new IllegalArgumentException(
                    "expected " + expected + " samples for " + width + "x" + height + "x" + channels
                            + ", got " + samples.length);
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.samples = samples.clone();
    }

    /** @return width in pixels */
    public int width() {
        return width;
    }

    /** @return height in pixels */
    public int height() {
        return height;
    }

    /** @return 1 for grey, 3 for RGB */
    public int channels() {
        return channels;
    }

    /**
     * @param x column, 0 at the left
     * @param y row, 0 at the top
     * @param c channel (0 for grey; 0, 1, 2 for red, green, blue)
     * @return the sample value, 0 to 255
     */
    public int sample(int x, int y, int c) {
        return samples[(y * width + x) * channels + c] & 0xFF;
    }

    /**
     * The brightness of a pixel, using the ITU-R BT.601 weights for colour images.
     *
     * @param x column
     * @param y row
     * @return luma, 0 to 255
     */
    public int luma(int x, int y) {
        int i = (y * width + x) * channels;
        if (channels == 1) {
            return samples[i] & 0xFF;
        }
        int r = samples[i] & 0xFF;
        int g = samples[i + 1] & 0xFF;
        int b = samples[i + 2] & 0xFF;
        return (299 * r + 587 * g + 114 * b + 500) / 1000;
    }

    /** @return a grey copy of this raster (itself if already grey) */
    public Raster toGrey() {
        if (channels == 1) {
            return this;
        }
        byte[] grey = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                grey[y * width + x] = (byte) luma(x, y);
            }
        }
        return new Raster(width, height, 1, grey);
    }

    /** @return a copy of all samples, row-major, interleaved */
    public byte[] samples() {
        return samples.clone();
    }

    @Override
    public String toString() {
        return "Raster[" + width + "x" + height + "x" + channels + "]";
    }
}
