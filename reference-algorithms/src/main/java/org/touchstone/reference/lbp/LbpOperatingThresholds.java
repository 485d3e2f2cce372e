package org.touchstone.reference.lbp;

import java.util.List;
import org.touchstone.api.Capability;
import org.touchstone.api.OperatingThreshold;

/**
 * The operating thresholds the LBP system recommends, on its similarity with the default
 * settings. This is the one place their values live; recalibrate them here.
 *
 * <p>Calibrated on a synthetic <em>training</em> set that no demo or test evaluates on (the demo uses
 * seed 7): the similarities at which the false match rate first falls to 1e-3 (default) and 1e-4 (high
 * security) among the 1,276,800 impostor pairs of
 * <pre>
 * ./touchstone run --protocol verification@1.0.0 --system lbp \
 *     --dataset synthetic:subjects=400,images=4,seed=1001   (generator version 1, default difficulty)
 * </pre>
 * which reported 0.80886 (FNMR 36.1%) and 0.81981 (FNMR 54.6%) with the default Bhattacharyya
 * similarity, rounded here to three decimals.
 *
 * <p>Identification scores are the same similarity (the cosine of the Hellinger map). Its "default" is the
 * top-candidate score that 1% of non-mated searches exceeded (FPIR 1e-2; 4 of 400, so only a rough
 * figure) in the largest gallery (300 templates) of
 * {@code ./touchstone run --protocol identification@1.0.0 --system lbp --dataset
 * synthetic:subjects=400,images=4,seed=1001}: 0.8235. "investigative" is 0, as NIST's investigative mode:
 * every candidate is returned for a person to review.
 *
 * <p>Recalibrate whenever the LBP settings or the synthetic generator's version change.
 */
final class LbpOperatingThresholds {
    /** Similarity for uses where a false match is costly: false match rate about 1e-4 on synthetic faces. */
    static final double HIGH_SECURITY = 0.820;
    /** Similarity for general use: false match rate about 1e-3 on synthetic faces. */
    static final double DEFAULT = 0.809;
    /** Identification: FPIR about 1e-2 in a gallery of 300 synthetic subjects. */
    static final double IDENTIFICATION_DEFAULT = 0.824;
    /** Identification: every candidate, for human review. */
    static final double INVESTIGATIVE = 0.0;

    private LbpOperatingThresholds() {
    }

    /** @return the thresholds, strictest first */
    static List<OperatingThreshold> all() {
        return List.of(
                new OperatingThreshold("high-security", Capability.VERIFICATION, HIGH_SECURITY,
                        "false match rate about 1e-4 on synthetic training faces (seed 1001)"),
                new OperatingThreshold("default", Capability.VERIFICATION, DEFAULT,
                        "false match rate about 1e-3 on synthetic training faces (seed 1001)"),
                new OperatingThreshold("default", Capability.IDENTIFICATION, IDENTIFICATION_DEFAULT,
                        "FPIR about 1e-2 in a gallery of 300 synthetic training subjects (seed 1001)"),
                new OperatingThreshold("investigative", Capability.IDENTIFICATION, INVESTIGATIVE,
                        "every candidate returned, for human review"));
    }
}
