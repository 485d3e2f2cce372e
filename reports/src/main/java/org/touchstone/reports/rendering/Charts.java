package org.touchstone.reports.rendering;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.touchstone.reports.input.VerificationRunSettings;

/**
 * The house style every report's figures share, drawn with XChart and rendered to SVG and PNG bytes:
 * an 800 x 600 white chart, the Okabe-Ito palette, lines, labelled markers and threshold lines. Rendering
 * is deterministic given the same fonts: there are no timestamps and series are added in a fixed order.
 */
public final class Charts {
    /** Width of every chart, in pixels. */
    public static final int WIDTH = 800;
    /** Height of every chart, in pixels. */
    public static final int HEIGHT = 600;
    /** Least move in log10 FMR or FNMR between drawn points: at most about 100 points per decade. */
    public static final double DRAWING_STEP = 0.01;
    /** Ticks of a log axis: plain decimals, however small. */
    public static final String LOG_AXIS_PATTERN = "0.##########";
    /** Rates on a linear 0..1 axis: two decimals are enough to read a tick. */
    public static final String RATE_PATTERN = "0.##";

    /** Okabe-Ito, the colour-blind-safe palette: blue, vermillion, bluish green, orange, sky blue, reddish purple, yellow, black. */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xCC79A7), new Color(0xF0E442), new Color(0x000000)};
    /** The palette's blue. */
    public static final Color BLUE = PALETTE[0];
    /** The palette's vermillion. */
    public static final Color VERMILLION = PALETTE[1];
    /** The palette's bluish green. */
    public static final Color GREEN = PALETTE[2];
    /** The palette's black. */
    public static final Color BLACK = PALETTE[7];

    private Charts() {
    }

    /**
     * An 800 x 600 chart in the house style: white, light solid grid, legend inside top right.
     *
     * @param title  the title
     * @param xTitle the x axis' title
     * @param yTitle the y axis' title
     * @return the chart
     */
    public static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13))
                .setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11))
                .setAnnotationTextFontColor(BLACK)
                .setAnnotationLineStroke(new BasicStroke(1f)).setAnnotationLineColor(BLACK);
        // Solid grid lines: dashed ones become thousands of path segments in the SVG (12 times the size).
        chart.getStyler().setPlotGridLinesColor(new Color(0xDDDDDD)).setPlotGridLinesStroke(new BasicStroke(0.5f));
        chart.getStyler().setChartBackgroundColor(Color.WHITE)
                .setLegendPosition(Styler.LegendPosition.InsideNE)
                .setMarkerSize(8);
        return chart;
    }

    /**
     * The i-th colour of the palette, cycling: one per series in a fixed order.
     *
     * @param index the series' index
     * @return its colour
     */
    public static Color colour(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /**
     * Below the plot, where the legend can hide no data (the DET charts keep it inside, top right, which a
     * DET curve leaves empty).
     *
     * @param chart the chart
     */
    public static void legendBelow(XYChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Horizontal);
    }

    /**
     * A line series without markers, from {x[], y[]}.
     *
     * @param chart  the chart
     * @param name   the series' name
     * @param xy     the points
     * @param colour the line's colour
     */
    public static void line(XYChart chart, String name, double[][] xy, Color colour) {
        XYSeries series = chart.addSeries(name, xy[0], xy[1]);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour);
        series.setLineWidth(2f);
    }

    /**
     * A line series without markers.
     *
     * @param chart  the chart
     * @param name   the series' name
     * @param x      the x values
     * @param y      the y values
     * @param colour the line's colour
     */
    public static void lineSeries(XYChart chart, String name, List<Double> x, List<Double> y, Color colour) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour);
        series.setLineWidth(2f);
    }

    /**
     * Labelled markers at data points {x, y} on a log y axis; nothing when there are none.
     *
     * @param chart  the chart
     * @param name   the series' name
     * @param points the points
     * @param labels one label per point; an empty label draws no text
     * @param colour the markers' colour
     * @param marker the markers' shape
     */
    public static void markers(XYChart chart, String name, List<double[]> points, List<String> labels, Color colour,
                               Marker marker) {
        // Data-space position, a little above the marker on the log axis.
        markers(chart, name, points, labels, colour, marker, y -> y * 1.45);
    }

    /**
     * Labelled markers at data points {x, y}; nothing when there are none. An empty label draws no text.
     *
     * @param chart  the chart
     * @param name   the series' name
     * @param points the points
     * @param labels one label per point
     * @param colour the markers' colour
     * @param marker the markers' shape
     * @param labelY where to put a label, in data units, given its marker's y
     */
    public static void markers(XYChart chart, String name, List<double[]> points, List<String> labels, Color colour,
                               Marker marker, DoubleUnaryOperator labelY) {
        if (points.isEmpty()) {
            return;
        }
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(marker);
        series.setMarkerColor(colour);
        for (int i = 0; i < x.length; i++) {
            if (!labels.get(i).isEmpty()) {
                chart.addAnnotation(new AnnotationText(labels.get(i), x[i], labelY.applyAsDouble(y[i]), false));
            }
        }
    }

    /**
     * A vertical line at a threshold, labelled at height {@code labelY} in data units.
     *
     * @param chart     the chart
     * @param threshold where, in data units
     * @param label     the label
     * @param labelY    the label's height, in data units
     */
    public static void thresholdLine(XYChart chart, double threshold, String label, double labelY) {
        chart.addAnnotation(new AnnotationLine(threshold, true, false));
        chart.addAnnotation(new AnnotationText(label, threshold, labelY, false));
    }

    /**
     * Renders a chart to SVG and PNG under {@code figures/<name>}.
     *
     * @param name    the figure's name, the files' stem
     * @param chart   the chart
     * @param caption what it shows
     * @param notes   what it leaves out and why
     * @return the figure
     */
    public static Figure figure(String name, Chart<?, ?> chart, String caption, List<String> notes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            files.put("figures/" + name + ".svg", svg.toByteArray());
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            BitmapEncoder.saveBitmap(chart, png, BitmapEncoder.BitmapFormat.PNG);
            files.put("figures/" + name + ".png", png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("encoding to memory cannot fail", e);
        }
        return new Figure(name, files, caption, notes);
    }

    /**
     * The system's name and version, for chart titles.
     *
     * @param system the system under test
     * @return e.g. {@code "lbp-reference 1.0"}
     */
    public static String systemName(VerificationRunSettings.SystemSummary system) {
        return system.name() + " " + system.version();
    }
}
