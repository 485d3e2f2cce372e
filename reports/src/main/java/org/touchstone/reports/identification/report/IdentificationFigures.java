package org.touchstone.reports.identification.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.touchstone.reports.identification.FpirOperatingPoint;
import org.touchstone.reports.identification.IdentificationRates;
import org.touchstone.reports.rendering.Charts;
import org.touchstone.reports.rendering.Figure;
import org.touchstone.reports.rendering.Numbers;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.reports.verification.DetCurve;

/**
 * The figures of an identification report: the CMC, FNIR against FPIR, and the distractor sweep. Drawn
 * with the house style of {@link Charts}; one colour per gallery, in sweep order.
 */
final class IdentificationFigures {
    static final String CMC = "cmc";
    static final String FNIR_VS_FPIR = "fnir-vs-fpir";
    static final String DISTRACTOR_SWEEP = "distractor-sweep";

    private IdentificationFigures() {
    }

    /** Renders every figure. */
    static List<Figure> render(IdentificationResults results) {
        return List.of(cmc(results), fnirVsFpir(results), distractorSweep(results));
    }

    /** The gallery the headline and the labelled markers speak of: the most enrolled templates, the last of equals. */
    static IdentificationResults.GalleryResults largest(IdentificationResults results) {
        IdentificationResults.GalleryResults largest = null;
        for (IdentificationResults.GalleryResults gallery : results.galleries()) {
            if (largest == null || gallery.gallery().enrolledTemplates() >= largest.gallery().enrolledTemplates()) {
                largest = gallery;
            }
        }
        return largest;
    }

    private static Figure cmc(IdentificationResults results) {
        XYChart chart = Charts.chart("CMC: " + Charts.systemName(results.settings().header().system()),
                "Rank k (position in the candidate list)", "Identification rate: mate within the top k (share of mated searches)");
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisDecimalPattern("0").setYAxisDecimalPattern(Charts.RATE_PATTERN);
        Charts.legendBelow(chart);
        List<String> notes = new ArrayList<>();
        int colour = 0;
        for (IdentificationResults.GalleryResults gallery : results.galleries()) {
            List<Proportion> cmc = gallery.outcomes().cmc();
            if (gallery.outcomes().matedSearches() == 0) {
                notes.add("Gallery " + gallery.gallery().id() + " has no mated search: no CMC.");
                colour++;
                continue;
            }
            double[] ranks = new double[cmc.size()];
            double[] rates = new double[cmc.size()];
            for (int k = 0; k < cmc.size(); k++) {
                ranks[k] = k + 1;
                rates[k] = cmc.get(k).rate();
            }
            XYSeries series = chart.addSeries(galleryLabel(gallery), ranks, rates);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(Charts.colour(colour));
            series.setLineColor(Charts.colour(colour++));
        }
        notes.add("Rank-k identification rate = TPIR(N, k, T = -infinity): any score counts. Failed mated searches"
                + " count as misses at every rank.");
        return Charts.figure(CMC, chart, "Cumulative match characteristic per gallery: the share of mated searches"
                + " whose mate is among the first k candidates.", notes);
    }

    private static Figure fnirVsFpir(IdentificationResults results) {
        XYChart chart = Charts.chart("FNIR against FPIR: " + Charts.systemName(results.settings().header().system()),
                "False positive identification rate (FPIR), log scale; FPIR = 0 not drawn",
                "False negative identification rate (FNIR, rank " + results.settings().candidateListLength() + ")");
        chart.getStyler().setXAxisLogarithmic(true).setXAxisLogarithmicDecadeOnly(true)
                .setXAxisDecimalPattern(Charts.LOG_AXIS_PATTERN).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0)
                .setYAxisDecimalPattern(Charts.RATE_PATTERN);
        Charts.legendBelow(chart);
        List<String> notes = new ArrayList<>();
        double lowestFpir = 1;
        int colour = 0;
        for (IdentificationResults.GalleryResults gallery : results.galleries()) {
            DetCurve curve = IdentificationTables.curve(gallery, Charts.DRAWING_STEP);
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (DetCurve.Point point : curve.points()) {
                if (point.falseMatches() > 0) {
                    x.add(curve.fmr(point));
                    y.add(curve.fnmr(point));
                    lowestFpir = Math.min(lowestFpir, curve.fmr(point));
                }
            }
            if (x.isEmpty()) {
                notes.add("Gallery " + gallery.gallery().id() + ": no threshold gives FPIR above 0, nothing to draw.");
            } else {
                Charts.lineSeries(chart, galleryLabel(gallery), x, y, Charts.colour(colour));
            }
            colour++;
        }
        // At least one whole decade, so that the log axis has labelled ticks even on a tiny run.
        chart.getStyler().setXAxisMin(Math.min(0.1, Math.pow(10, Math.floor(Math.log10(lowestFpir)))));
        IdentificationResults.GalleryResults largest = largest(results);
        if (largest != null) {
            List<double[]> points = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (FpirOperatingPoint point : largest.fpirPoints()) {
                addDrawable(point.rates(), "FPIR " + Numbers.readable(point.fpirTarget())
                        + (point.supported() ? "" : " (unsupported)"), points, labels, notes);
            }
            for (IdentificationResults.ThresholdPoint point : largest.thresholdPoints()) {
                addDrawable(point.rates(), point.threshold().name(), points, labels, notes);
            }
            Charts.markers(chart, "operating points of " + largest.gallery().id(), points, labels, Charts.BLACK,
                    SeriesMarkers.DIAMOND, y -> Math.min(1.0, y + 0.03));
        }
        notes.add("FNIR counts a mated search as a miss unless its mate is in the candidate list (rank <= L) with score"
                + " >= T. Operating points are marked for the largest gallery only.");
        return Charts.figure(FNIR_VS_FPIR, chart, "FNIR against FPIR as the threshold moves, one curve per gallery"
                + " size, FPIR on a log10 axis, with the FPIR-target and named thresholds of the largest gallery.", notes);
    }

    private static void addDrawable(IdentificationRates rates, String label, List<double[]> points, List<String> labels,
                                    List<String> notes) {
        if (rates == null || !(rates.fpir().rate() > 0) || !rates.fnir().isDefined()) {
            notes.add(label + ": FPIR 0 or undefined, not drawn on the log axis.");
            return;
        }
        points.add(new double[] {rates.fpir().rate(), rates.fnir().rate()});
        labels.add(label);
    }

    private static Figure distractorSweep(IdentificationResults results) {
        XYChart chart = Charts.chart("Distractor sweep: " + Charts.systemName(results.settings().header().system()),
                "Gallery size N (enrolled templates), log scale", "Rate (share of searches)");
        chart.getStyler().setXAxisLogarithmic(true).setXAxisLogarithmicDecadeOnly(true)
                .setXAxisDecimalPattern(Charts.LOG_AXIS_PATTERN)
                .setYAxisMin(0.0).setYAxisMax(1.0).setYAxisDecimalPattern(Charts.RATE_PATTERN);
        Charts.legendBelow(chart);
        List<String> notes = new ArrayList<>();
        List<IdentificationResults.GalleryResults> drawable = results.galleries().stream()
                .filter(g -> g.gallery().enrolledTemplates() > 0).toList();
        if (!drawable.isEmpty()) {
            // Whole decades around the gallery sizes, so that the log axis has labelled ticks.
            double smallest = drawable.stream().mapToLong(g -> g.gallery().enrolledTemplates()).min().orElseThrow();
            double largest = drawable.stream().mapToLong(g -> g.gallery().enrolledTemplates()).max().orElseThrow();
            double from = Math.pow(10, Math.floor(Math.log10(smallest)));
            chart.getStyler().setXAxisMin(from).setXAxisMax(Math.max(10 * from, Math.pow(10, Math.ceil(Math.log10(largest)))));
        }
        if (drawable.size() < results.galleries().size()) {
            notes.add("Galleries with no enrolled template cannot be drawn on the log N axis.");
        }
        int colour = 0;
        sweepSeries(chart, "rank-1 identification rate", drawable, g -> g.outcomes().identificationRate(1), colour++, notes);
        for (int i = 0; i < results.settings().thresholds().size(); i++) {
            int index = i;
            sweepSeries(chart, "FPIR at \"" + results.settings().thresholds().get(i).name() + "\" ("
                    + Numbers.readable(results.settings().thresholds().get(i).value()) + ")", drawable,
                    g -> g.thresholdPoints().get(index).rates().fpir(), colour++, notes);
        }
        return Charts.figure(DISTRACTOR_SWEEP, chart, "How the rank-1 identification rate falls and FPIR at the named"
                + " thresholds rises as the gallery grows (N on a log10 axis).", notes);
    }

    private static void sweepSeries(XYChart chart, String name, List<IdentificationResults.GalleryResults> galleries,
                                     Function<IdentificationResults.GalleryResults, Proportion> measure,
                                     int colour, List<String> notes) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (IdentificationResults.GalleryResults gallery : galleries) {
            Proportion rate = measure.apply(gallery);
            if (rate.isDefined()) {
                x.add((double) gallery.gallery().enrolledTemplates());
                y.add(rate.rate());
            } else {
                notes.add(name + " is undefined in gallery " + gallery.gallery().id() + " (no searches): not drawn.");
            }
        }
        if (x.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(Charts.colour(colour));
        series.setLineColor(Charts.colour(colour));
    }

    private static String galleryLabel(IdentificationResults.GalleryResults gallery) {
        return gallery.gallery().id() + " (N = " + gallery.gallery().enrolledTemplates() + ")";
    }
}
