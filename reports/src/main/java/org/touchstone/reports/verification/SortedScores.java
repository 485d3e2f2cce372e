package org.touchstone.reports.verification;

import java.util.EnumSet;
import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Statistic;

/** What both score distributions do with sorted score arrays: count by binary search, summarise. */
final class SortedScores {
    private SortedScores() {
    }

    /**
     * Index of the first element {@code >= value} in sorted[from, to), or {@code to}.
     * {@code Arrays.binarySearch} returns an arbitrary index among equal elements; ties need the first one.
     */
    static int firstAtOrAbove(double[] sorted, int from, int to, double value) {
        int low = from;
        int high = to;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Count, extremes, mean and unbiased variance of ascending scores (Commons Statistics). */
    static ScoreSummary summarize(double[] sorted) {
        if (sorted.length == 0) {
            return ScoreSummary.EMPTY;
        }
        DoubleStatistics stats = DoubleStatistics.of(EnumSet.of(Statistic.MEAN, Statistic.VARIANCE), sorted);
        return new ScoreSummary(sorted.length, sorted[0], sorted[sorted.length - 1], stats.getAsDouble(Statistic.MEAN),
                sorted.length < 2 ? Double.NaN : stats.getAsDouble(Statistic.VARIANCE));
    }
}
