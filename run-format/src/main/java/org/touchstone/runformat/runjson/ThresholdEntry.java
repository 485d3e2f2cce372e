package org.touchstone.runformat.runjson;

import org.touchstone.api.OperatingThreshold;
import org.touchstone.runformat.json.JsonFields;

/**
 * A named threshold, as run.json lists the system's ({@code system.thresholds}) and those evaluated
 * ({@code evaluation.thresholds}).
 *
 * @param name        its name, unique in a list
 * @param value       a score (recognition) or a confidence in [0, 1] (analysis)
 * @param source      where it comes from: {@value #VENDOR} for the system's descriptor
 * @param capability  the capability it is for, lower case (may be absent when read)
 * @param description what it is meant for (may be absent when read)
 */
public record ThresholdEntry(String name, Double value, String source, String capability, String description) {
    /** The source of a threshold the system's descriptor declares. */
    public static final String VENDOR = "vendor";

    /**
     * A threshold the system declares.
     *
     * @param threshold from the descriptor
     * @return it, with source {@value #VENDOR}
     */
    public static ThresholdEntry ofVendor(OperatingThreshold threshold) {
        return new ThresholdEntry(threshold.name(), threshold.value(), VENDOR, JsonFields.name(threshold.capability()),
                threshold.description());
    }
}
