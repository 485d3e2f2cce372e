package org.touchstone.reports.stats;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The clustered ("subsets") bootstrap of a rate (Bolle, Ratha and Pankanti, 2004): trials that share a
 * cluster, typically a subject, are correlated, so binomial intervals are too narrow. Each replicate
 * draws as many clusters as there are, with replacement, keeps all the trials of each drawn cluster, and
 * recomputes events / trials; the interval is the replicates' percentiles.
 *
 * <p>It works on per-cluster counts only, so a replicate costs one pass over the clusters whatever the
 * number of trials behind them. Replicate r draws from its own {@link SplittableRandom} seeded with
 * {@code seed + r}, so results are reproducible and independent of how replicates are scheduled.
 * Use it for any rate at a fixed threshold (FNMR per subject, FNIR per probe subject, attribute error
 * per subject); rates whose threshold is itself estimated from the data need that threshold re-derived in
 * each replicate, which {@link org.touchstone.reports.verification.SubjectBootstrap} does for verification.
 */
public final class ClusteredBootstrap {
    /** The method name given to the intervals. */
    public static final String METHOD = "cluster-bootstrap-percentile";

    private final long[] events;
    private final long[] trials;

    /**
     * @param clusters one proportion per cluster (e.g. a subject's false non-matches of its genuine
     *                 comparisons); clusters without trials may be included, they change nothing but the
     *                 number of clusters drawn
     */
    public ClusteredBootstrap(List<Proportion> clusters) {
        events = clusters.stream().mapToLong(Proportion::events).toArray();
        trials = clusters.stream().mapToLong(Proportion::trials).toArray();
    }

    /**
     * Computes replicate rates.
     *
     * @param replicates number of replicates, {@code >= 1}
     * @param seed       base seed
     * @return one rate per replicate; NaN for a replicate without trials
     */
    public double[] replicates(int replicates, long seed) {
        if (replicates < 1) {
            throw new IllegalArgumentException("need at least one replicate, was " + replicates);
        }
        double[] rates = new double[replicates];
        int clusters = events.length;
        for (int r = 0; r < replicates; r++) {
            SplittableRandom random = new SplittableRandom(seed + r);
            long x = 0;
            long n = 0;
            for (int i = 0; i < clusters; i++) {
                int drawn = random.nextInt(clusters);
                x += events[drawn];
                n += trials[drawn];
            }
            rates[r] = n == 0 ? Double.NaN : (double) x / n;
        }
        return rates;
    }

    /**
     * The percentile interval.
     *
     * @param replicates number of replicates, for example 1000
     * @param seed       base seed
     * @param level      two-sided level, for example 0.95
     * @return the interval named {@value #METHOD}, or null when there are no clusters or no trials
     */
    public ConfidenceInterval interval(int replicates, long seed, double level) {
        if (events.length == 0) {
            return null;
        }
        return BootstrapPercentiles.interval(replicates(replicates, seed), level, METHOD);
    }
}
