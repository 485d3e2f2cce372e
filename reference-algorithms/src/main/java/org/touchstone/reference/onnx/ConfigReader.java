package org.touchstone.reference.onnx;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FailureCode;

/**
 * Reads typed values from a {@code .properties} configuration strictly: it remembers every key it was
 * asked for, so that a key nobody asked for (a typo such as {@code detector.score-treshold}) is reported
 * rather than silently ignored, and it collects every problem so that one run of the system names them
 * all. Each problem names the file and the key.
 */
final class ConfigReader {
    private final String source;
    private final Properties properties;
    private final Set<String> asked = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();

    /**
     * @param source     the file name, as problems name it
     * @param properties the file's contents
     */
    ConfigReader(String source, Properties properties) {
        this.source = source;
        this.properties = properties;
    }

    /** @return the file name problems are reported against */
    String source() {
        return source;
    }

    /**
     * @param key a key
     * @return whether the file sets it (to anything, even blank)
     */
    boolean has(String key) {
        asked.add(key);
        return properties.getProperty(key) != null;
    }

    /**
     * @param key a required key
     * @return its stripped value, or null after recording a problem when missing or blank
     */
    String text(String key) {
        String value = optionalText(key);
        if (value == null) {
            problem(key, "is required");
        }
        return value;
    }

    /**
     * @param key an optional key
     * @return its stripped value, or null when absent; a blank value is a problem
     */
    String optionalText(String key) {
        asked.add(key);
        String value = properties.getProperty(key);
        if (value == null) {
            return null;
        }
        value = value.strip();
        if (value.isEmpty()) {
            problem(key, "is blank");
            return null;
        }
        return value;
    }

    /**
     * @param key      a key
     * @param fallback the value when absent
     * @param min      smallest allowed
     * @param max      largest allowed
     * @return the finite number in [min, max], or {@code fallback} when absent or after recording a problem
     */
    double number(String key, double fallback, double min, double max) {
        String text = optionalText(key);
        if (text == null) {
            return fallback;
        }
        double value = parse(key, text);
        if (Double.isNaN(value)) {
            return fallback;
        }
        if (value < min || value > max) {
            problem(key, "is " + text + "; expected a number from " + min + " to " + max);
            return fallback;
        }
        return value;
    }

    /**
     * @param key      a key
     * @param expected how many numbers: 1 (used for every channel) or {@code expected}
     * @return the comma-separated numbers, expanded to {@code expected} values, or null after a problem
     */
    double[] numbers(String key, int expected) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 1 && parts.length != expected) {
            problem(key, "has " + parts.length + " values; expected 1 or " + expected + ", comma separated");
            return null;
        }
        double[] values = new double[expected];
        for (int i = 0; i < expected; i++) {
            values[i] = parse(key, parts[parts.length == 1 ? 0 : i].strip());
            if (Double.isNaN(values[i])) {
                return null;
            }
        }
        return values;
    }

    /**
     * @param key      a key
     * @param fallback the value when absent
     * @return {@code true} or {@code false}
     */
    boolean bool(String key, boolean fallback) {
        String text = optionalText(key);
        if (text == null) {
            return fallback;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        problem(key, "is '" + text + "'; expected true or false");
        return fallback;
    }

    /**
     * @param key      a key
     * @param options  the allowed values, lower case
     * @param fallback the value when absent, or null when the key is required
     * @return one of the options, or the fallback (null after a problem when required)
     */
    String choice(String key, List<String> options, String fallback) {
        String text = fallback == null ? text(key) : optionalText(key);
        if (text == null) {
            return fallback;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!options.contains(lower)) {
            problem(key, "is '" + text + "'; expected one of " + String.join(" | ", options));
            return fallback;
        }
        return lower;
    }

    /**
     * Records a problem with a key.
     *
     * @param key     the key
     * @param message what is wrong, completing "key 'K' ..."
     */
    void problem(String key, String message) {
        problems.add("key '" + key + "' " + message);
    }

    /**
     * Ends the reading: reports keys nobody asked for, then every problem at once.
     *
     * @throws FaceSystemException with {@link FailureCode#CONFIG_ERROR}, naming the file and each key
     */
    void finish() throws FaceSystemException {
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(asked);
        for (String key : unknown) {
            problems.add("key '" + key + "' is not a known key here");
        }
        if (!problems.isEmpty()) {
            throw new FaceSystemException(FailureCode.CONFIG_ERROR, source + ": " + String.join("; ", problems));
        }
    }

    private double parse(String key, String text) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(key, "is '" + text + "'; expected a finite number");
        return Double.NaN;
    }
}
