package org.touchstone.reports.verification.report;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.touchstone.reports.input.VerificationRunSettings;
import org.touchstone.reports.rendering.Charts;
import org.touchstone.reports.rendering.Figure;
import org.touchstone.reports.rendering.Numbers;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.reports.verification.DetCurve;
import org.touchstone.reports.verification.ErrorRates;
import org.touchstone.reports.verification.FmrOperatingPoint;
import org.touchstone.reports.verification.ScoreDistribution;
import org.touchstone.reports.verification.ScoreHistogram;
import org.touchstone.reports.verification.ScoreSummary;

/**
 * The figures of a verification report, drawn with XChart in the house style ({@link Charts}) and rendered
 * to SVG and PNG bytes.
 */
final class VerificationFigures {
    static final String DET = "det";
    static final String DET_BY_GROUP = "det-by-group";
    static final String ERROR_VS_THRESHOLD = "error-vs-threshold";
    static final String SCORE_DISTRIBUTIONS = "score-distributions";
    static final String CROSS_GROUP_FMR = "cross-group-fmr";
    /** Every figure this class may write, for removing stale ones. */
    static final List<String> ALL = List.of(DET, DET_BY_GROUP, ERROR_VS_THRESHOLD, SCORE_DISTRIBUTIONS, CROSS_GROUP_FMR);

    /** Bins of the score histogram, drawn and tabulated. */
    static final int HISTOGRAM_BINS = 50;

    private VerificationFigures() {
    }

    /**
     * Renders every figure that applies to these results. Each figure is drawn on its own chart, so they are
     * rendered in parallel (encoding SVG and PNG is most of a score file's report after the numbers); the
     * list keeps the figures' order.
     */
    static List<Figure> render(VerificationResults results) {
        List<Supplier<Figure>> figures = new ArrayList<>();
        figures.add(() -> det(results));
        if (!results.groupings().isEmpty()) {
            figures.add(() -> detByGroup(results));
        }
        figures.add(() -> errorVsThreshold(results));
        figures.add(() -> scoreDistributions(results));
        // A group column with no value (a groups file naming none of the subjects) has no heatmap to draw
        // (XChart refuses empty axes): its tables say so.
        if (!results.crossGroups().isEmpty() && !results.crossGroups().get(0).values().isEmpty()
                && !results.globalThresholds().isEmpty()) {
            figures.add(() -> crossGroupFmr(results));
        }
        return figures.parallelStream().map(Supplier::get).toList();
    }

    private static Figure det(VerificationResults results) {
        ScoreDistribution all = results.all();
        XYChart chart = logLogChart("DET curve: " + systemName(results.settings()));
        List<String> notes = new ArrayList<>(zeroRateNotes(all));
        DetCurve drawn = results.det().thin(Charts.DRAWING_STEP);
        double[][] curve = drawable(drawn);
        if (curve[0].length > 0) {
            Charts.line(chart, "all comparisons (" + all.genuineComparisons() + " genuine, " + all.impostorComparisons()
                    + " impostor)", curve, Charts.BLUE);
        } else {
            notes.add("No threshold gives both FMR and FNMR above zero: there is no curve to draw.");
        }
        List<double[]> targets = new ArrayList<>();
        List<String> targetLabels = new ArrayList<>();
        for (FmrOperatingPoint point : results.fmrPoints()) {
            String label = "FMR " + Numbers.readable(point.fmrTarget()) + (point.supported() ? "" : " (unsupported)");
            if (point.rates() == null) {
                notes.add("FMR target " + Numbers.readable(point.fmrTarget()) + " has no threshold: not drawn.");
            } else if (!isDrawable(point.rates())) {
                notes.add("FMR target " + Numbers.readable(point.fmrTarget()) + " operating point has a zero rate: not drawn.");
            } else {
                targets.add(new double[] {point.rates().fmr().rate(), point.rates().fnmr().rate()});
                targetLabels.add(label);
            }
        }
        Charts.markers(chart, "FMR-target thresholds", targets, targetLabels, Charts.VERMILLION, SeriesMarkers.DIAMOND);
        List<double[]> named = new ArrayList<>();
        List<String> namedLabels = new ArrayList<>();
        for (VerificationResults.ThresholdPoint point : results.thresholdPoints()) {
            if (isDrawable(point.rates())) {
                named.add(new double[] {point.rates().fmr().rate(), point.rates().fnmr().rate()});
                namedLabels.add(point.threshold().name());
            } else {
                notes.add("Threshold \"" + point.threshold().name() + "\" has a zero rate: not drawn.");
            }
        }
        Charts.markers(chart, "named thresholds", named, namedLabels, Charts.GREEN, SeriesMarkers.SQUARE);
        return Charts.figure(DET, chart, "DET curve: FNMR against FMR over all thresholds, both axes log10, with the"
                + " thresholds chosen for the FMR targets and the named thresholds marked.", notes);
    }

    private static Figure detByGroup(VerificationResults results) {
        VerificationResults.GroupingResults column = results.groupings().get(0);
        XYChart chart = logLogChart("DET curve by " + column.label() + ": " + systemName(results.settings()));
        List<String> notes = new ArrayList<>();
        int colour = 0;
        for (VerificationResults.GroupResults group : column.groups()) {
            ScoreDistribution scores = group.scores();
            double[][] curve = drawable(DetCurve.sample(scores, Charts.DRAWING_STEP));
            if (curve[0].length == 0) {
                notes.add("Group \"" + group.value() + "\" (" + scores.genuineComparisons() + " genuine, "
                        + scores.impostorComparisons() + " impostor) has no point with both rates above zero: not drawn.");
                continue;
            }
            Charts.line(chart, group.value() + " (" + scores.genuineComparisons() + " genuine, "
                    + scores.impostorComparisons() + " impostor)", curve, Charts.colour(colour++));
        }
        notes.add("A comparison is in a group when both of its templates are; " + column.matedOutsideGroups()
                + " mated and " + column.nonMatedOutsideGroups() + " non-mated comparisons are in none.");
        notes.add("Points with FMR = 0 or FNMR = 0 cannot be drawn on log axes and are left out.");
        return Charts.figure(DET_BY_GROUP, chart, "DET curves per " + column.label() + " group, both axes log10.", notes);
    }

    private static Figure errorVsThreshold(VerificationResults results) {
        XYChart chart = Charts.chart("FMR and FNMR against threshold: " + systemName(results.settings()),
                "Threshold (similarity score; match when score >= threshold)",
                "Error rate, log scale (zero rates not drawn)");
        chart.getStyler().setYAxisLogarithmic(true).setYAxisLogarithmicDecadeOnly(true)
                .setYAxisDecimalPattern(Charts.LOG_AXIS_PATTERN);
        Charts.legendBelow(chart);
        DetCurve drawn = results.det().thin(Charts.DRAWING_STEP);
        List<Double> fmrX = new ArrayList<>();
        List<Double> fmrY = new ArrayList<>();
        List<Double> fnmrX = new ArrayList<>();
        List<Double> fnmrY = new ArrayList<>();
        for (DetCurve.Point point : drawn.points()) {
            if (point.falseMatches() > 0) {
                fmrX.add(point.threshold());
                fmrY.add(drawn.fmr(point));
            }
            if (point.falseNonMatches() > 0) {
                fnmrX.add(point.threshold());
                fnmrY.add(drawn.fnmr(point));
            }
        }
        if (!fmrX.isEmpty()) {
            Charts.lineSeries(chart, "FMR", fmrX, fmrY, Charts.VERMILLION);
        }
        if (!fnmrX.isEmpty()) {
            Charts.lineSeries(chart, "FNMR", fnmrX, fnmrY, Charts.BLUE);
        }
        for (VerificationResults.ThresholdPoint point : results.thresholdPoints()) {
            Charts.thresholdLine(chart, point.threshold().value(), point.threshold().name(), 1.0);
        }
        List<String> notes = new ArrayList<>(zeroRateNotes(results.all()));
        return Charts.figure(ERROR_VS_THRESHOLD, chart, "FMR(T) and FNMR(T) against the threshold T, rates on a log10"
                + " axis, with the named thresholds as vertical lines.", notes);
    }

    private static Figure scoreDistributions(VerificationResults results) {
        ScoreDistribution all = results.all();
        XYChart chart = Charts.chart("Score distributions: " + systemName(results.settings()),
                "Similarity score" + scoreRange(results.settings()) + "; failed comparisons have no score",
                "Share of its kind's scores per bin (%)");
        Charts.legendBelow(chart);
        ScoreHistogram histogram = ScoreHistogram.of(all, HISTOGRAM_BINS);
        List<String> notes = new ArrayList<>();
        if (histogram.genuineCounts().length > 0) {
            histogramSeries(chart, "genuine (" + all.genuineScores().count() + " scores)", histogram,
                    histogram.genuineCounts(), all.genuineScores(), Charts.GREEN);
            histogramSeries(chart, "impostor (" + all.impostorScores().count() + " scores)", histogram,
                    histogram.impostorCounts(), all.impostorScores(), Charts.VERMILLION);
        } else {
            notes.add("No comparison produced a score: nothing to draw.");
        }
        chart.getStyler().setXAxisDecimalPattern("0.###");
        double top = 0;
        for (int i = 0; i < histogram.genuineCounts().length; i++) {
            top = Math.max(top, Math.max(share(histogram.genuineCounts()[i], all.genuineScores()),
                    share(histogram.impostorCounts()[i], all.impostorScores())));
        }
        for (VerificationResults.ThresholdPoint point : results.thresholdPoints()) {
            Charts.thresholdLine(chart, point.threshold().value(), point.threshold().name(), top);
        }
        notes.add(HISTOGRAM_BINS + " equal-width bins over the observed scores; each kind sums to 100%.");
        if (all.failedGenuineComparisons() + all.failedImpostorComparisons() > 0) {
            notes.add("Failed comparisons have no score and are not shown: " + all.failedGenuineComparisons()
                    + " genuine, " + all.failedImpostorComparisons() + " impostor.");
        }
        if (!results.thresholdPoints().isEmpty()) {
            notes.add("Vertical lines: the named thresholds.");
        }
        return Charts.figure(SCORE_DISTRIBUTIONS, chart, "Histograms of genuine and impostor scores, each as a share of"
                + " its own kind, so that both show whatever their numbers.", notes);
    }

    /**
     * The cross-group impostor FMR of the first group column as a log10 heatmap (NISTIR 8280 style), at the
     * global threshold of the smallest FMR target that still leaves about 30 false matches per cell on average
     * (Doddington's rule of 30, about +/-30% at 90%), or the largest target when none does, or the first named
     * threshold when no target has a threshold.
     */
    private static Figure crossGroupFmr(VerificationResults results) {
        VerificationResults.CrossGroupResults matrix = results.crossGroups().get(0);
        long cellsCount = (long) matrix.values().size() * matrix.values().size();
        int point = 0;
        double chosenTarget = Double.NaN;
        for (int p = 0; p < matrix.points().size(); p++) {
            double target = matrix.points().get(p).fmrTarget();
            if (Double.isNaN(target)) {
                continue;
            }
            boolean enough = target * results.all().impostorComparisons() >= 30.0 * cellsCount;
            if (Double.isNaN(chosenTarget) || (enough && target < chosenTarget)
                    || (!enough && target > chosenTarget && !(chosenTarget * results.all().impostorComparisons() >= 30.0 * cellsCount))) {
                point = p;
                chosenTarget = target;
            }
        }
        VerificationResults.GlobalThreshold threshold = matrix.points().get(point);
        HeatMapChart chart = new HeatMapChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("Cross-group impostor FMR (log10) at " + threshold.name() + ": " + systemName(results.settings()))
                .xAxisTitle("Probe " + matrix.column()).yAxisTitle("Enrolment " + matrix.column()).build();
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setShowValue(true).setHeatMapValueDecimalPattern("0.00")
                .setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11)).setValueFontColor(Charts.BLACK)
                // Sequential light-to-dark blues, readable with any colour vision.
                .setRangeColors(new Color[] {new Color(0xF7FBFF), new Color(0x6BAED6), new Color(0x08306B)});
        int k = matrix.values().size();
        List<Number[]> cells = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> blank = new ArrayList<>();
        for (int cell = 0; cell < k * k; cell++) {
            Proportion fmr = matrix.fmr().get(point).get(cell);
            if (fmr.events() > 0) {
                cells.add(new Number[] {cell % k, cell / k, Math.log10(fmr.rate())});
            } else {
                blank.add(matrix.values().get(cell / k) + " -> " + matrix.values().get(cell % k) + " ("
                        + fmr.events() + "/" + fmr.trials() + ")");
            }
        }
        if (cells.isEmpty()) {
            // XChart needs one value to draw a scale; a blank chart with a note says the same.
            cells.add(new Number[] {0, 0, 0});
            notes.add("No cell has a false match at this threshold: the one coloured cell is a placeholder.");
        }
        double low = cells.stream().mapToDouble(c -> c[2].doubleValue()).min().orElse(0);
        double high = cells.stream().mapToDouble(c -> c[2].doubleValue()).max().orElse(0);
        // Whole decades, so the colour scale reads as powers of ten.
        chart.getStyler().setMin(Math.floor(low)).setMax(Math.max(Math.ceil(high), Math.floor(low) + 1));
        chart.addSeries("log10 FMR", matrix.values(), matrix.values(), cells);
        if (!blank.isEmpty()) {
            notes.add("Cells with no false match (or no comparison) cannot be drawn on a log scale and are blank: "
                    + String.join(", ", blank) + ".");
        }
        notes.add("Threshold " + Numbers.exact(threshold.threshold()) + ", chosen over all impostor comparisons;"
                + " every cell's counts and intervals are in tables/cross-group-fmr.csv.");
        return Charts.figure(CROSS_GROUP_FMR, chart, "Impostor FMR by enrolment group (rows) and probe group (columns) of "
                + matrix.column() + " at one global threshold, log10; not symmetric in general.", notes);
    }

    // ---- data helpers ----

    /** Notes on the rates that are zero somewhere and so cannot be drawn on a log axis. */
    private static List<String> zeroRateNotes(ScoreDistribution scores) {
        List<String> notes = new ArrayList<>();
        ScoreSummary impostor = scores.impostorScores();
        ScoreSummary genuine = scores.genuineScores();
        if (scores.impostorComparisons() == 0) {
            notes.add("No impostor comparisons: FMR is undefined.");
        } else if (impostor.count() > 0) {
            notes.add("FMR = 0 above the highest impostor score (" + Numbers.exact(impostor.max())
                    + "): not drawable on a log axis, left out.");
        }
        if (scores.genuineComparisons() == 0) {
            notes.add("No genuine comparisons: FNMR is undefined.");
        } else if (scores.failedGenuineComparisons() == 0 && genuine.count() > 0) {
            notes.add("FNMR = 0 up to the lowest genuine score (" + Numbers.exact(genuine.min())
                    + "): not drawable on a log axis, left out.");
        }
        return notes;
    }

    /** The curve's points with both rates above zero, as {fmr[], fnmr[]}. */
    private static double[][] drawable(DetCurve curve) {
        List<double[]> points = new ArrayList<>();
        for (DetCurve.Point point : curve.points()) {
            if (point.falseMatches() > 0 && point.falseNonMatches() > 0) {
                points.add(new double[] {curve.fmr(point), curve.fnmr(point)});
            }
        }
        double[][] xy = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            xy[0][i] = points.get(i)[0];
            xy[1][i] = points.get(i)[1];
        }
        return xy;
    }

    private static boolean isDrawable(ErrorRates rates) {
        return rates.fmr().rate() > 0 && rates.fnmr().rate() > 0;
    }

    private static XYChart logLogChart(String title) {
        // The note sits in an axis title, where it can never hide data; the details go to metrics.json.
        XYChart chart = Charts.chart(title, "False match rate (FMR), log scale; points with a zero rate are not drawn",
                "False non-match rate (FNMR), log scale");
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true)
                .setXAxisLogarithmicDecadeOnly(true).setYAxisLogarithmicDecadeOnly(true)
                // A pattern, not a formatting function: XChart draws a function-formatted axis linearly.
                .setXAxisDecimalPattern(Charts.LOG_AXIS_PATTERN).setYAxisDecimalPattern(Charts.LOG_AXIS_PATTERN);
        chart.getStyler().setXAxisMax(1.0).setYAxisMax(1.0);
        return chart;
    }

    /** Percentage of a kind's scores in one bin. */
    private static double share(long count, ScoreSummary kind) {
        return kind.count() == 0 ? 0 : 100.0 * count / kind.count();
    }

    private static void histogramSeries(XYChart chart, String name, ScoreHistogram histogram, long[] counts,
                                        ScoreSummary summary, Color colour) {
        // Steps start at each bin's left edge; a last point at the right edge closes the last bin.
        int bins = counts.length;
        double[] x = new double[bins + 1];
        double[] y = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            x[i] = histogram.edges()[i];
            y[i] = share(counts[Math.min(i, bins - 1)], summary);
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour);
        series.setLineWidth(2f);
    }

    private static String systemName(VerificationRunSettings settings) {
        return Charts.systemName(settings.system());
    }

    private static String scoreRange(VerificationRunSettings settings) {
        double min = settings.system().scoreRangeMin();
        double max = settings.system().scoreRangeMax();
        return Double.isNaN(min) ? "" : " (declared range " + Numbers.readable(min) + " to " + Numbers.readable(max) + ")";
    }
}
