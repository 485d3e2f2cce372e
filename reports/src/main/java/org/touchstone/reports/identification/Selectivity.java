package org.touchstone.reports.identification;

/**
 * Selectivity at a threshold T: the mean number of candidates with score {@code >= T} that a non-mated
 * search returns, that is how many wrong candidates a human reviewer would be shown per search. It is a
 * mean count, not a proportion (it may exceed 1), so it carries its counts but no binomial interval.
 *
 * @param candidates non-mated candidates with score {@code >= T}, summed over the non-mated searches
 * @param searches   non-mated searches (failed ones included: they return no candidate)
 */
public record Selectivity(long candidates, long searches) {
    /**
     * @param candidates {@code >= 0}
     * @param searches   {@code >= 0}
     */
    public Selectivity {
        if (candidates < 0 || searches < 0) {
            throw new IllegalArgumentException("counts must not be negative, were " + candidates + " and " + searches);
        }
    }

    /**
     * The mean number of candidates per non-mated search.
     *
     * @return candidates / searches, NaN when there are no searches
     */
    public double mean() {
        return searches == 0 ? Double.NaN : (double) candidates / searches;
    }
}
