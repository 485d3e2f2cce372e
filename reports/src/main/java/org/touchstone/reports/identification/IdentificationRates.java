package org.touchstone.reports.identification;

import java.util.Objects;
import org.touchstone.reports.stats.Proportion;

/**
 * FNIR, FPIR and selectivity at one threshold and rank, each with its counts.
 *
 * @param threshold   T: a candidate is a hit when its score is {@code >= T}; negative infinity for the
 *                    "investigative" mode and rank-based rates, where every returned candidate counts
 * @param rank        R: only the top R candidates count towards FNIR
 * @param fnir        FNIR(N, R, T): mated searches whose mate is not among the top R candidates with
 *                    score {@code >= T}, out of mated searches
 * @param fpir        FPIR(N, T): non-mated searches returning at least one candidate with score
 *                    {@code >= T}, out of non-mated searches
 * @param selectivity non-mated candidates with score {@code >= T} per non-mated search
 */
public record IdentificationRates(double threshold, int rank, Proportion fnir, Proportion fpir,
                                  Selectivity selectivity) {
    /**
     * @param threshold   not NaN
     * @param rank        {@code >= 1}
     * @param fnir        not null
     * @param fpir        not null
     * @param selectivity not null
     */
    public IdentificationRates {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must not be NaN");
        }
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be at least 1, was " + rank);
        }
        Objects.requireNonNull(fnir, "fnir");
        Objects.requireNonNull(fpir, "fpir");
        Objects.requireNonNull(selectivity, "selectivity");
    }

    /**
     * TPIR(N, R, T) = 1 - FNIR: mated searches whose mate is among the top R candidates with score
     * {@code >= T}.
     *
     * @return the hits out of mated searches
     */
    public Proportion tpir() {
        return new Proportion(fnir.trials() - fnir.events(), fnir.trials());
    }
}
