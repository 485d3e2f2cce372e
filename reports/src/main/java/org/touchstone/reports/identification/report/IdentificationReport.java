package org.touchstone.reports.identification.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.touchstone.reports.identification.FpirOperatingPoint;
import org.touchstone.reports.identification.IdentificationRates;
import org.touchstone.reports.input.IdentificationRunSettings;
import org.touchstone.reports.input.RunHeader;
import org.touchstone.reports.input.SearchData;
import org.touchstone.reports.input.TemplateTable;
import org.touchstone.reports.rendering.CapabilityReport;
import org.touchstone.reports.rendering.FailureToEnrol;
import org.touchstone.reports.rendering.Failures;
import org.touchstone.reports.rendering.Figure;
import org.touchstone.reports.rendering.Numbers;
import org.touchstone.reports.rendering.RenderedReport;
import org.touchstone.runformat.columns.TemplatesCsv;
import org.touchstone.runformat.runjson.RunJson;

/**
 * The report of an identification run: reads {@code run.json}, {@code templates.csv}, {@code galleries.csv},
 * {@code searches.csv} and {@code candidates.csv}, computes every number ({@link IdentificationResults})
 * and renders metrics.json ({@link IdentificationJson}), the tables ({@link IdentificationTables}), the
 * figures ({@link IdentificationFigures}) and the headline.
 */
public final class IdentificationReport implements CapabilityReport {
    /**
     * The tables an identification report writes, relative to the run directory, in the order written (and
     * {@code tables/gallery-average.csv} after them when run.json asks for averages over galleries).
     */
    public static final List<String> TABLES = IdentificationTables.ALL;

    @Override
    public String capability() {
        return RunHeader.IDENTIFICATION;
    }

    @Override
    public RenderedReport render(Path runDir, RunJson run) throws IOException {
        if (run.evaluation() instanceof org.touchstone.runformat.runjson.IdentificationEvaluation evaluation
                && evaluation.megafaceChallenge()) {
            return MegafaceReport.render(runDir, run);
        }
        IdentificationRunSettings settings = IdentificationRunSettings.of(run);
        TemplateTable templates = TemplateTable.read(runDir.resolve(TemplatesCsv.FILE), settings.groupColumns());
        SearchData searches = SearchData.read(runDir, templates, settings.candidateListLength());
        IdentificationResults results = IdentificationResults.compute(settings, templates, searches);
        Map<String, byte[]> tables = IdentificationTables.render(results);
        List<Figure> figures = IdentificationFigures.render(results);
        return RenderedReport.of(tables, figures,
                IdentificationJson.render(results, List.copyOf(tables.keySet()), figures),
                headline(results, runDir));
    }

    private static List<String> headline(IdentificationResults results, Path runDir) {
        List<String> lines = new ArrayList<>();
        IdentificationResults.GalleryResults gallery = IdentificationFigures.largest(results);
        if (gallery == null) {
            lines.add("no gallery: galleries.csv is empty");
            return lines;
        }
        if (results.settings().galleryAverage()) {
            // Separate galleries (IJB's G1 and G2), not a sweep: each in full, then the mean.
            for (IdentificationResults.GalleryResults each : results.galleries()) {
                galleryLines(results, each, "gallery " + each.gallery().id() + " (N = "
                        + each.gallery().enrolledTemplates() + " enrolled templates; " + each.counts().mated()
                        + " mated, " + each.counts().nonMated() + " non-mated searches)", lines);
            }
            lines.add(average(GalleryAverage.of(results)));
        } else {
            galleryLines(results, gallery, "gallery " + gallery.gallery().id() + " (N = "
                    + gallery.gallery().enrolledTemplates() + " enrolled templates" + (results.galleries().size() > 1
                    ? ", the largest of " + results.galleries().size() : "") + ")", lines);
            lines.addAll(sweep(results));
        }
        lines.add(FailureToEnrol.headline(results.fteByRole()));
        Failures.datasetHeadline(results.failures()).ifPresent(lines::add);
        lines.add("CMC: " + runDir.resolve("figures/" + IdentificationFigures.CMC + ".svg").toAbsolutePath());
        return lines;
    }

    /** One gallery's lines: rank rates, each FPIR target, each named threshold, the investigative mode. */
    private static void galleryLines(IdentificationResults results, IdentificationResults.GalleryResults gallery,
                                     String title, List<String> lines) {
        List<String> ranks = new ArrayList<>();
        for (int rank : results.settings().ranks()) {
            ranks.add("rank-" + rank + " " + Numbers.percent(gallery.outcomes().identificationRate(rank)));
        }
        lines.add(title + (ranks.isEmpty() ? "" : ": " + String.join(", ", ranks)));
        for (FpirOperatingPoint point : gallery.fpirPoints()) {
            String target = "FPIR target " + Numbers.readable(point.fpirTarget()) + ": ";
            if (!point.supported()) {
                lines.add(target + "unsupported: " + gallery.outcomes().nonMatedSearches()
                        + " non-mated searches, at least " + point.minimumNonMatedSearches() + " needed (3/FPIR)");
            } else if (point.rates() == null) {
                lines.add(target + "no threshold: no search returned a candidate");
            } else {
                String rank = point.rates().rank() == results.settings().candidateListLength() ? ""
                        : "(rank " + point.rates().rank() + ") ";
                lines.add(target + "FNIR " + rank + Numbers.percent(point.rates().fnir()) + " at threshold "
                        + Numbers.exact(point.rates().threshold()) + " (" + fpir(point.rates()) + ")");
            }
        }
        for (IdentificationResults.ThresholdPoint point : gallery.thresholdPoints()) {
            lines.add("threshold \"" + point.threshold().name() + "\" (" + point.threshold().source() + ") "
                    + Numbers.exact(point.threshold().value()) + ": FNIR " + Numbers.percent(point.rates().fnir())
                    + ", " + fpir(point.rates()) + ", selectivity " + Numbers.readable(point.rates().selectivity().mean()));
        }
        IdentificationRates investigative = gallery.investigative();
        lines.add("investigative (any score, rank <= " + investigative.rank() + "): FNIR "
                + Numbers.percent(investigative.fnir()) + ", " + fpir(investigative));
    }

    /** The mean over galleries, as insightface reports IJB 1:N. */
    private static String average(GalleryAverage average) {
        List<String> parts = new ArrayList<>();
        for (GalleryAverage.RankMean rank : average.ranks()) {
            parts.add("rank-" + rank.rank() + " " + Numbers.percent(rank.rate()));
        }
        for (GalleryAverage.FpirMean point : average.fpirPoints()) {
            parts.add("TPIR (rank " + point.fnirRank() + ") at FPIR " + Numbers.readable(point.fpirTarget()) + " "
                    + (Double.isNaN(point.tpir()) ? "undefined" : Numbers.percent(point.tpir()))
                    + (point.supported() ? "" : " (unsupported)"));
        }
        return "mean of galleries " + String.join(" and ", average.galleries()) + ": " + String.join(", ", parts);
    }

    /**
     * The distractor sweep, one line per gallery: rank-1, then FNIR and FPIR at each named threshold, a rate
     * with no error given as its 95% upper bound ("0 false positives in 3000 non-mated searches: FPIR <=
     * 0.0998% at 95%"), never as 0%.
     */
    private static List<String> sweep(IdentificationResults results) {
        if (results.galleries().size() < 2) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("distractor sweep: rank-1, and FNIR and FPIR at each named threshold, per gallery");
        for (IdentificationResults.GalleryResults gallery : results.galleries()) {
            List<String> parts = new ArrayList<>();
            parts.add("rank-1 " + Numbers.percent(gallery.outcomes().identificationRate(1)));
            for (IdentificationResults.ThresholdPoint point : gallery.thresholdPoints()) {
                parts.add("\"" + point.threshold().name() + "\" " + Numbers.exact(point.threshold().value()) + ": "
                        + Numbers.rate("FNIR", point.rates().fnir(), "misses", "mated searches") + ", "
                        + fpir(point.rates()));
            }
            lines.add("  " + gallery.gallery().distractorSubjects() + " distractors (N = "
                    + gallery.gallery().enrolledTemplates() + "): " + String.join("; ", parts));
        }
        return lines;
    }

    private static String fpir(IdentificationRates rates) {
        return Numbers.rate("FPIR", rates.fpir(), "false positives", "non-mated searches");
    }
}
