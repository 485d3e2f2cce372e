package org.touchstone.reports.analysis.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.touchstone.reports.attributes.AccuracyCoverageCurve;
import org.touchstone.reports.attributes.AnalysisFailurePolicy;
import org.touchstone.reports.attributes.Calibration;
import org.touchstone.reports.attributes.Decisions;
import org.touchstone.reports.rendering.Charts;
import org.touchstone.reports.rendering.Figure;
import org.touchstone.reports.rendering.Numbers;

/**
 * The figures of an analysis report: the accuracy/coverage curves of the categorical attributes, and per
 * categorical attribute its reliability diagram and its accuracy against the confidence threshold per group
 * of the first group column. Drawn with the house style of {@link Charts}.
 */
final class AnalysisFigures {
    static final String ACCURACY_COVERAGE = "accuracy-coverage";
    /** Least move in coverage or accuracy between drawn points of a curve. */
    static final double DRAWING_STEP = 0.005;

    private AnalysisFigures() {
    }

    /** The reliability diagram of an attribute. */
    static String reliability(String attribute) {
        return "reliability-" + attribute;
    }

    /** Accuracy against the confidence threshold per group of an attribute. */
    static String accuracyByGroup(String attribute) {
        return "accuracy-by-group-" + attribute;
    }

    /** Renders every figure that applies. */
    static List<Figure> render(AnalysisResults results) {
        List<Figure> figures = new ArrayList<>();
        figures.add(accuracyCoverage(results));
        for (AnalysisResults.AttributeResults attribute : results.attributes()) {
            if (attribute.overall() instanceof AnalysisResults.CategoricalResults categorical) {
                figures.add(reliabilityDiagram(results, attribute.name(), categorical.calibration()));
                if (!attribute.groupColumns().isEmpty()) {
                    figures.add(accuracyByGroup(results, attribute));
                }
            }
        }
        return figures;
    }

    private static Figure accuracyCoverage(AnalysisResults results) {
        XYChart chart = unitChart("Accuracy against coverage: " + Charts.systemName(results.settings().header().system()),
                "Coverage (share of images decided at the confidence threshold)",
                "Accuracy among decided images");
        List<String> notes = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        int colour = 0;
        for (AnalysisResults.AttributeResults attribute : results.attributes()) {
            if (!(attribute.overall() instanceof AnalysisResults.CategoricalResults categorical)) {
                notes.add(attribute.name() + " is numeric: no accuracy, not drawn (see tables/age.csv).");
                continue;
            }
            AccuracyCoverageCurve curve = categorical.curve().thin(DRAWING_STEP);
            if (curve.points().isEmpty()) {
                notes.add(attribute.name() + " has no estimate: nothing to draw.");
                continue;
            }
            double[][] xy = new double[2][curve.points().size()];
            for (int i = 0; i < xy[0].length; i++) {
                xy[0][i] = curve.coverage(curve.points().get(i));
                xy[1][i] = curve.accuracy(curve.points().get(i));
            }
            Charts.line(chart, attribute.name() + " (" + curve.images() + " images)", xy, Charts.colour(colour++));
            for (Decisions decisions : categorical.atPoints()) {
                if (decisions.accuracy().isDefined()) {
                    points.add(new double[] {decisions.coverage().rate(), decisions.accuracy().rate()});
                }
            }
        }
        if (!points.isEmpty()) {
            Charts.markers(chart, "confidence thresholds", points, points.stream().map(p -> "").toList(),
                    Charts.BLACK, SeriesMarkers.DIAMOND, y -> y);
        }
        notes.add("Each curve runs from the highest stated confidence (left, few images decided) to the lowest;"
                + " diamonds mark the evaluation's confidence and named thresholds.");
        if (results.settings().failurePolicy() == AnalysisFailurePolicy.ERROR) {
            notes.add("Failure policy error: failed analyses count as decided and wrong at every threshold.");
        }
        return Charts.figure(ACCURACY_COVERAGE, chart, "Accuracy among decided images against coverage as the"
                + " confidence threshold falls, one curve per categorical attribute.", notes);
    }

    private static Figure reliabilityDiagram(AnalysisResults results, String attribute, Calibration calibration) {
        XYChart chart = unitChart("Reliability of " + attribute + ": " + Charts.systemName(results.settings().header().system()),
                "Stated confidence (mean per bin)", "Observed accuracy (share of estimates right)");
        XYSeries diagonal = chart.addSeries("perfect calibration", new double[] {0, 1}, new double[] {0, 1});
        diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        diagonal.setMarker(SeriesMarkers.NONE);
        diagonal.setLineColor(Color.GRAY);
        diagonal.setLineStyle(new BasicStroke(1f));
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Calibration.Bin bin : calibration.bins()) {
            if (bin.count() > 0) {
                x.add(bin.meanConfidence());
                y.add(bin.accuracy().rate());
            }
        }
        List<String> notes = new ArrayList<>();
        if (!x.isEmpty()) {
            XYSeries series = chart.addSeries(attribute + " (" + calibration.estimates() + " estimates, ECE "
                    + Numbers.readable(calibration.ece()) + ")", x, y);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(Charts.BLUE);
            series.setLineColor(Charts.BLUE);
        } else {
            notes.add("No estimate: nothing to draw.");
        }
        notes.add(calibration.bins().size() + " equal-width confidence bins; empty bins are not drawn. Counts per bin"
                + " are in " + AnalysisTables.calibrationTable(attribute) + ".");
        return Charts.figure(reliability(attribute), chart, "Reliability diagram of " + attribute + ": accuracy"
                + " against mean stated confidence per bin; points on the diagonal are calibrated.", notes);
    }

    private static Figure accuracyByGroup(AnalysisResults results, AnalysisResults.AttributeResults attribute) {
        AnalysisResults.GroupColumnResults column = attribute.groupColumns().get(0);
        XYChart chart = unitChart("Accuracy of " + attribute.name() + " by " + column.column() + ": "
                        + Charts.systemName(results.settings().header().system()),
                "Confidence threshold (decided when confidence >= threshold)", "Accuracy among decided images");
        List<String> notes = new ArrayList<>();
        int colour = 0;
        for (AnalysisResults.GroupResults group : column.groups()) {
            AccuracyCoverageCurve curve = ((AnalysisResults.CategoricalResults) group.evaluation()).curve().thin(DRAWING_STEP);
            if (curve.points().isEmpty()) {
                notes.add("Group \"" + group.value() + "\" has no estimate: not drawn.");
                continue;
            }
            double[][] xy = new double[2][curve.points().size()];
            for (int i = 0; i < xy[0].length; i++) {
                xy[0][i] = curve.points().get(i).threshold();
                xy[1][i] = curve.accuracy(curve.points().get(i));
            }
            XYSeries series = chart.addSeries(group.value() + " (" + curve.images() + " images)", xy[0], xy[1]);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(Charts.colour(colour++));
        }
        notes.add("Each group is measured at the same thresholds; " + column.imagesOutsideGroups()
                + " images with a known truth have no " + column.column() + " and are in no group.");
        return Charts.figure(accuracyByGroup(attribute.name()), chart, "Accuracy among decided images of "
                + attribute.name() + " against the confidence threshold, per " + column.column() + " group.", notes);
    }

    /** A chart whose axes both run over [0, 1]. */
    private static XYChart unitChart(String title, String xTitle, String yTitle) {
        XYChart chart = Charts.chart(title, xTitle, yTitle);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0)
                .setXAxisDecimalPattern(Charts.RATE_PATTERN)
                .setYAxisDecimalPattern(Charts.RATE_PATTERN);
        Charts.legendBelow(chart);
        return chart;
    }
}
