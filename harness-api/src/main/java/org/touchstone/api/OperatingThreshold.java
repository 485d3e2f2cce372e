package org.touchstone.api;

import java.util.Objects;

/**
 * A threshold the vendor recommends, by name: for example {@code "investigative" = 99} on a 0..100
 * confidence, or {@code "default" = 0.8}. Touchstone reports error rates at every declared threshold,
 * so a claim such as "no false positives at 99% confidence" can be checked at exactly that setting.
 *
 * @param name        short name, unique per capability
 * @param capability  whose output the threshold applies to: similarity scores for
 *                    {@link Capability#VERIFICATION} and {@link Capability#IDENTIFICATION}, attribute
 *                    confidence for {@link Capability#ANALYSIS}
 * @param value       the threshold; a score or confidence at or above it is a match or a decision
 * @param description what the vendor recommends it for
 */
public record OperatingThreshold(String name, Capability capability, double value, String description) {
    /**
     * @param name        not blank
     * @param capability  the capability whose output it applies to
     * @param value       finite
     * @param description may be empty
     */
    public OperatingThreshold {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(capability, "capability");
        if (name.isBlank()) {
            throw new IllegalArgumentException("threshold name must not be blank");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("threshold '" + name + "' must be finite, was " + value);
        }
        description = description == null ? "" : description;
    }
}
