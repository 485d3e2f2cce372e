package org.touchstone.reports.stats;

/**
 * A rate together with the counts behind it: {@code events} out of {@code trials}, for example
 * 12 false non-matches out of 1,000 genuine comparisons. Keeping the counts lets every report say how
 * many trials a rate rests on and how uncertain it is. Every statistic in this package and in
 * {@link org.touchstone.reports.differentials} takes its rates as {@code Proportion}s.
 *
 * @param events number of events, {@code 0 <= events <= trials}
 * @param trials number of trials, {@code >= 0}; 0 for an empty group, whose rate is undefined
 */
public record Proportion(long events, long trials) {
    /** The confidence level of {@link #ci95()}, {@link #wilson95()} and {@link #upper95()}. */
    public static final double LEVEL_95 = 0.95;

    /**
     * @param events number of events, {@code 0 <= events <= trials}
     * @param trials number of trials, {@code >= 0}
     */
    public Proportion {
        requireCounts(events, trials);
    }

    /**
     * The observed rate.
     *
     * @return events / trials, or NaN when there are no trials
     */
    public double rate() {
        return trials == 0 ? Double.NaN : (double) events / trials;
    }

    /**
     * Whether the rate is defined, that is whether there is at least one trial.
     *
     * @return trials &gt; 0
     */
    public boolean isDefined() {
        return trials > 0;
    }

    /**
     * The 95% Clopper-Pearson interval of the rate.
     *
     * @return the interval; [0, 1] when there are no trials
     */
    public ConfidenceInterval ci95() {
        return ClopperPearson.interval(events, trials, LEVEL_95);
    }

    /**
     * The 95% Wilson score interval of the rate.
     *
     * @return the interval; [0, 1] when there are no trials
     */
    public ConfidenceInterval wilson95() {
        return Wilson.interval(events, trials, LEVEL_95);
    }

    /**
     * The one-sided 95% upper bound of the rate (Clopper-Pearson); 1 - 0.05^(1/n), about 3/n, when no
     * event was observed.
     *
     * @return the bound; 1 when there are no trials
     */
    public double upper95() {
        return ClopperPearson.upperBound(events, trials, LEVEL_95);
    }

    static void requireCounts(long events, long trials) {
        if (events < 0 || trials < 0 || events > trials) {
            throw new IllegalArgumentException("need 0 <= events <= trials, was " + events + " of " + trials);
        }
    }

    static void requireLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), was " + level);
        }
    }
}
