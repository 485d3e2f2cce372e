package org.touchstone.protocols.synthetic;

/**
 * SplitMix64 with the few draws the generator needs. Written out here rather than taken from
 * {@link java.util.SplittableRandom} so that the sequence, and hence every rendered image, is pinned by
 * this code alone and cannot change with a JDK update. Uses {@link StrictMath} for the same reason.
 * Not thread-safe; every image makes its own.
 */
final class SeededRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    private SeededRandom(long state) {
        this.state = state;
    }

    /**
     * A stream for one purpose, derived from a seed and any number of keys (subject index, image index,
     * stream tag). Different key tuples give independent-looking streams.
     */
    static SeededRandom forKeys(long seed, long... keys) {
        return new SeededRandom(hashKeys(seed, keys));
    }

    /** Mixes a seed and keys into one well-spread 64-bit value. */
    static long hashKeys(long seed, long... keys) {
        long h = mix64(seed ^ 0x5DEECE66DL);
        for (long key : keys) {
            h = mix64(h + GOLDEN_GAMMA + mix64(key + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** @return uniform in [0, 1) */
    double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** @return uniform in [low, high) */
    double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /** @return uniform integer in [0, bound) */
    int nextInt(int bound) {
        // Multiply-shift: unbiased enough for bounds this small (< 2^16), and stable by construction.
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** @return true with probability p */
    boolean chance(double p) {
        return nextDouble() < p;
    }

    /** @return a standard normal draw (Box-Muller, one value per call) */
    double gaussian() {
        double u1 = 1.0 - nextDouble(); // (0, 1], so the logarithm is finite
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** @return a normal draw with the given mean and standard deviation, clamped to [low, high] */
    double gaussian(double mean, double sd, double low, double high) {
        return Math.max(low, Math.min(high, mean + sd * gaussian()));
    }

    /**
     * A cheap, roughly normal draw with mean 0 and variance 1 (sum of four uniforms), for per-pixel
     * sensor noise where Box-Muller would dominate the rendering time.
     */
    double quickGaussian() {
        long bits = nextLong();
        int sum = (int) (bits & 0xFFFF) + (int) ((bits >>> 16) & 0xFFFF)
                + (int) ((bits >>> 32) & 0xFFFF) + (int) (bits >>> 48);
        // Sum of four U(0,1): mean 2, variance 1/3.
        return (sum / 65536.0 - 2.0) * 1.7320508075688772;
    }

    /** @return one of the items, chosen with the given weights (which need not sum to 1) */
    int weightedIndex(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = nextDouble() * total;
        for (int i = 0; i < weights.length - 1; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
