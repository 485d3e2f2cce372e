package org.touchstone.protocols.importers;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * One seeded transformation of a real portrait, making a synthetic mated image of the same person. The
 * steps, in order: an optional left-right mirror; a crop jitter (a square of {@code cropScale} times the
 * side, its centre moved by {@code shiftX, shiftY} times the side, resampled back to full size,
 * bilinear); a lighting change ({@code 255 * gain * (v / 255)^gamma} per channel); a Gaussian blur of
 * {@code blurSigma} pixels (none below 0.3); and a JPEG re-compression at {@code jpegQuality}.
 *
 * @param mirror      flip left and right
 * @param cropScale   side of the crop relative to the image, in (0, 1]
 * @param shiftX      crop centre's horizontal move, as a fraction of the side
 * @param shiftY      crop centre's vertical move, as a fraction of the side
 * @param gain        brightness factor
 * @param gamma       gamma exponent
 * @param blurSigma   Gaussian blur standard deviation in pixels
 * @param jpegQuality JPEG quality, 1 to 100
 */
public record PortraitTransform(boolean mirror, double cropScale, double shiftX, double shiftY, double gain,
                                double gamma, double blurSigma, int jpegQuality) {
    /** Below this blur sigma, the blur step is skipped (its kernel would be a single tap). */
    static final double MIN_BLUR_SIGMA = 0.3;

    /**
     * Draws a transformation from a seed, the source file and the variant number alone, so that each is
     * reproducible on its own. Ranges: mirror with probability 1/2; crop scale 0.85 to 1; shifts -0.05 to
     * 0.05; gain 0.7 to 1.3; gamma 0.75 to 1.35; blur sigma 0 to 2; JPEG quality 30 to 90.
     *
     * @param seed    the dataset's seed
     * @param source  the source file, relative to the portraits folder (such as {@code women/3.jpg})
     * @param variant the variant number, from 1
     * @return the transformation
     */
    public static PortraitTransform draw(long seed, String source, int variant) {
        // SplittableRandom is SplitMix64, whose sequence for a given seed is fixed by its specification.
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + source.hashCode() * 31L + variant);
        boolean mirror = random.nextBoolean();
        double cropScale = round(random.nextDouble(0.85, 1.0));
        double shiftX = round(random.nextDouble(-0.05, 0.05));
        double shiftY = round(random.nextDouble(-0.05, 0.05));
        double gain = round(random.nextDouble(0.7, 1.3));
        double gamma = round(random.nextDouble(0.75, 1.35));
        double blurSigma = round(random.nextDouble(0.0, 2.0));
        int quality = 30 + random.nextInt(61);
        return new PortraitTransform(mirror, cropScale, shiftX, shiftY, gain, gamma, blurSigma, quality);
    }

    /** Three decimals: the recorded description then gives the exact parameters used. */
    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** @return the parameters, as recorded beside the dataset */
    public String describe() {
        return String.format(Locale.ROOT, "mirror=%s crop=%.3f shift=%.3f,%.3f gain=%.3f gamma=%.3f blur=%.3f jpeg=%d",
                mirror, cropScale, shiftX, shiftY, gain, gamma, blurSigma, jpegQuality);
    }

    /**
     * Applies the transformation.
     *
     * @param source the portrait
     * @return the transformed image as JPEG bytes
     * @throws IOException if the JPEG encoder fails
     */
    public byte[] apply(BufferedImage source) throws IOException {
        int w = source.getWidth();
        int h = source.getHeight();
        int[] in = source.getRGB(0, 0, w, h, null, 0, w);
        float[] rgb = resample(in, w, h);
        light(rgb);
        if (blurSigma >= MIN_BLUR_SIGMA) {
            blur(rgb, w, h, blurSigma);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] pixels = new int[w * h];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (clamp(rgb[3 * i]) << 16) | (clamp(rgb[3 * i + 1]) << 8) | clamp(rgb[3 * i + 2]);
        }
        out.setRGB(0, 0, w, h, pixels, 0, w);
        return jpeg(out, jpegQuality);
    }

    private float[] resample(int[] in, int w, int h) {
        double side = cropScale * Math.min(w, h);
        double cx = w / 2.0 + shiftX * side;
        double cy = h / 2.0 + shiftY * side;
        double step = side / Math.min(w, h);
        float[] out = new float[w * h * 3];
        for (int v = 0; v < h; v++) {
            double y = cy + (v + 0.5 - h / 2.0) * step - 0.5;
            for (int u = 0; u < w; u++) {
                int column = mirror ? w - 1 - u : u;
                double x = cx + (column + 0.5 - w / 2.0) * step - 0.5;
                bilinear(in, w, h, x, y, out, 3 * (v * w + u));
            }
        }
        return out;
    }

    private static void bilinear(int[] in, int w, int h, double x, double y, float[] out, int o) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        int xa = Math.max(0, Math.min(w - 1, x0));
        int xb = Math.max(0, Math.min(w - 1, x0 + 1));
        int ya = Math.max(0, Math.min(h - 1, y0));
        int yb = Math.max(0, Math.min(h - 1, y0 + 1));
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            double top = (1 - fx) * ((in[ya * w + xa] >> shift) & 0xFF) + fx * ((in[ya * w + xb] >> shift) & 0xFF);
            double bottom = (1 - fx) * ((in[yb * w + xa] >> shift) & 0xFF) + fx * ((in[yb * w + xb] >> shift) & 0xFF);
            out[o + c] = (float) ((1 - fy) * top + fy * bottom);
        }
    }

    private void light(float[] rgb) {
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (float) (255 * gain * StrictMath.pow(rgb[i] / 255.0, gamma));
        }
    }

    private static void blur(float[] rgb, int w, int h, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = StrictMath.exp(-(i * i) / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        float[] tmp = new float[rgb.length];
        pass(rgb, tmp, w, h, kernel, radius, true);
        pass(tmp, rgb, w, h, kernel, radius, false);
    }

    private static void pass(float[] in, float[] out, int w, int h, double[] kernel, int radius, boolean horizontal) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double acc = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int sx = horizontal ? Math.max(0, Math.min(w - 1, x + k)) : x;
                        int sy = horizontal ? y : Math.max(0, Math.min(h - 1, y + k));
                        acc += kernel[k + radius] * in[3 * (sy * w + sx) + c];
                    }
                    out[3 * (y * w + x) + c] = (float) acc;
                }
            }
        }
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    private static byte[] jpeg(BufferedImage image, int quality) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IOException("this JDK has no JPEG encoder");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
