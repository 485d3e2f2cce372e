package org.touchstone.reference.lbp;

import java.util.List;
import org.touchstone.api.Capability;
import org.touchstone.api.OperatingThreshold;

/**
 * The operating thresholds the LBP system recommends, on its chi-square similarity with the default
 * settings. This is the one place their values live; recalibrate them here.
 *
 * <p>Provisional values, chosen from the impostor scores of synthetic faces drawn by this module's test
 * benchmark (see the class {@code LbpBenchmark} in the tests): they are to be recalibrated on the
 * project's synthetic training set.
 */
final class LbpOperatingThresholds {
    /** Similarity for uses where a false match is costly. */
    static final double HIGH_SECURITY = 0.90;
    /** Similarity for general use. */
    static final double DEFAULT = 0.85;

    private LbpOperatingThresholds() {
    }

    /** @return the thresholds, strictest first */
    static List<OperatingThreshold> all() {
        return List.of(
                new OperatingThreshold("high-security", Capability.VERIFICATION, HIGH_SECURITY,
                        "provisional: few false matches, at the cost of more false non-matches"),
                new OperatingThreshold("default", Capability.VERIFICATION, DEFAULT,
                        "provisional: general use"));
    }
}
