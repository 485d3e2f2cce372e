package org.touchstone.protocols.synthetic;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The camera's share of the nuisance, applied to the painted pixels: uneven light and exposure, white
 * balance, contrast, optical blur and sensor noise, in that order (noise arises after the lens).
 */
final class PhotoEffects {
    /** Blur and noise are specified for 96x96 images and scale with the image size. */
    private static final double REFERENCE_SIZE = 96.0;

    private PhotoEffects() {
    }

    /**
     * @param image   a {@link BufferedImage#TYPE_INT_RGB} square image, changed in place
     * @param capture the lighting, blur and noise to apply
     */
    static void apply(BufferedImage image, Capture capture) {
        int size = image.getWidth();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int n = pixels.length;
        float[][] planes = new float[3][n];
        double cos = StrictMath.cos(capture.lightAngle());
        double sin = StrictMath.sin(capture.lightAngle());
        double[] gains = {capture.redGain(), 1.0, capture.blueGain()};
        for (int y = 0; y < size; y++) {
            double dy = (y + 0.5) / size - 0.5;
            for (int x = 0; x < size; x++) {
                double dx = (x + 0.5) / size - 0.5;
                // Light falls off linearly across the frame, away from where it comes from.
                double light = capture.brightness() * (1 + capture.lightGradient() * 2 * (dx * cos + dy * sin));
                int i = y * size + x;
                int rgb = pixels[i];
                for (int ch = 0; ch < 3; ch++) {
                    int v = (rgb >>> (16 - 8 * ch)) & 0xFF;
                    double lit = v * light * gains[ch];
                    planes[ch][i] = (float) (128 + capture.contrast() * (lit - 128));
                }
            }
        }
        double sigma = capture.blurSigma() * size / REFERENCE_SIZE;
        if (sigma >= 0.05) {
            float[] kernel = gaussianKernel(sigma);
            float[] scratch = new float[n];
            for (float[] plane : planes) {
                blur(plane, scratch, size, kernel);
            }
        }
        SeededRandom noise = SeededRandom.forKeys(capture.noiseSeed());
        double noiseSigma = capture.noiseSigma();
        for (int i = 0; i < n; i++) {
            int rgb = 0;
            for (int ch = 0; ch < 3; ch++) {
                long v = Math.round(planes[ch][i] + noiseSigma * noise.quickGaussian());
                rgb = (rgb << 8) | (int) Math.max(0, Math.min(255, v));
            }
            pixels[i] = rgb;
        }
    }

    private static float[] gaussianKernel(double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            double w = StrictMath.exp(-k * k / (2 * sigma * sigma));
            kernel[k + radius] = (float) w;
            sum += w;
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] = (float) (kernel[k] / sum);
        }
        return kernel;
    }

    /** Separable blur, edges clamped to the nearest pixel. */
    private static void blur(float[] plane, float[] scratch, int size, float[] kernel) {
        int radius = kernel.length / 2;
        for (int y = 0; y < size; y++) {
            int row = y * size;
            for (int x = 0; x < size; x++) {
                float acc = 0;
                if (x >= radius && x < size - radius) {
                    for (int k = 0; k < kernel.length; k++) {
                        acc += kernel[k] * plane[row + x - radius + k];
                    }
                } else {
                    for (int k = 0; k < kernel.length; k++) {
                        acc += kernel[k] * plane[row + clamp(x - radius + k, size)];
                    }
                }
                scratch[row + x] = acc;
            }
        }
        for (int y = 0; y < size; y++) {
            boolean inside = y >= radius && y < size - radius;
            for (int x = 0; x < size; x++) {
                float acc = 0;
                if (inside) {
                    for (int k = 0; k < kernel.length; k++) {
                        acc += kernel[k] * scratch[(y - radius + k) * size + x];
                    }
                } else {
                    for (int k = 0; k < kernel.length; k++) {
                        acc += kernel[k] * scratch[clamp(y - radius + k, size) * size + x];
                    }
                }
                plane[y * size + x] = acc;
            }
        }
    }

    private static int clamp(int i, int size) {
        return Math.max(0, Math.min(size - 1, i));
    }
}
