package org.touchstone.reports.verification;

import java.util.Objects;

/**
 * A threshold named in the evaluation, usually one the vendor recommends (for example
 * {@code "default" = 0.42}), at which FMR and FNMR are reported exactly.
 *
 * @param name        unique name
 * @param value       the threshold; a score at or above it is a match
 * @param source      where it comes from, for example {@code "vendor"}
 * @param description what it is recommended for; may be empty
 */
public record NamedThreshold(String name, double value, String source, String description) {
    /**
     * @param name        not blank
     * @param value       finite
     * @param source      not null
     * @param description null is read as empty
     */
    public NamedThreshold {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (name.isBlank()) {
            throw new IllegalArgumentException("threshold name must not be blank");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("threshold '" + name + "' must be finite, was " + value);
        }
        description = description == null ? "" : description;
    }
}
