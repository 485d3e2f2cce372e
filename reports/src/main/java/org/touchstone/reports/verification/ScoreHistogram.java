package org.touchstone.reports.verification;

/**
 * Genuine and impostor score counts over equal-width bins spanning every observed score, for drawing.
 * Bin i covers [edge_i, edge_i+1), the last bin also its upper edge.
 *
 * <p>Counted from the threshold sweep: the scores between two consecutive sweep thresholds go to the bin
 * of the lower one. With a distribution that offers every score (a full sort, or a streaming one within its
 * exact limit) that is exact binning; with a streaming distribution's coarse bins, a fine histogram bin
 * that straddles a drawing bin's edge is drawn wholly on its lower side.
 *
 * @param edges          bin edges, ascending, one more than the bins
 * @param genuineCounts  genuine scores per bin
 * @param impostorCounts impostor scores per bin
 */
public record ScoreHistogram(double[] edges, long[] genuineCounts, long[] impostorCounts) {

    /**
     * Counts the scores of a distribution.
     *
     * @param scores the comparison outcomes
     * @param bins   number of bins, {@code >= 1}
     * @return the histogram; with no scores, no bins; when every score is equal, one bin of width 0
     */
    public static ScoreHistogram of(ScoreDistribution scores, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("need at least one bin, was " + bins);
        }
        ScoreSummary genuine = scores.genuineScores();
        ScoreSummary impostor = scores.impostorScores();
        if (genuine.count() + impostor.count() == 0) {
            return new ScoreHistogram(new double[0], new long[0], new long[0]);
        }
        double low = Math.min(orElse(genuine.min(), impostor.min()), orElse(impostor.min(), genuine.min()));
        double high = Math.max(orElse(genuine.max(), impostor.max()), orElse(impostor.max(), genuine.max()));
        int binCount = low == high ? 1 : bins;
        double[] edges = new double[binCount + 1];
        for (int i = 0; i <= binCount; i++) {
            // Computed from the ends rather than accumulated, so the last edge is exactly the highest score.
            edges[i] = i == binCount ? high : low + (high - low) * i / binCount;
        }
        long[] genuineCounts = new long[binCount];
        long[] impostorCounts = new long[binCount];
        ThresholdSweep sweep = scores.sweep();
        boolean positioned = sweep.next();
        int bin = 0;
        while (positioned) {
            double threshold = sweep.threshold();
            long falseMatches = sweep.falseMatches();
            long falseNonMatches = sweep.falseNonMatches();
            positioned = sweep.next();
            long impostorsHere = falseMatches - (positioned ? sweep.falseMatches() : 0);
            long genuineHere = (positioned ? sweep.falseNonMatches() : genuine.count() + scores.failedGenuineComparisons())
                    - falseNonMatches;
            if (impostorsHere + genuineHere == 0) {
                continue;
            }
            while (bin < binCount - 1 && threshold >= edges[bin + 1]) {
                bin++;
            }
            impostorCounts[bin] += impostorsHere;
            genuineCounts[bin] += genuineHere;
        }
        return new ScoreHistogram(edges, genuineCounts, impostorCounts);
    }

    private static double orElse(double value, double fallback) {
        return Double.isNaN(value) ? fallback : value;
    }
}
