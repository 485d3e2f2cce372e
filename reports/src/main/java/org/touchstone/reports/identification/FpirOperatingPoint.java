package org.touchstone.reports.identification;

import java.util.Objects;
import org.touchstone.reports.verification.ThresholdOrigin;

/**
 * FNIR at an FPIR target f: the threshold T chosen from the non-mated searches, the rates there, and
 * whether the data can support an FPIR that small.
 *
 * <p>T is the lowest candidate threshold with FPIR(T) {@code <= f}, by the convention of
 * {@link org.touchstone.reports.verification.FmrOperatingPoint}: the candidates are every observed score
 * (the top candidate score of each non-mated search and the mate's score of each mated search that
 * found its mate within rank R), plus {@code Math.nextUp} of the highest non-mated top score when no score
 * lies above it. Ties count as hits. This gives the lowest FNIR(N, R, T) any threshold achieves with
 * FPIR {@code <= f}, at a score the system produced whenever possible.
 *
 * <p>Support follows the rule of 3: with no false positive in n non-mated searches the one-sided 95%
 * upper bound on FPIR is about 3/n, so a target f needs at least ceil(3/f) non-mated searches.
 *
 * @param fpirTarget              the target f, in (0, 1]
 * @param thresholdOrigin         how T was chosen
 * @param rates                   the rates at T; null when the origin is {@link ThresholdOrigin#NONE}
 *                                (no non-mated search, or no score at all)
 * @param minimumNonMatedSearches ceil(3 / f)
 * @param supported               whether the non-mated searches (failed ones included) reach that minimum
 */
public record FpirOperatingPoint(double fpirTarget, ThresholdOrigin thresholdOrigin, IdentificationRates rates,
                                 long minimumNonMatedSearches, boolean supported) {
    /**
     * @param fpirTarget              in (0, 1]
     * @param thresholdOrigin         not null
     * @param rates                   null exactly when the origin is NONE
     * @param minimumNonMatedSearches {@code >= 1}
     * @param supported               the support flag
     */
    public FpirOperatingPoint {
        if (!(fpirTarget > 0 && fpirTarget <= 1)) {
            throw new IllegalArgumentException("FPIR target must be in (0, 1], was " + fpirTarget);
        }
        Objects.requireNonNull(thresholdOrigin, "thresholdOrigin");
        if ((rates == null) != (thresholdOrigin == ThresholdOrigin.NONE)) {
            throw new IllegalArgumentException("rates must be null exactly when there is no threshold");
        }
    }
}
