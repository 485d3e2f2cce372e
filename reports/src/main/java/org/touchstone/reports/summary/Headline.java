package org.touchstone.reports.summary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One headline figure of a run: a measured value with its 95% interval and the counts behind it, or an
 * operating point the data cannot support, with a sentence a non-specialist can read.
 *
 * @param metric        what is measured, as a requirement names it: {@code fnmr}, {@code eer}, {@code fte},
 *                      {@code rank1}, {@code fnir}, {@code accuracy} ...
 * @param at            where it is measured, as a requirement names it (e.g. {@code fmr=0.001},
 *                      {@code threshold=high-security}, {@code attribute=smile}); empty for a run-wide figure
 * @param label         a short title for people, e.g. "FNMR at FMR 1 in 1,000"
 * @param status        measured, unsupported by the data, or undefined (no trial)
 * @param value         the value (a rate in [0, 1] when {@code rate}); NaN unless measured
 * @param lower         95% interval, lower bound; NaN when there is none
 * @param upper         95% interval, upper bound; NaN when there is none
 * @param events        events behind a rate (e.g. false non-matches); -1 when not a count
 * @param trials        trials behind it (e.g. genuine comparisons); -1 when not a count
 * @param rate          whether the value is a proportion, shown as a percentage
 * @param lowerIsBetter whether a lower value is better (error rates) or a higher one (accuracy, rank-1)
 * @param prominent     shown as a large figure on the first screen (others are listed below it)
 * @param sentence      one plain sentence saying what the figure means
 */
public record Headline(String metric, Map<String, String> at, String label, Status status, double value, double lower,
                       double upper, long events, long trials, boolean rate, boolean lowerIsBetter, boolean prominent,
                       String sentence) {
    /** Whether the figure was measured. */
    public enum Status { MEASURED, UNSUPPORTED, UNDEFINED }

    /** @param at copied, order kept */
    public Headline {
        at = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(at));
    }

    /**
     * The figure's name as a requirement writes it, e.g. {@code fnmr@fmr=0.001} or {@code fte}.
     *
     * @return metric, then each {@code @name=value}
     */
    public String key() {
        return metric + at.entrySet().stream().map(e -> "@" + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining());
    }

    /** @return whether there is a measured value */
    public boolean measured() {
        return status == Status.MEASURED;
    }

    /** @return whether there is an interval */
    public boolean hasInterval() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }

    /** @return the value for people: a percentage for a rate, else a number; "unsupported" or "undefined" */
    public String valueText() {
        return switch (status) {
            case UNSUPPORTED -> "unsupported";
            case UNDEFINED -> "undefined";
            case MEASURED -> rate ? Text.percent(value) : Text.number(value);
        };
    }

    /** @return the interval for people, e.g. "95% CI 34.8 to 40.4%", or "" */
    public String intervalText() {
        return hasInterval() ? "95% CI " + (rate ? Text.percentRange(lower, upper)
                : Text.number(lower) + " to " + Text.number(upper)) : "";
    }

    /** @return the counts for people, e.g. "451 of 1,200", or "" */
    public String countText() {
        return events >= 0 && trials >= 0 ? Text.count(events) + " of " + Text.count(trials) : "";
    }
}
