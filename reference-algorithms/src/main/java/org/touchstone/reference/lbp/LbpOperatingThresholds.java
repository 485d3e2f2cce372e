package org.touchstone.reference.lbp;

import java.util.List;
import org.touchstone.api.Capability;
import org.touchstone.api.OperatingThreshold;

/**
 * The operating thresholds the LBP system recommends, on its chi-square similarity with the default
 * settings. This is the one place their values live; recalibrate them here.
 *
 * <p>Provisional values, to be recalibrated on the project's synthetic training set. They are the
 * similarities at which the false match rate fell to 1e-3 (default) and 1e-4 (high security) among the
 * 497,500 impostor pairs of 200 identities x 5 images drawn by the test class {@code SyntheticFaces}
 * ({@code LbpBenchmark separation 200 5}: 0.8576 and 0.8620). On 200 other identities they gave a false
 * match rate of 1.2e-3 and 1.6e-4, with false non-match rates of 0.52 and 0.65.
 */
final class LbpOperatingThresholds {
    /** Similarity for uses where a false match is costly: false match rate about 1e-4 on synthetic faces. */
    static final double HIGH_SECURITY = 0.862;
    /** Similarity for general use: false match rate about 1e-3 on synthetic faces. */
    static final double DEFAULT = 0.858;

    private LbpOperatingThresholds() {
    }

    /** @return the thresholds, strictest first */
    static List<OperatingThreshold> all() {
        return List.of(
                new OperatingThreshold("high-security", Capability.VERIFICATION, HIGH_SECURITY,
                        "provisional: false match rate about 1e-4 on synthetic faces"),
                new OperatingThreshold("default", Capability.VERIFICATION, DEFAULT,
                        "provisional: false match rate about 1e-3 on synthetic faces"));
    }
}
