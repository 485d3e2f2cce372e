package org.touchstone.reports.stats;

/**
 * A rate together with the counts behind it: {@code events} out of {@code trials}, for example
 * 12 false non-matches out of 1,000 genuine comparisons. Keeping the counts lets every report say how
 * many trials a rate rests on and how uncertain it is.
 *
 * @param events number of events, {@code 0 <= events <= trials}
 * @param trials number of trials, {@code >= 0}; 0 for an empty group, whose rate is undefined
 */
public record Proportion(long events, long trials) {
    /** The confidence level of {@link #ci95()}. */
    public static final double LEVEL_95 = 0.95;

    /**
     * @param events number of events, {@code 0 <= events <= trials}
     * @param trials number of trials, {@code >= 0}
     */
    public Proportion {
        if (events < 0 || trials < 0 || events > trials) {
            throw new IllegalArgumentException("need 0 <= events <= trials, was " + events + " of " + trials);
        }
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
}
