package org.touchstone.reference.attributes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fitted parameters of the synthetic-face attribute models, and their text format: '#' comment lines
 * (what produced them), then one {@code key value...} line per parameter vector. Written by the
 * {@code reference-training} module, read here. The format is plain text so that a change to the
 * fitted parameters can be read in a diff.
 *
 * <p>Model weights are built, not committed: {@code reference-training}'s build fits them into its own jar as
 * the resource {@value #RESOURCE} (this module cannot fit them itself, since the faces come from
 * {@code protocols}' generator, which it must not depend on), so whatever runs {@code synthetic-attributes}
 * (the runner, its worker processes, Spark's executors) needs {@code reference-training}'s jar on the class
 * path.
 *
 * @param comments        the comment lines, without '#'
 * @param mean            per-feature mean of the training set
 * @param scale           per-feature standard deviation of the training set
 * @param classifiers     the binary attributes' models, by attribute name
 * @param age             the age model
 */
public record AttributeModels(List<String> comments, double[] mean, double[] scale,
                              Map<String, Classifier> classifiers, Regressor age) {
    /** The resource holding the fitted parameters, built into {@code reference-training}'s jar. */
    public static final String RESOURCE = "/org/touchstone/reference/attributes/synthetic-attributes.txt";

    /**
     * A logistic regression with Platt scaling: P(positive) = sigmoid(a (w.z + b) + c).
     *
     * @param positive  the label predicted when P >= 0.5
     * @param negative  the other label
     * @param weights   one weight per standardised feature
     * @param bias      the intercept b
     * @param plattA    Platt slope a, fitted on the calibration split
     * @param plattB    Platt intercept c
     */
    public record Classifier(String positive, String negative, double[] weights, double bias, double plattA,
                             double plattB) {
        /**
         * @param z standardised features
         * @return the probability of the positive label
         */
        public double probability(double[] z) {
            double s = bias;
            for (int i = 0; i < z.length; i++) {
                s += weights[i] * z[i];
            }
            return 1 / (1 + Math.exp(-(plattA * s + plattB)));
        }
    }

    /**
     * A ridge regression of age on the standardised features.
     *
     * @param weights    one weight per standardised feature
     * @param bias       the intercept
     * @param tolerance  the error, in years, within which an estimate counts as right
     * @param confidence the share of calibration-split estimates within the tolerance
     */
    public record Regressor(double[] weights, double bias, double tolerance, double confidence) {
        /**
         * @param z standardised features
         * @return the estimated age in years
         */
        public double estimate(double[] z) {
            double s = bias;
            for (int i = 0; i < z.length; i++) {
                s += weights[i] * z[i];
            }
            return s;
        }
    }

    /**
     * @param features raw features from {@link FaceFeatures#extract}
     * @return the standardised features
     */
    public double[] standardise(double[] features) {
        double[] z = new double[features.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (features[i] - mean[i]) / scale[i];
        }
        return z;
    }

    /**
     * @return the parameters bundled on the class path by the build ({@value #RESOURCE}), read anew each call
     * @throws IllegalStateException if the class path lacks them
     */
    public static AttributeModels bundled() {
        try (InputStream in = AttributeModels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path: it is"
                        + " fitted by the build of reference-training, whose jar (or target/classes) must be on the"
                        + " class path to run synthetic-attributes");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    /**
     * @param in the text
     * @return the parameters
     * @throws IOException              on read failure
     * @throws IllegalArgumentException naming the line of a malformed file
     */
    public static AttributeModels read(InputStream in) throws IOException {
        List<String> comments = new ArrayList<>();
        Map<String, String[]> values = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.startsWith("#")) {
                comments.add(line.substring(1).trim());
            } else if (!line.isBlank()) {
                String[] parts = line.trim().split(" ");
                if (values.put(parts[0], java.util.Arrays.copyOfRange(parts, 1, parts.length)) != null) {
                    throw new IllegalArgumentException("line " + number + ": key " + parts[0] + " appears twice");
                }
            }
        }
        double[] mean = vector(values, "standardisation.mean", FaceFeatures.LENGTH);
        double[] scale = vector(values, "standardisation.scale", FaceFeatures.LENGTH);
        Map<String, Classifier> classifiers = new LinkedHashMap<>();
        for (String attribute : new String[] {"sex", "smile", "eyeglasses"}) {
            String[] labels = text(values, attribute + ".labels", 2);
            double[] platt = vector(values, attribute + ".platt", 2);
            classifiers.put(attribute, new Classifier(labels[0], labels[1],
                    vector(values, attribute + ".weights", FaceFeatures.LENGTH),
                    vector(values, attribute + ".bias", 1)[0], platt[0], platt[1]));
        }
        double[] ageFit = vector(values, "age.fit", 3);
        Regressor age = new Regressor(vector(values, "age.weights", FaceFeatures.LENGTH),
                vector(values, "age.bias", 1)[0], ageFit[0], ageFit[1]);
        return new AttributeModels(List.copyOf(comments), mean, scale, classifiers, age);
    }

    private static String[] text(Map<String, String[]> values, String key, int length) {
        String[] v = values.get(key);
        if (v == null || v.length != length) {
            throw new IllegalArgumentException("key " + key + ": expected " + length + " values, found "
                    + (v == null ? "none" : v.length));
        }
        return v;
    }

    private static double[] vector(Map<String, String[]> values, String key, int length) {
        String[] v = text(values, key, length);
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = Double.parseDouble(v[i]);
            if (!Double.isFinite(out[i])) {
                throw new IllegalArgumentException("key " + key + ": value " + i + " is not finite");
            }
        }
        return out;
    }

    /**
     * Writes the parameters in the format {@link #read} reads.
     *
     * @param out where to write
     * @throws IOException on write failure
     */
    public void write(Writer out) throws IOException {
        for (String c : comments) {
            out.write("# " + c + "\n");
        }
        line(out, "standardisation.mean", mean);
        line(out, "standardisation.scale", scale);
        for (Map.Entry<String, Classifier> e : classifiers.entrySet()) {
            Classifier c = e.getValue();
            out.write(e.getKey() + ".labels " + c.positive() + " " + c.negative() + "\n");
            line(out, e.getKey() + ".weights", c.weights());
            line(out, e.getKey() + ".bias", new double[] {c.bias()});
            line(out, e.getKey() + ".platt", new double[] {c.plattA(), c.plattB()});
        }
        line(out, "age.weights", age.weights());
        line(out, "age.bias", new double[] {age.bias()});
        line(out, "age.fit", new double[] {age.tolerance(), age.confidence(), 0});
    }

    private static void line(Writer out, String key, double[] values) throws IOException {
        StringBuilder b = new StringBuilder(key);
        for (double v : values) {
            b.append(' ').append(v);
        }
        out.write(b.append('\n').toString());
    }

    /**
     * @return the parameters as the text {@link #write} produces; two models with equal text have equal
     *         parameters, since each number is written in a form that reads back exactly
     */
    public String toText() {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
