package org.touchstone.reports.analysis.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.touchstone.reports.attributes.Calibration;
import org.touchstone.reports.attributes.Decisions;
import org.touchstone.reports.attributes.NumericDecisions;
import org.touchstone.reports.attributes.ThresholdErrors;
import org.touchstone.reports.input.AnalysisData;
import org.touchstone.reports.input.AnalysisRunSettings;
import org.touchstone.reports.input.RunHeader;
import org.touchstone.reports.rendering.CapabilityReport;
import org.touchstone.reports.rendering.Failures;
import org.touchstone.reports.rendering.Figure;
import org.touchstone.reports.rendering.Numbers;
import org.touchstone.reports.rendering.RenderedReport;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.runformat.runjson.RunJson;

/**
 * The report of an analysis run: reads {@code run.json}, {@code analyses.csv} and {@code estimates.csv},
 * computes every number ({@link AnalysisResults}) and renders metrics.json ({@link AnalysisJson}), the
 * tables ({@link AnalysisTables}), the figures ({@link AnalysisFigures}) and the headline. Its metrics
 * are those of {@code org.touchstone.reports.attributes}.
 */
public final class AnalysisReport implements CapabilityReport {
    /** The confidence the headline prefers when no threshold is named: a common vendor default. */
    private static final double HEADLINE_CONFIDENCE = 0.9;

    @Override
    public String capability() {
        return RunHeader.ANALYSIS;
    }

    @Override
    public RenderedReport render(Path runDir, RunJson run) throws IOException {
        AnalysisRunSettings settings = AnalysisRunSettings.of(run);
        AnalysisData data = AnalysisData.read(runDir, settings);
        AnalysisResults results = AnalysisResults.compute(settings, data);
        Map<String, byte[]> tables = AnalysisTables.render(results);
        List<Figure> figures = AnalysisFigures.render(results);
        return RenderedReport.of(tables, figures, AnalysisJson.render(results, List.copyOf(tables.keySet()), figures),
                headline(results, runDir));
    }

    /**
     * The operating point the headline reports: the first named threshold, else the confidence threshold
     * nearest 0.9 (the higher of two equally near).
     *
     * @return an index into the operating points, or -1 when there are none
     */
    static int headlinePoint(AnalysisResults results) {
        List<AnalysisResults.OperatingPoint> points = results.operatingPoints();
        int best = -1;
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).named() != null) {
                return i;
            }
            double distance = Math.abs(points.get(i).threshold() - HEADLINE_CONFIDENCE);
            double bestDistance = best < 0 ? Double.POSITIVE_INFINITY : Math.abs(points.get(best).threshold() - HEADLINE_CONFIDENCE);
            if (distance < bestDistance || distance == bestDistance && points.get(i).threshold() > points.get(best).threshold()) {
                best = i;
            }
        }
        return best;
    }

    private static List<String> headline(AnalysisResults results, Path runDir) {
        List<String> lines = new ArrayList<>();
        int point = headlinePoint(results);
        String at = point < 0 ? "" : describe(results.operatingPoints().get(point));
        for (AnalysisResults.AttributeResults attribute : results.attributes()) {
            StringBuilder line = new StringBuilder(attribute.name()).append(": ");
            if (attribute.overall() instanceof AnalysisResults.CategoricalResults categorical) {
                if (point >= 0) {
                    Decisions decisions = categorical.atPoints().get(point);
                    line.append(at).append(' ').append(accuracy(decisions.accuracy()))
                            .append(", coverage ").append(Numbers.percent(decisions.coverage())).append("; ");
                }
                Calibration calibration = categorical.calibration();
                if (calibration.estimates() == 0) {
                    line.append("no estimate, so no calibration");
                } else {
                    line.append("ECE ").append(Numbers.readable(calibration.ece())).append(", MCE ")
                            .append(Numbers.readable(calibration.mce())).append(", Brier ")
                            .append(Numbers.readable(calibration.brier())).append("; confidence >= ")
                            .append(Numbers.readable(AnalysisResults.HIGH_CONFIDENCE)).append(": ")
                            .append(accuracy(categorical.highConfidence()));
                }
            } else if (attribute.overall() instanceof AnalysisResults.NumericResults numeric) {
                NumericDecisions all = numeric.all();
                line.append(all.estimates() == 0 ? "no estimate" : "mean absolute error "
                        + Numbers.readable(all.meanAbsoluteError()) + " over " + all.estimates() + " estimates");
                for (ThresholdErrors errors : numeric.thresholdErrors()) {
                    String threshold = Numbers.readable(errors.threshold());
                    line.append("; at ").append(threshold).append(": ")
                            .append(Numbers.rate("over-estimated", errors.over(), "over-estimates", "images below " + threshold))
                            .append(", ")
                            .append(Numbers.rate("under-estimated", errors.under(), "under-estimates",
                                    "images at or above " + threshold));
                }
            }
            lines.add(line.toString());
        }
        lines.add("failure to acquire (no face): " + Numbers.percent(results.acquisition().get(AnalysisData.NO_FACE))
                + "; failed calls: " + Numbers.percent(results.acquisition().get(AnalysisData.FAILED))
                + "; failure policy " + results.settings().failurePolicy().label());
        Failures.datasetHeadline(results.failures()).ifPresent(lines::add);
        lines.add("accuracy/coverage: " + runDir.resolve("figures/" + AnalysisFigures.ACCURACY_COVERAGE + ".svg")
                .toAbsolutePath());
        return lines;
    }

    /** Accuracy with its counts; with no error, what the count of right answers allows instead of "100%". */
    private static String accuracy(Proportion accuracy) {
        Proportion errors = new Proportion(accuracy.trials() - accuracy.events(), accuracy.trials());
        return "accuracy " + Numbers.percent(accuracy)
                + (errors.events() == 0 && errors.isDefined() ? " (" + Numbers.rate("error rate", errors, "errors",
                "decided estimates") + ")" : "");
    }

    private static String describe(AnalysisResults.OperatingPoint point) {
        return point.named() == null ? "at confidence >= " + Numbers.readable(point.threshold()) + ":"
                : "at threshold \"" + point.named().name() + "\" (" + point.named().source() + ") "
                + Numbers.readable(point.threshold()) + ":";
    }
}
