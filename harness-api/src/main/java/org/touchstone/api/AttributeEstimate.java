package org.touchstone.api;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A system's estimate of one attribute of one face, with its confidence.
 *
 * <p>The confidence is the probability, in [0, 1], that the system assigns to its estimate being right
 * (for a numeric attribute: to the true value lying within the system's own tolerance). Touchstone
 * checks whether it is calibrated: a system that says 0.99 should be right 99% of the time.
 */
public final class AttributeEstimate {
    private final Attribute attribute;
    private final String label;
    private final double value;
    private final double confidence;

    private AttributeEstimate(Attribute attribute, String label, double value, double confidence) {
        this.attribute = Objects.requireNonNull(attribute, "attribute");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence of " + attribute + " must be in [0, 1], was " + confidence);
        }
        this.label = label;
        this.value = value;
        this.confidence = confidence;
    }

    /**
     * An estimate of a categorical attribute.
     *
     * @param attribute  a {@link Attribute.Kind#CATEGORICAL} attribute
     * @param label      one of the attribute's labels
     * @param confidence probability in [0, 1] that the label is right
     * @return the estimate
     */
    public static AttributeEstimate label(Attribute attribute, String label, double confidence) {
        Objects.requireNonNull(label, "label");
        if (attribute.kind() != Attribute.Kind.CATEGORICAL) {
            throw new IllegalArgumentException(attribute + " is numeric; use AttributeEstimate.value");
        }
        if (!attribute.labels().isEmpty() && !attribute.labels().contains(label)) {
            throw new IllegalArgumentException("'" + label + "' is not a label of " + attribute + "; expected one of "
                    + attribute.labels());
        }
        return new AttributeEstimate(attribute, label, Double.NaN, confidence);
    }

    /**
     * An estimate of a numeric attribute.
     *
     * @param attribute  a {@link Attribute.Kind#NUMERIC} attribute
     * @param value      the estimated value, finite
     * @param confidence probability in [0, 1]
     * @return the estimate
     */
    public static AttributeEstimate value(Attribute attribute, double value, double confidence) {
        if (attribute.kind() != Attribute.Kind.NUMERIC) {
            throw new IllegalArgumentException(attribute + " is categorical; use AttributeEstimate.label");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value of " + attribute + " must be finite, was " + value);
        }
        return new AttributeEstimate(attribute, null, value, confidence);
    }

    /** @return the attribute estimated */
    public Attribute attribute() {
        return attribute;
    }

    /** @return the label of a categorical estimate; empty for numeric ones */
    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    /** @return the value of a numeric estimate; empty for categorical ones */
    public OptionalDouble value() {
        return label == null ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /** @return the confidence, in [0, 1] */
    public double confidence() {
        return confidence;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributeEstimate e && e.attribute.equals(attribute) && Objects.equals(e.label, label)
                && Double.compare(e.value, value) == 0 && Double.compare(e.confidence, confidence) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(attribute, label, value, confidence);
    }

    @Override
    public String toString() {
        return attribute + "=" + (label != null ? label : Double.toString(value)) + " (" + confidence + ")";
    }
}
