package org.touchstone.protocols.synthetic;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * How much harder the images of a demographic group are made: a nuisance multiplier per group value.
 * An image's multiplier is the product of the factors of all groups it belongs to (1 when none is
 * named), and it scales every capture nuisance of that image: pose shift, in-plane rotation, scale
 * change, yaw, lighting gradient, brightness, contrast and colour-cast deviations, blur and sensor noise.
 * Identity, expression and eyeglasses are not affected.
 *
 * <p>Written as {@code group.value*factor} terms joined by {@code +}, e.g.
 * {@code skin_tone.darker*1.5+sex.female*1.2}, or {@code none}. Groups and values are those of
 * {@link SyntheticLabels#GROUP_VALUES}. The factors are a declared, synthetic setting for exercising the
 * harness's per-group reporting; they make no claim about any real system.
 *
 * @param factors factor per {@code group.value} key, sorted by key; factors of exactly 1 are dropped
 */
public record DifficultyProfile(SortedMap<String, Double> factors) {
    /** Smallest factor accepted. */
    public static final double MIN_FACTOR = 0.1;
    /** Largest factor accepted. */
    public static final double MAX_FACTOR = 5.0;
    /** The profile with no group differences. */
    public static final DifficultyProfile NONE = new DifficultyProfile(new TreeMap<>());
    /** The default profile: {@code sex.female*1.2+skin_tone.darker*1.5}. */
    public static final DifficultyProfile DEFAULT = parse("skin_tone.darker*1.5+sex.female*1.2");

    private static final String KEY = "difficulty";

    /**
     * @param factors factor per {@code group.value} key; copied
     * @throws IllegalArgumentException naming the key {@code difficulty}, for an unknown group or value,
     *                                  or a factor outside {@value #MIN_FACTOR}..{@value #MAX_FACTOR}
     */
    public DifficultyProfile {
        TreeMap<String, Double> copy = new TreeMap<>();
        factors.forEach((key, factor) -> {
            checkGroupValue(key);
            if (factor == null || !(factor >= MIN_FACTOR && factor <= MAX_FACTOR)) {
                throw error("factor of '" + key + "' must be " + MIN_FACTOR + ".." + MAX_FACTOR + ", was " + factor);
            }
            if (factor != 1.0) {
                copy.put(key, factor);
            }
        });
        factors = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * Parses the value of the spec key {@code difficulty}.
     *
     * @param text {@code none}, or {@code group.value*factor} terms joined by {@code +}
     * @return the profile
     * @throws IllegalArgumentException naming the key, the offending term and what was expected
     */
    public static DifficultyProfile parse(String text) {
        String trimmed = text.trim();
        if (trimmed.equals("none")) {
            return NONE;
        }
        TreeMap<String, Double> factors = new TreeMap<>();
        int pos = 0;
        while (true) {
            // A value may itself contain '+' ("51+"), so a term ends after its number, not at the next '+'.
            int star = trimmed.indexOf('*', pos);
            if (star < 0) {
                throw error("term '" + trimmed.substring(pos) + "' must look like group.value*factor"
                        + " (e.g. skin_tone.darker*1.5), or the whole value must be 'none'");
            }
            String key = trimmed.substring(pos, star).trim();
            int end = star + 1;
            while (end < trimmed.length() && (Character.isDigit(trimmed.charAt(end)) || trimmed.charAt(end) == '.')) {
                end++;
            }
            double factor = parseFactor(key, trimmed.substring(star + 1, end));
            checkGroupValue(key);
            if (factors.put(key, factor) != null) {
                throw error("'" + key + "' is given twice");
            }
            if (end == trimmed.length()) {
                break;
            }
            if (trimmed.charAt(end) != '+' || end + 1 == trimmed.length()) {
                throw error("expected '+' and another group.value*factor term after '"
                        + trimmed.substring(0, end) + "', found '" + trimmed.substring(end) + "'");
            }
            pos = end + 1;
        }
        return new DifficultyProfile(factors);
    }

    private static double parseFactor(String key, String number) {
        if (!number.matches("[0-9]+(\\.[0-9]+)?")) {
            throw error("factor of '" + key + "' must be a decimal number such as 1.5, was '" + number + "'");
        }
        return Double.parseDouble(number);
    }

    private static void checkGroupValue(String key) {
        int dot = key.indexOf('.');
        String group = dot < 0 ? key : key.substring(0, dot);
        List<String> values = SyntheticLabels.GROUP_VALUES.get(group);
        if (dot < 0 || values == null) {
            throw error("'" + key + "' must be group.value with group one of "
                    + SyntheticLabels.GROUP_VALUES.keySet());
        }
        if (!values.contains(key.substring(dot + 1))) {
            throw error("group '" + group + "' has values " + values + ", not '" + key.substring(dot + 1) + "'");
        }
    }

    private static IllegalArgumentException error(String message) {
        return new IllegalArgumentException("synthetic spec key '" + KEY + "': " + message);
    }

    /**
     * @param groups an image's group values by group name, as {@link SyntheticLabels#groups()}
     * @return the product of the factors of the groups the image belongs to; 1 if none applies
     */
    public double multiplier(Map<String, String> groups) {
        double product = 1.0;
        for (Map.Entry<String, String> group : groups.entrySet()) {
            product *= factors.getOrDefault(group.getKey() + "." + group.getValue(), 1.0);
        }
        return product;
    }

    /** @return the normalised text: terms sorted by key, shortest decimal factors; {@code none} if empty */
    public String canonical() {
        if (factors.isEmpty()) {
            return "none";
        }
        StringJoiner terms = new StringJoiner("+");
        factors.forEach((key, factor) ->
                terms.add(key + "*" + BigDecimal.valueOf(factor).stripTrailingZeros().toPlainString()));
        return terms.toString();
    }

    @Override
    public String toString() {
        return canonical();
    }
}
