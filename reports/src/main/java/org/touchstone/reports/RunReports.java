package org.touchstone.reports;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touchstone.reports.rundir.ComparisonData;
import org.touchstone.reports.rundir.RunSettings;
import org.touchstone.reports.rundir.TemplateTable;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.reports.verification.FmrOperatingPoint;

/**
 * Turns a run directory into its verification report: {@code metrics.json}, {@code tables/*.csv} and
 * {@code figures/*.svg|png}, all computed from {@code run.json}, {@code templates.csv} and
 * {@code comparisons.csv} alone, as {@code docs/run-directory.md} specifies.
 *
 * <p>The output is byte-for-byte deterministic given the same inputs (and the same JDK and fonts): no
 * timestamps, a stable order everywhere, exact number formatting. Each file is written under a temporary
 * name and renamed into place; the old {@code metrics.json} is removed before the first file is replaced
 * and the new one is written last, so a {@code metrics.json} with its final name is never partial and
 * always belongs with the tables and figures beside it.
 */
public final class RunReports {
    private RunReports() {
    }

    /**
     * Reads a run directory and writes its report into it.
     *
     * @param runDir the run directory
     * @return the headline and the files written
     * @throws RunDirectoryException when an input file breaks the contract (the message names file, line,
     *                               column and what was expected); nothing is written then
     * @throws IOException           when a file cannot be read or written
     */
    public static ReportSummary generate(Path runDir) throws IOException, RunDirectoryException {
        RunSettings settings = RunSettings.read(runDir.resolve("run.json"));
        TemplateTable templates = TemplateTable.read(runDir.resolve("templates.csv"), settings.groupColumns());
        ComparisonData comparisons = VerificationResults.read(settings, templates, runDir.resolve("comparisons.csv"));
        VerificationResults results = VerificationResults.compute(settings, templates, comparisons);
        return write(results, runDir);
    }

    /**
     * Renders every table, figure and metrics.json of some results and writes them into a directory, as the
     * class comment describes.
     *
     * @param results the numbers
     * @param runDir  the directory to write into (created when missing)
     * @return the headline and the files written
     * @throws IOException when a file cannot be written
     */
    static ReportSummary write(VerificationResults results, Path runDir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>(Tables.render(results));
        List<Figures.Figure> figures = Figures.render(results);
        figures.forEach(figure -> files.putAll(figure.files()));
        files.put(MetricsJson.FILE, MetricsJson.render(results, Tables.ALL, figures));

        // From here on the old report is replaced: remove its metrics.json first, so that a metrics.json
        // never stands beside tables and figures newer than itself if writing stops half-way.
        Files.deleteIfExists(runDir.resolve(MetricsJson.FILE));
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            written.add(writeAtomically(runDir.resolve(file.getKey()), file.getValue()));
        }
        removeStaleFigures(runDir, figures);
        return new ReportSummary(headline(results, runDir), written);
    }

    /** "FNMR differs ..." or "no significant FNMR difference ..., detectable ...": never the latter alone. */
    private static String testText(org.touchstone.reports.differentials.GroupComparisons tests) {
        var overall = tests.overall().result();
        if (!overall.isDefined()) {
            return "fewer than two groups with " + tests.metric().toUpperCase(java.util.Locale.ROOT) + " trials";
        }
        String metric = tests.metric().toUpperCase(java.util.Locale.ROOT);
        String p = "chi-square p " + Numbers.readable(overall.pValue());
        if (overall.pValue() <= tests.alpha()) {
            return metric + " differs between groups (" + p + ")";
        }
        var smallest = tests.pairs().stream().filter(pair -> !Double.isNaN(pair.detectable().rise()))
                .min(java.util.Comparator.comparingDouble(pair -> pair.detectable().rise()));
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

    private static Path writeAtomically(Path target, byte[] bytes) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // A fixed hidden name beside the target (same file system, so the rename is atomic) with the
        // ordinary permissions a new file gets; generating twice into one directory at once is unsupported.
        Path temporary = directory.resolve("." + target.getFileName() + ".tmp");
        try {
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target.toAbsolutePath();
    }

    /** A figure not drawn this time (e.g. no group columns any more) must not survive from an earlier report. */
    private static void removeStaleFigures(Path runDir, List<Figures.Figure> figures) throws IOException {
        for (String name : Figures.ALL) {
            if (figures.stream().noneMatch(figure -> figure.name().equals(name))) {
                Files.deleteIfExists(runDir.resolve("figures/" + name + ".svg"));
                Files.deleteIfExists(runDir.resolve("figures/" + name + ".png"));
            }
        }
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
            lines.add("threshold \"" + point.threshold().name() + "\" (" + point.threshold().source() + ") "
                    + Numbers.exact(point.threshold().value()) + ": FMR " + Numbers.percent(point.rates().fmr())
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
        List<String> fte = new ArrayList<>();
        for (Map.Entry<String, Proportion> role : results.fteByRole().entrySet()) {
            fte.add(role.getKey() + " " + Numbers.percent(role.getValue()));
        }
        if (!fte.isEmpty()) {
            lines.add("failure to enrol: " + String.join(", ", fte));
        }
        lines.add("DET curve: " + runDir.resolve("figures/" + Figures.DET + ".svg").toAbsolutePath());
        return lines;
    }
}
