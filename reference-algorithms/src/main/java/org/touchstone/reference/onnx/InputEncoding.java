package org.touchstone.reference.onnx;

import java.util.List;
import java.util.Locale;

/**
 * How a model wants its input tensor filled from an RGB patch: channel order, per-channel
 * normalisation {@code (value - mean) / std} on the 0-255 scale, and tensor layout. Read from the
 * configuration keys {@code <stage>.input.colour}, {@code .mean}, {@code .std} and {@code .layout}.
 *
 * @param colour the channels the model expects
 * @param mean   per model channel, subtracted first
 * @param std    per model channel, divided by after
 * @param layout where channels go in the tensor
 */
record InputEncoding(Colour colour, double[] mean, double[] std, Layout layout) {
    /** The channels a model expects. */
    enum Colour {
        /** Red, green, blue. */
        RGB(3),
        /** Blue, green, red (OpenCV's native order). */
        BGR(3),
        /** One channel: ITU-R BT.601 luma. */
        GREY(1);

        private final int channels;

        Colour(int channels) {
            this.channels = channels;
        }

        /** @return channels in the tensor */
        int channels() {
            return channels;
        }

        /** @return the name used in configuration files */
        String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where channels go in a tensor of one image. */
    enum Layout {
        /** [1, channels, height, width], as PyTorch exports. */
        NCHW,
        /** [1, height, width, channels], as TensorFlow exports. */
        NHWC;

        /** @return the name used in configuration files */
        String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @return the colour names configuration files accept */
    static List<String> colourNames() {
        return List.of("rgb", "bgr", "grey");
    }

    /** @return the layout names configuration files accept */
    static List<String> layoutNames() {
        return List.of("nchw", "nhwc");
    }

    /**
     * Fills a tensor from a patch.
     *
     * @param patch  RGB samples in [0, 255], interleaved, {@code width * height * 3}
     * @param width  patch width
     * @param height patch height
     * @return the tensor's values in the model's layout
     */
    float[] encode(float[] patch, int width, int height) {
        int channels = colour.channels();
        int plane = width * height;
        float[] tensor = new float[plane * channels];
        for (int p = 0; p < plane; p++) {
            float r = patch[3 * p];
            float g = patch[3 * p + 1];
            float b = patch[3 * p + 2];
            for (int c = 0; c < channels; c++) {
                float value = switch (colour) {
                    case RGB -> c == 0 ? r : c == 1 ? g : b;
                    case BGR -> c == 0 ? b : c == 1 ? g : r;
                    case GREY -> 0.299f * r + 0.587f * g + 0.114f * b;
                };
                float normalised = (float) ((value - mean[c]) / std[c]);
                tensor[layout == Layout.NCHW ? c * plane + p : p * channels + c] = normalised;
            }
        }
        return tensor;
    }

    /** @return a one-line description for provenance */
    String describe() {
        return colour.configName() + ", (x - " + numbers(mean) + ") / " + numbers(std) + ", " + layout.configName();
    }

    private static String numbers(double[] values) {
        boolean same = true;
        for (double v : values) {
            same &= v == values[0];
        }
        if (same) {
            return format(values[0]);
        }
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(format(values[i]));
        }
        return s.append(']').toString();
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
