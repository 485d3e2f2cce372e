package org.touchstone.reports.verification.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.touchstone.reports.differentials.GroupComparisons;
import org.touchstone.reports.input.ComparisonData;
import org.touchstone.reports.input.FoldData;
import org.touchstone.reports.stats.StageTimes;
import org.touchstone.runformat.RunDirectoryException;
import org.touchstone.reports.input.RunHeader;
import org.touchstone.reports.input.ScoreFile;
import org.touchstone.reports.input.TemplateTable;
import org.touchstone.reports.input.VerificationRunSettings;
import org.touchstone.reports.rendering.CapabilityReport;
import org.touchstone.reports.rendering.FailureToEnrol;
import org.touchstone.reports.rendering.Failures;
import org.touchstone.reports.rendering.Figure;
import org.touchstone.reports.rendering.Numbers;
import org.touchstone.reports.rendering.RenderedReport;
import org.touchstone.reports.stats.TestResult;
import org.touchstone.reports.verification.FmrOperatingPoint;
import org.touchstone.reports.verification.NamedThreshold;
import org.touchstone.reports.verification.StreamingScoreDistribution;
import org.touchstone.runformat.columns.TemplatesCsv;
import org.touchstone.runformat.runjson.RunJson;

/**
 * The report of a verification run: reads {@code run.json}, {@code templates.csv} and
 * {@code comparisons.csv}, computes every number ({@link VerificationResults}) and renders metrics.json
 * ({@link VerificationJson}), the tables ({@link VerificationTables}), the figures
 * ({@link VerificationFigures}) and the headline. The same report is made of a score file's comparisons
 * ({@code touchstone analyze}), which have no templates and so no failure to enrol.
 */
public final class VerificationReport implements CapabilityReport {
    /** The figures a verification report may write, by name (the file stem under {@code figures/}). */
    public static final List<String> FIGURE_NAMES = VerificationFigures.ALL;

    @Override
    public String capability() {
        return RunHeader.VERIFICATION;
    }

    @Override
    public RenderedReport render(Path runDir, RunJson run) throws IOException {
        VerificationRunSettings settings = VerificationRunSettings.of(run);
        TemplateTable templates = TemplateTable.read(runDir.resolve(TemplatesCsv.FILE), settings.groupColumns());
        ComparisonData comparisons = VerificationResults.read(settings, templates,
                runDir.resolve(run.format().comparisonsFile()));
        RenderedReport report = render(VerificationResults.compute(settings, templates, comparisons), runDir);
        Optional<FoldData> folds = FoldData.read(runDir, templates);
        return folds.isPresent() ? KFoldReport.addTo(report, folds.get()) : report;
    }

    /**
     * Reads a score file made by any tool and renders its report, as for a run's comparisons.
     *
     * @param settings what to report: FMR targets, named thresholds, group columns, the "system" (the file)
     * @param scores   the score file
     * @param format   its format
     * @param groups   subjects CSV ({@code subject_id}, then group columns), or null
     * @param outDir   where the report will be written (the headline names its DET figure)
     * @return the files and headline
     * @throws RunDirectoryException when an input line is malformed (naming file and line)
     * @throws IOException           when a file cannot be read
     */
    public static RenderedReport renderScoreFile(VerificationRunSettings settings, Path scores, ScoreFile.Format format,
                                                 Path groups, Path outDir) throws IOException {
        ComparisonData comparisons = ScoreFile.read(scores, format, groups, settings.fmrTargets(),
                VerificationResults.namedValues(settings), StreamingScoreDistribution.DEFAULT_EXACT_LIMIT);
        StageTimes.mark("sorts, bootstrap tail");
        return render(VerificationResults.compute(settings, null, comparisons), outDir);
    }

    private static RenderedReport render(VerificationResults results, Path dir) {
        StageTimes.mark("group results");
        List<Figure> figures = VerificationFigures.render(results);
        StageTimes.mark("figures rendered");
        Map<String, byte[]> tables = VerificationTables.render(results);
        StageTimes.mark("tables rendered");
        RenderedReport rendered = RenderedReport.of(tables, figures,
                VerificationJson.render(results, VerificationTables.ALL, figures), headline(results, dir));
        StageTimes.mark("json rendered");
        return rendered;
    }

    private static List<String> headline(VerificationResults results, Path runDir) {
        List<String> lines = new ArrayList<>();
        results.interpolatedEer().ifPresentOrElse(eer -> lines.add("EER " + Numbers.percent(eer.rate())
                        + " (interpolated, at threshold about " + Numbers.readable(eer.threshold()) + ")"
                        + results.rocchEer().map(r -> "; ROC convex hull EER " + Numbers.percent(r.rate())).orElse("")
                        + "; at threshold " + Numbers.exact(eer.nearestCandidate().threshold()) + ": FMR "
                        + Numbers.percent(eer.nearestCandidate().fmr()) + ", FNMR "
                        + Numbers.percent(eer.nearestCandidate().fnmr())),
                () -> lines.add("EER undefined (FMR and FNMR never cross, or a kind of comparison is missing)"));
        for (FmrOperatingPoint point : results.fmrPoints()) {
            String target = "FMR target " + Numbers.readable(point.fmrTarget()) + ": ";
            if (!point.supported()) {
                lines.add(target + "unsupported: " + results.all().impostorComparisons()
                        + " impostor comparisons, at least " + point.minimumImpostorComparisons() + " needed (3/FMR)");
            } else if (point.rates() == null) {
                lines.add(target + "no threshold: no comparison produced a score");
            } else {
                lines.add(target + "FNMR " + Numbers.percent(point.rates().fnmr()) + " at threshold "
                        + Numbers.exact(point.rates().threshold()) + " (FMR " + Numbers.percent(point.rates().fmr()) + ")"
                        + "; FNMR 95% CI " + Numbers.interval(point.rates().fnmr().ci95())
                        + bootstrapText(results, results.fmrPoints().indexOf(point)));
            }
        }
        for (VerificationResults.ThresholdPoint point : results.thresholdPoints()) {
            NamedThreshold threshold = point.threshold();
            lines.add("threshold \"" + threshold.name() + "\" (" + threshold.source() + ") "
                    + Numbers.exact(threshold.value()) + ": FMR " + Numbers.percent(point.rates().fmr())
                    + ", FNMR " + Numbers.percent(point.rates().fnmr()));
        }

        for (VerificationResults.Differential differential : results.differentials()) {
            // One line per single group column, at the first global threshold: the rest is in the tables.
            if (differential.grouping().contains(" x ")
                    || !differential.point().equals(results.globalThresholds().get(0))) {
                continue;
            }
            lines.add(differential.grouping() + " at " + differential.point().name() + " (threshold "
                    + Numbers.exact(differential.point().threshold()) + "): FNMR max/min "
                    + Numbers.readable(differential.fnmrRatios().maxOverMin()) + ", FMR max/min "
                    + Numbers.readable(differential.fmrRatios().maxOverMin()) + " (zero rates: "
                    + differential.fmrRatios().handling().label() + "), FDR "
                    + Numbers.readable(differential.fdr().fdr()) + ", GARBE " + Numbers.readable(differential.garbe().garbe())
                    + "; " + testText(differential.fnmrTests()));
        }
        if (!results.fteByRole().isEmpty()) {
            lines.add(FailureToEnrol.headline(results.fteByRole()));
        }
        Failures.datasetHeadline(results.failures()).ifPresent(lines::add);
        lines.add("DET curve: " + runDir.resolve("figures/" + VerificationFigures.DET + ".svg").toAbsolutePath());
        return lines;
    }

    /** "FNMR differs ..." or "no significant FNMR difference ..., detectable ...": never the latter alone. */
    private static String testText(GroupComparisons tests) {
        TestResult overall = tests.overall().result();
        if (!overall.isDefined()) {
            return "fewer than two groups with " + tests.metric().toUpperCase(Locale.ROOT) + " trials";
        }
        String metric = tests.metric().toUpperCase(Locale.ROOT);
        String p = "chi-square p " + Numbers.readable(overall.pValue());
        if (overall.pValue() <= tests.alpha()) {
            return metric + " differs between groups (" + p + ")";
        }
        var smallest = tests.pairs().stream().filter(pair -> !Double.isNaN(pair.detectable().rise()))
                .min(Comparator.comparingDouble(pair -> pair.detectable().rise()));
        return "no significant " + metric + " difference (" + p + ")" + smallest.map(pair -> "; at these sizes a rise"
                + " from " + Numbers.percent(pair.detectable().baseRate()) + " to "
                + Numbers.percent(pair.detectable().detectableRise()) + " (" + pair.first().valuesLabel() + " vs "
                + pair.second().valuesLabel() + ") is the smallest detectable at power 0.8")
                .orElse("; at these sizes no rise is detectable at power 0.8");
    }

    private static String bootstrapText(VerificationResults results, int target) {
        if (results.bootstrap() == null || results.bootstrap().fmrTargets().get(target).fnmr() == null) {
            return "";
        }
        return ", subject bootstrap " + Numbers.interval(results.bootstrap().fmrTargets().get(target).fnmr());
    }
}
