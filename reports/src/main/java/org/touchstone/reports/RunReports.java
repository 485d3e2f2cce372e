package org.touchstone.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.touchstone.reports.card.ReportCard;
import org.touchstone.reports.input.ComparisonData;
import org.touchstone.reports.input.RunDirectoryException;
import org.touchstone.reports.input.RunHeader;
import org.touchstone.reports.input.TemplateTable;
import org.touchstone.reports.input.TimingData;
import org.touchstone.reports.input.VerificationRunSettings;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.reports.verification.FmrOperatingPoint;

/**
 * Turns a run directory into its report: {@code metrics.json}, {@code tables/*.csv} and
 * {@code figures/*.svg|png}, all computed from the raw files alone, as {@code docs/run-directory.md}
 * specifies. The capability in {@code run.json} decides which: verification ({@code templates.csv},
 * {@code comparisons.csv}), identification ({@code templates.csv}, {@code galleries.csv},
 * {@code searches.csv}, {@code candidates.csv}) or analysis ({@code analyses.csv}, {@code estimates.csv}).
 * Whatever the capability, a run's {@code timing.csv} adds the timing tables and metrics.json's
 * {@code timing} block.
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
        RunHeader header = RunHeader.read(runDir.resolve("run.json"));
        RenderedReport report = switch (header.capability()) {
            case RunHeader.IDENTIFICATION -> IdentificationReport.render(runDir);
            case RunHeader.ANALYSIS -> AnalysisReport.render(runDir);
            default -> verification(runDir);
        };
        Optional<TimingData> timing = TimingData.read(runDir);
        if (timing.isPresent()) {
            report = TimingReport.addTo(report, timing.get());
        }
        return write(report, runDir, true);
    }

    /**
     * Renders every table, figure and metrics.json of verification results computed from a score file
     * (there is no run.json, hence no report card) and writes them into a directory.
     *
     * @param results the numbers
     * @param outDir  the directory to write into (created when missing)
     * @return the headline and the files written
     * @throws IOException when a file cannot be written
     */
    static ReportSummary write(VerificationResults results, Path outDir) throws IOException {
        return write(render(results, outDir), outDir, false);
    }

    /** Writes a rendered report as the class comment describes, then the report card when asked. */
    private static ReportSummary write(RenderedReport report, Path dir, boolean card) throws IOException {
        Set<String> previous = previousReportFiles(dir);
        // From here on the old report is replaced: remove its metrics.json first, so that a metrics.json
        // never stands beside tables and figures newer than itself if writing stops half-way.
        Files.deleteIfExists(dir.resolve(MetricsJson.FILE));
        Files.deleteIfExists(dir.resolve(ReportCard.FILE));
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : report.files().entrySet()) {
            written.add(writeAtomically(dir.resolve(file.getKey()), file.getValue()));
        }
        removeStaleFiles(dir, previous, report.files().keySet());
        if (card) {
            written.add(writeAtomically(dir.resolve(ReportCard.FILE), ReportCard.render(dir)));
        }
        return new ReportSummary(report.headline(), written);
    }

    private static RenderedReport verification(Path runDir) throws IOException {
        VerificationRunSettings settings = VerificationRunSettings.read(runDir.resolve("run.json"));
        TemplateTable templates = TemplateTable.read(runDir.resolve("templates.csv"), settings.groupColumns());
        ComparisonData comparisons = VerificationResults.read(settings, templates, runDir.resolve("comparisons.csv"));
        return render(VerificationResults.compute(settings, templates, comparisons), runDir);
    }

    private static RenderedReport render(VerificationResults results, Path dir) {
        List<Figures.Figure> figures = Figures.render(results);
        return RenderedReport.of(Tables.render(results), figures, MetricsJson.render(results, Tables.ALL, figures),
                headline(results, dir));
    }

    /**
     * @param relativePath a file of a run directory, relative, '/' separated
     * @return true when the reports write it (so it can be regenerated from the other, raw, files)
     */
    public static boolean isReportOutput(String relativePath) {
        return relativePath.equals(MetricsJson.FILE) || relativePath.equals(ReportCard.FILE)
                || relativePath.startsWith("tables/") || relativePath.startsWith("figures/");
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

    /**
     * The tables and figures the previous report listed in its metrics.json, if there is a readable one:
     * those not written again must not survive (a figure of a group column or an attribute no longer
     * evaluated, the tables of another capability).
     */
    private static Set<String> previousReportFiles(Path runDir) {
        Set<String> files = new TreeSet<>();
        for (String name : Figures.ALL) {
            files.add("figures/" + name + ".svg");
            files.add("figures/" + name + ".png");
        }
        try {
            JsonNode metrics = new ObjectMapper().readTree(runDir.resolve(MetricsJson.FILE).toFile());
            metrics.path("tables").forEach(table -> files.add(table.asText()));
            metrics.path("figures").forEach(figure -> figure.path("files").forEach(file -> files.add(file.asText())));
        } catch (IOException | RuntimeException e) {
            // No previous report, or a damaged one: nothing more is known to be stale.
        }
        return files;
    }

    /** Deletes the previous report's files that this one did not write, only ever below tables/ and figures/. */
    private static void removeStaleFiles(Path runDir, Set<String> previous, Set<String> written) throws IOException {
        Path root = runDir.toAbsolutePath().normalize();
        for (String name : previous) {
            Path file = root.resolve(name).normalize();
            boolean ours = file.startsWith(root.resolve("tables")) || file.startsWith(root.resolve("figures"));
            if (ours && !written.contains(name)) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The headline line on failure to enrol, e.g. "failure to enrol: verification_probe 1.00% (2/200)". */
    static String failureToEnrol(Map<String, Proportion> fteByRole) {
        List<String> fte = new ArrayList<>();
        for (Map.Entry<String, Proportion> role : fteByRole.entrySet()) {
            fte.add(role.getKey() + " " + Numbers.percent(role.getValue()));
        }
        return "failure to enrol: " + String.join(", ", fte);
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
        if (!results.fteByRole().isEmpty()) {
            lines.add(failureToEnrol(results.fteByRole()));
        }
        lines.add("DET curve: " + runDir.resolve("figures/" + Figures.DET + ".svg").toAbsolutePath());
        return lines;
    }
}
