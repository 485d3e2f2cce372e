package org.touchstone.protocols.synthetic;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The classical face descriptor the synthetic dataset is calibrated against: uniform LBP (8 neighbours,
 * radius 1, 58 uniform codes plus one bin for the rest) histograms over an 8x8 grid of cells, compared
 * with the chi-square distance. Test-only: it checks that identity, not nuisance, dominates the images.
 */
final class LbpDescriptor {
    private static final int GRID = 8;
    private static final int BINS = 59;
    private static final int[] UNIFORM_BIN = uniformBins();
    private static final int[] DX = {-1, 0, 1, 1, 1, 0, -1, -1};
    private static final int[] DY = {-1, -1, -1, 0, 1, 1, 1, 0};

    private LbpDescriptor() {
    }

    private static int[] uniformBins() {
        int[] bins = new int[256];
        int next = 0;
        for (int code = 0; code < 256; code++) {
            int rotated = (code << 1 | code >>> 7) & 0xFF;
            int transitions = Integer.bitCount(code ^ rotated);
            bins[code] = transitions <= 2 ? next++ : -1;
        }
        for (int code = 0; code < 256; code++) {
            if (bins[code] < 0) {
                bins[code] = BINS - 1;
            }
        }
        return bins;
    }

    /** @return the concatenated cell histograms of the image's luma */
    static float[] describe(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] luma = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = image.getRGB(x, y);
                luma[y * w + x] = (299 * (p >> 16 & 0xFF) + 587 * (p >> 8 & 0xFF) + 114 * (p & 0xFF)) / 1000;
            }
        }
        float[] histogram = new float[GRID * GRID * BINS];
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int centre = luma[y * w + x];
                int code = 0;
                for (int b = 0; b < 8; b++) {
                    if (luma[(y + DY[b]) * w + x + DX[b]] >= centre) {
                        code |= 1 << b;
                    }
                }
                int cell = (y * GRID / h) * GRID + x * GRID / w;
                histogram[cell * BINS + UNIFORM_BIN[code]]++;
            }
        }
        return histogram;
    }

    /** @return how many codes have their own bin: the uniform patterns (58 for 8 neighbours) */
    static int uniformPatternCount() {
        return (int) java.util.Arrays.stream(UNIFORM_BIN).filter(bin -> bin < BINS - 1).count();
    }

    static double chiSquare(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            float total = a[i] + b[i];
            if (total > 0) {
                float d = a[i] - b[i];
                sum += d * d / total;
            }
        }
        return sum;
    }

    /**
     * Equal error rate of distances (smaller = more alike): the threshold sweep point where the false
     * match and false non-match rates are closest, reported as their mean.
     */
    static double equalErrorRate(List<Double> genuine, List<Double> impostor) {
        double[] g = genuine.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] i = impostor.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double best = Double.NaN;
        double bestGap = Double.POSITIVE_INFINITY;
        for (double threshold : g) {
            double fnmr = 1.0 - countAtMost(g, threshold) / (double) g.length;
            double fmr = countAtMost(i, threshold) / (double) i.length;
            if (Math.abs(fnmr - fmr) < bestGap) {
                bestGap = Math.abs(fnmr - fmr);
                best = (fnmr + fmr) / 2;
            }
        }
        return best;
    }

    /** @return how many of the sorted values are at most the threshold */
    private static int countAtMost(double[] sorted, double threshold) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= threshold) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
