package org.touchstone.reports.differentials;

import org.touchstone.reports.stats.Proportion;

/**
 * What a ratio of rates does with a group whose observed rate is 0 (metrics.md: "Ratios are undefined when
 * a group rate is 0: use an interval or a floor, and say which"). Reports name the handling used and list
 * the groups it changed.
 */
public enum ZeroRateHandling {
    /** A rate of 0 in n trials is taken as 0.5 / n: half an event, the usual continuity floor. */
    HALF_EVENT_FLOOR("half-event-floor", "a group with 0 events in n trials is taken as 0.5/n"),
    /** A rate of 0 in n trials is taken as its one-sided 95% upper bound 1 - 0.05^(1/n), about 3/n. */
    UPPER_BOUND_95("upper-bound-95", "a group with 0 events in n trials is taken as its one-sided 95% upper"
            + " bound 1 - 0.05^(1/n), about 3/n"),
    /** No substitute: any zero rate makes the ratios undefined (NaN). */
    UNDEFINED("undefined", "a group with 0 events makes the ratio undefined");

    private final String label;
    private final String description;

    ZeroRateHandling(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /**
     * The name written into reports.
     *
     * @return for example {@code "half-event-floor"}
     */
    public String label() {
        return label;
    }

    /**
     * One sentence saying what was done, for reports.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * The rate used in a ratio.
     *
     * @param rate a group's rate, with at least one trial
     * @return the observed rate when it is above 0; otherwise the substitute (NaN for {@link #UNDEFINED})
     */
    public double effectiveRate(Proportion rate) {
        if (!rate.isDefined()) {
            throw new IllegalArgumentException("a group without trials has no rate");
        }
        if (rate.events() > 0) {
            return rate.rate();
        }
        return switch (this) {
            case HALF_EVENT_FLOOR -> 0.5 / rate.trials();
            case UPPER_BOUND_95 -> rate.upper95();
            case UNDEFINED -> Double.NaN;
        };
    }
}
