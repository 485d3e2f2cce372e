package org.touchstone.reference.lbp;

import java.util.List;
import org.touchstone.api.Capability;
import org.touchstone.api.OperatingThreshold;

/**
 * The operating thresholds {@code lbp-compact} recommends. This is the one place their values live;
 * recalibrate them whenever the projection ({@link LbpProjection}) or the synthetic generator changes.
 *
 * <p>Calibrated on synthetic faces of a seed that no demo, test or evaluation uses (314159; the projection
 * was fitted on seed 271828), rounded to three decimals:
 * <ul>
 *   <li>verification: the scores at which the false match rate first falls to 1e-3 (0.21503, FNMR 5.75%)
 *       and 1e-4 (0.26294, FNMR 14.2%) among the 1,276,800 impostor pairs of
 *       {@code ./touchstone run --protocol verification@1.0.0 --system lbp-compact
 *       --dataset procedural:synthetic:subjects=400,images=4,seed=314159};</li>
 *   <li>identification: the thresholds at FPIR 1e-2 (0.35410, FNIR 44.3%) and 1e-3 (0.40521, FNIR 62.5%; 3
 *       of 3,000 non-mated searches, so only a rough figure) in the largest gallery (1,000 mated subjects
 *       and 10,000 distractors) of {@code ./touchstone run --protocol identification-megaface@1.0.0
 *       --system lbp-compact --dataset procedural:synthetic:subjects=12000,images=3,seed=314159}.</li>
 * </ul>
 * FPIR at a fixed threshold grows with the gallery: in a gallery of a million, expect these identification
 * thresholds to give far more false positives than they were calibrated for.
 */
final class LbpCompactThresholds {
    /** Verification: false match rate about 1e-4 on synthetic faces. */
    static final double HIGH_SECURITY = 0.263;
    /** Verification: false match rate about 1e-3 on synthetic faces. */
    static final double DEFAULT = 0.215;
    /** Identification: FPIR about 1e-3 in a gallery of 11,000 synthetic subjects. */
    static final double IDENTIFICATION_HIGH_CONFIDENCE = 0.405;
    /** Identification: FPIR about 1e-2 in a gallery of 11,000 synthetic subjects. */
    static final double IDENTIFICATION_DEFAULT = 0.354;
    /** Identification: every candidate, for human review (the lowest cosine). */
    static final double INVESTIGATIVE = -1.0;

    private LbpCompactThresholds() {
    }

    /** @return the thresholds, strictest first per capability */
    static List<OperatingThreshold> all() {
        return List.of(
                new OperatingThreshold("high-security", Capability.VERIFICATION, HIGH_SECURITY,
                        "false match rate about 1e-4 on synthetic calibration faces (seed 314159)"),
                new OperatingThreshold("default", Capability.VERIFICATION, DEFAULT,
                        "false match rate about 1e-3 on synthetic calibration faces (seed 314159)"),
                new OperatingThreshold("high-confidence", Capability.IDENTIFICATION, IDENTIFICATION_HIGH_CONFIDENCE,
                        "FPIR about 1e-3 in a gallery of 11,000 synthetic calibration subjects (seed 314159)"),
                new OperatingThreshold("default", Capability.IDENTIFICATION, IDENTIFICATION_DEFAULT,
                        "FPIR about 1e-2 in a gallery of 11,000 synthetic calibration subjects (seed 314159)"),
                new OperatingThreshold("investigative", Capability.IDENTIFICATION, INVESTIGATIVE,
                        "every candidate returned, for human review"));
    }
}
