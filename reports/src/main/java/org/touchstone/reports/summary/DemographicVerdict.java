package org.touchstone.reports.summary;

import java.util.ArrayList;
import java.util.List;
import org.touchstone.reports.stats.ChiSquareHomogeneity;
import org.touchstone.reports.stats.ConfidenceInterval;
import org.touchstone.reports.stats.MinimumDetectableDifference;
import org.touchstone.reports.stats.Proportion;

/**
 * The demographic verdict on one measure: across the run's group columns, the largest difference between two
 * groups with both intervals, the test (chi-square homogeneity over every group of the column, at 0.05), and,
 * when no column's groups differ significantly, the smallest rise the data could have detected: "no
 * significant difference" is never shown alone, because with few trials it is not parity.
 *
 * @param measure      the measure, e.g. "FNMR at FMR 1 in 1,000"
 * @param grouping     the group column of the largest difference; null when no column has two groups with trials
 * @param highGroup    the group with the higher rate
 * @param high         its rate
 * @param lowGroup     the group with the lower rate
 * @param low          its rate
 * @param groups       groups with trials in that column
 * @param pValue       chi-square p-value over that column's groups
 * @param significant  whether any column's groups differ at 0.05 (then {@code grouping} is the largest significant one)
 * @param detectableTo when nothing is significant: the lowest rate above {@code low}'s that a two-group test at these
 *                     sizes would detect at power 0.8 (NaN when none, or when something is significant)
 * @param sentence     the verdict in one or two plain sentences
 */
public record DemographicVerdict(String measure, String grouping, String highGroup, Proportion high, String lowGroup,
                                 Proportion low, int groups, double pValue, boolean significant, double detectableTo,
                                 String sentence) {
    /** The significance level of the test. */
    public static final double ALPHA = 0.05;

    /** The rates of one group column's groups. */
    record Column(String name, List<String> groups, List<Proportion> rates) {
    }

    /**
     * @param measure  the measure's name, for the sentence
     * @param metric   its short name (FNMR, rank-1 rate ...)
     * @param columns  every single group column, with each group's rate
     * @return the verdict; {@code grouping} null when no column has two groups with trials
     */
    static DemographicVerdict of(String measure, String metric, List<Column> columns) {
        Candidate best = null;
        Candidate bestSignificant = null;
        for (Column column : columns) {
            List<Integer> used = new ArrayList<>();
            for (int g = 0; g < column.rates().size(); g++) {
                if (column.rates().get(g).isDefined()) {
                    used.add(g);
                }
            }
            if (used.size() < 2) {
                continue;
            }
            int hi = used.get(0);
            int lo = used.get(0);
            for (int g : used) {
                if (column.rates().get(g).rate() > column.rates().get(hi).rate()) {
                    hi = g;
                }
                if (column.rates().get(g).rate() < column.rates().get(lo).rate()) {
                    lo = g;
                }
            }
            if (hi == lo) {
                hi = used.get(1);
            }
            List<Proportion> rates = used.stream().map(column.rates()::get).toList();
            double p = ChiSquareHomogeneity.test(rates).result().pValue();
            Candidate c = new Candidate(column, hi, lo, used.size(), p,
                    column.rates().get(hi).rate() - column.rates().get(lo).rate());
            if (best == null || c.difference() > best.difference()) {
                best = c;
            }
            if (p <= ALPHA && (bestSignificant == null || c.difference() > bestSignificant.difference())) {
                bestSignificant = c;
            }
        }
        if (best == null) {
            return new DemographicVerdict(measure, null, null, null, null, null, 0, Double.NaN, false, Double.NaN,
                    "No group column has two groups with " + metric + " trials, so groups are not compared.");
        }
        boolean significant = bestSignificant != null;
        Candidate c = significant ? bestSignificant : best;
        Proportion high = c.column().rates().get(c.high());
        Proportion low = c.column().rates().get(c.low());
        String highGroup = c.column().groups().get(c.high());
        String lowGroup = c.column().groups().get(c.low());
        String pair = metric + " is " + describe(high) + " for " + c.column().name() + " " + highGroup + " and "
                + describe(low) + " for " + lowGroup;
        String test = "chi-square p = " + Text.number(c.p()) + " over " + c.groups() + " groups";
        if (significant) {
            return new DemographicVerdict(measure, c.column().name(), highGroup, high, lowGroup, low, c.groups(), c.p(),
                    true, Double.NaN, "Groups differ significantly. The largest significant difference: " + pair
                    + " (" + test + ", significant at 0.05).");
        }
        double detectable = low.rate() < 1 ? MinimumDetectableDifference.of(low.rate(), low.trials(), high.trials(),
                MinimumDetectableDifference.ALPHA, MinimumDetectableDifference.POWER).detectableRise() : Double.NaN;
        String limit;
        if (Double.isFinite(detectable)) {
            limit = " This is not parity: at these sizes only a rise from " + Text.percent(low.rate()) + " to at least "
                    + Text.percent(detectable) + " would be detected (power 0.8, alpha 0.05).";
        } else {
            // No rise is possible or detectable from the lower rate (e.g. 100%): say what fall from the higher would be.
            double fall = high.rate() > 0 ? MinimumDetectableDifference.of(high.rate(), high.trials(), low.trials(),
                    MinimumDetectableDifference.ALPHA, MinimumDetectableDifference.POWER).detectableFall() : Double.NaN;
            limit = Double.isFinite(fall) ? " This is not parity: at these sizes only a fall from "
                    + Text.percent(high.rate()) + " to at most " + Text.percent(fall)
                    + " would be detected (power 0.8, alpha 0.05)."
                    : " This is not parity: at these sizes no difference would be detected at power 0.8.";
        }
        return new DemographicVerdict(measure, c.column().name(), highGroup, high, lowGroup, low, c.groups(), c.p(),
                false, detectable, "No significant difference between groups. The largest: " + pair
                + " (" + test + ")." + limit);
    }

    private record Candidate(Column column, int high, int low, int groups, double p, double difference) {
    }

    private static String describe(Proportion rate) {
        ConfidenceInterval ci = rate.ci95();
        return Text.percent(rate.rate()) + " (" + Text.count(rate.events()) + " of " + Text.count(rate.trials())
                + ", 95% CI " + Text.percentRange(ci.lower(), ci.upper()) + ")";
    }
}
