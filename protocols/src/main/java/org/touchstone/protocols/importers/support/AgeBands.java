package org.touchstone.protocols.importers.support;

import java.util.List;

/**
 * FairFace's nine age bands, spelled exactly as its label files spell them ({@code more than 70}, not the
 * {@code 70+} its model code prints). UTKFace's exact ages are banded the same way, so that the two datasets'
 * per-age tables line up.
 */
public final class AgeBands {
    /** The bands, youngest first. */
    public static final List<String> FAIRFACE = List.of("0-2", "3-9", "10-19", "20-29", "30-39", "40-49", "50-59",
            "60-69", "more than 70");

    private AgeBands() {
    }

    /**
     * @param age an age in whole years, at least 0
     * @return its FairFace band
     */
    public static String of(int age) {
        if (age < 0) {
            throw new IllegalArgumentException("age must be >= 0, was " + age);
        }
        if (age <= 2) {
            return FAIRFACE.get(0);
        }
        if (age <= 9) {
            return FAIRFACE.get(1);
        }
        return FAIRFACE.get(Math.min(8, age / 10 + 1));
    }
}
