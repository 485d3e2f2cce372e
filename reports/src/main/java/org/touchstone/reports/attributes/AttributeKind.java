package org.touchstone.reports.attributes;

import java.util.Locale;

/** How an attribute's estimates are expressed, which decides the metrics that apply to it. */
public enum AttributeKind {
    /** One label from a vocabulary, such as {@code female}: accuracy, confusion, calibration. */
    CATEGORICAL,
    /** A number, such as an age in years: mean absolute error and threshold errors. */
    NUMERIC;

    /**
     * The kind's name as written in reports.
     *
     * @return {@code "categorical"} or {@code "numeric"}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
