package org.touchstone.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A facial attribute a system can estimate. The standard attributes below have fixed names and label
 * vocabularies so that systems are comparable; a vendor may add its own with {@link #vendor}.
 *
 * <p>Binary attributes (smile, eyeglasses, ...) use the labels {@value #TRUE} and {@value #FALSE}.
 */
public final class Attribute {
    /** The label of a binary attribute that is present. */
    public static final String TRUE = "true";
    /** The label of a binary attribute that is absent. */
    public static final String FALSE = "false";

    /** How an attribute's estimate is expressed. */
    public enum Kind {
        /** One label from a vocabulary, such as {@code "female"}. */
        CATEGORICAL,
        /** A number, such as an age in years. */
        NUMERIC
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.-]*");

    /** Apparent sex, labels {@code female} and {@code male} (reported as "gender" by many services). */
    public static final Attribute SEX = new Attribute("sex", Kind.CATEGORICAL, List.of("female", "male"));
    /** Apparent age in years. */
    public static final Attribute AGE = new Attribute("age", Kind.NUMERIC, List.of());
    /** Smiling. */
    public static final Attribute SMILE = binary("smile");
    /** Wearing clear eyeglasses. */
    public static final Attribute EYEGLASSES = binary("eyeglasses");
    /** Wearing sunglasses. */
    public static final Attribute SUNGLASSES = binary("sunglasses");
    /** Has a beard. */
    public static final Attribute BEARD = binary("beard");
    /** Has a mustache. */
    public static final Attribute MUSTACHE = binary("mustache");
    /** Eyes open. */
    public static final Attribute EYES_OPEN = binary("eyes_open");
    /** Mouth open. */
    public static final Attribute MOUTH_OPEN = binary("mouth_open");
    /** The dominant emotion shown, one of the listed labels. */
    public static final Attribute EMOTION = new Attribute("emotion", Kind.CATEGORICAL,
            List.of("neutral", "happy", "sad", "angry", "surprised", "disgusted", "fearful", "confused"));

    private static final List<Attribute> STANDARD = List.of(SEX, AGE, SMILE, EYEGLASSES, SUNGLASSES, BEARD,
            MUSTACHE, EYES_OPEN, MOUTH_OPEN, EMOTION);

    private final String name;
    private final Kind kind;
    private final List<String> labels;

    private Attribute(String name, Kind kind, List<String> labels) {
        this.name = name;
        this.kind = kind;
        this.labels = List.copyOf(labels);
    }

    private static Attribute binary(String name) {
        return new Attribute(name, Kind.CATEGORICAL, List.of(FALSE, TRUE));
    }

    /** @return the standard attributes, in a fixed order */
    public static List<Attribute> standard() {
        return STANDARD;
    }

    /**
     * Looks up a standard attribute by name.
     *
     * @param name such as {@code "smile"}
     * @return the attribute
     * @throws IllegalArgumentException if no standard attribute has that name
     */
    public static Attribute standard(String name) {
        for (Attribute a : STANDARD) {
            if (a.name.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no standard attribute named '" + name + "'; standard ones are "
                + STANDARD.stream().map(Attribute::name).toList());
    }

    /**
     * A vendor-named attribute beyond the standard set. Its name is prefixed with {@code x-} so it can
     * never collide with a standard attribute added in a later SPI version.
     *
     * @param name   lower case letters, digits, '_', '.', '-', starting with a letter
     * @param kind   categorical or numeric
     * @param labels the label vocabulary of a categorical attribute (empty for numeric ones)
     * @return the attribute, named {@code "x-" + name}
     */
    public static Attribute vendor(String name, Kind kind, List<String> labels) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("vendor attribute name '" + name + "' must match " + NAME);
        }
        if (kind == Kind.NUMERIC && !labels.isEmpty()) {
            throw new IllegalArgumentException("numeric attribute '" + name + "' cannot have labels");
        }
        return new Attribute("x-" + name.toLowerCase(Locale.ROOT), kind, labels);
    }

    /** @return the attribute's name, as written in protocols, manifests and reports */
    public String name() {
        return name;
    }

    /** @return categorical or numeric */
    public Kind kind() {
        return kind;
    }

    /** @return the label vocabulary of a categorical attribute; empty for numeric ones */
    public List<String> labels() {
        return labels;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attribute a && a.name.equals(name) && a.kind == kind && a.labels.equals(labels);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
