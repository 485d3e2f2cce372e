package org.touchstone.reports.identification.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.touchstone.reports.identification.MegafaceChallenge;
import org.touchstone.reports.input.FailureKey;
import org.touchstone.reports.input.IdentificationRunSettings;
import org.touchstone.reports.input.RunHeader;
import org.touchstone.reports.input.SearchData;
import org.touchstone.reports.input.TemplateTable;
import org.touchstone.reports.rendering.Charts;
import org.touchstone.reports.rendering.CsvTables;
import org.touchstone.reports.rendering.FailureToEnrol;
import org.touchstone.reports.rendering.Failures;
import org.touchstone.reports.rendering.Figure;
import org.touchstone.reports.rendering.MetricsJson;
import org.touchstone.reports.rendering.Numbers;
import org.touchstone.reports.rendering.RenderedReport;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.runformat.columns.TemplatesCsv;
import org.touchstone.runformat.runjson.IdentificationEvaluation;
import org.touchstone.runformat.runjson.RunJson;

/**
 * The report of a MegaFace Challenge 1 run (identification, design {@code megaface-c1}): the galleries
 * {@code G<count>} hold distractors and are searched by every probe; the galleries {@code F<n>} hold one identity's
 * own images and give the genuine scores. Per distractor count, {@link MegafaceChallenge} turns both into rank-1 ..
 * K over every ordered pair of an identity's images, and TAR at each FAR target. metrics.json keeps the
 * identification layout where it can ({@code galleries[]} by size with their {@code cmc}), so that the summary
 * reads rank-1 at the largest size as for any identification run; fields in {@code docs/run-directory.md},
 * "MegaFace Challenge 1".
 */
final class MegafaceReport {
    static final String CMC = "tables/cmc.csv";
    static final String RANK_VS_DISTRACTORS = "tables/rank-vs-distractors.csv";
    static final String TAR_AT_FAR = "tables/tar-at-far.csv";
    static final List<String> TABLES = List.of(CMC, RANK_VS_DISTRACTORS, TAR_AT_FAR, FailureToEnrol.TABLE,
            Failures.TABLE);
    static final String RANK_FIGURE = "rank-vs-distractors";
    static final String CMC_FIGURE = "cmc";
    private static final String IDENTITY_GALLERY = "F";

    private MegafaceReport() {
    }

    /** One distractor set's numbers. */
    private record SizeResults(SearchData.Gallery gallery, long probes, long failedSearches,
                               MegafaceChallenge.Result result) {
    }

    static RenderedReport render(Path runDir, RunJson run) throws IOException {
        IdentificationRunSettings settings = IdentificationRunSettings.of(run);
        IdentificationEvaluation evaluation = (IdentificationEvaluation) run.evaluation();
        TemplateTable templates = TemplateTable.read(runDir.resolve(TemplatesCsv.FILE), settings.groupColumns());
        // An identity's gallery is searched for all of its images, which may be more than K.
        SearchData searches = SearchData.read(runDir, templates, Integer.MAX_VALUE - 1);
        int k = settings.candidateListLength();

        // Genuine pairs, from the identities' own galleries: each probe's scores of its identity's other images.
        Map<Integer, Integer> probeIndex = new HashMap<>();
        List<int[]> pairProbe = new ArrayList<>();
        List<double[]> pairScores = new ArrayList<>();
        int identities = 0;
        for (SearchData.Gallery gallery : searches.galleries()) {
            if (!gallery.id().startsWith(IDENTITY_GALLERY)) {
                continue;
            }
            identities++;
            List<SearchData.Search> rows = searches.searches(gallery.index());
            for (SearchData.Search search : rows) {
                int probe = probeIndex.computeIfAbsent(search.probe().index(), x -> probeIndex.size());
                int others = rows.size() - 1;
                double[] scores = new double[others];
                java.util.Arrays.fill(scores, Double.NaN);
                if (search.status().equals("ok")) {
                    int j = 0;
                    for (int rank = 1; rank <= search.candidateScores().length && j < others; rank++) {
                        if (rank != search.selfRank()) {
                            scores[j++] = search.candidateScores()[rank - 1];
                        }
                    }
                }
                pairProbe.add(new int[] {probe});
                pairScores.add(scores);
            }
        }
        List<MegafaceChallenge.GenuinePair> pairs = new ArrayList<>();
        for (int i = 0; i < pairProbe.size(); i++) {
            for (double score : pairScores.get(i)) {
                pairs.add(new MegafaceChallenge.GenuinePair(pairProbe.get(i)[0], score));
            }
        }

        List<SizeResults> sizes = new ArrayList<>();
        for (SearchData.Gallery gallery : searches.galleries()) {
            if (gallery.id().startsWith(IDENTITY_GALLERY)) {
                continue;
            }
            MegafaceChallenge.DistractorSearch[] byProbe = new MegafaceChallenge.DistractorSearch[probeIndex.size()];
            java.util.Arrays.fill(byProbe, MegafaceChallenge.DistractorSearch.failed());
            long failed = 0;
            for (SearchData.Search search : searches.searches(gallery.index())) {
                Integer probe = probeIndex.get(search.probe().index());
                if (probe == null) {
                    continue;   // a probe of an identity with one image: no pair to rank
                }
                if (search.status().equals("ok")) {
                    byProbe[probe] = new MegafaceChallenge.DistractorSearch(true, search.candidateScores(),
                            search.candidateScores().length >= k && gallery.enrolledTemplates() > k);
                } else {
                    failed++;
                }
            }
            sizes.add(new SizeResults(gallery, byProbe.length, failed, MegafaceChallenge.measure(k,
                    gallery.distractorSubjects(), List.of(byProbe), pairs, evaluation.farTargets())));
        }

        List<String> roles = FailureToEnrol.rolesPresent(templates.templates());
        Map<String, Proportion> fte = FailureToEnrol.byRole(templates.templates(), roles);
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put(FailureKey.GALLERY, (long) searches.galleries().size());
        totals.put(FailureKey.MATED, searches.galleries().stream().mapToLong(g -> searches.searches(g.index()).stream()
                .filter(SearchData.Search::mated).count()).sum());
        totals.put(FailureKey.NON_MATED, searches.galleries().stream().mapToLong(g -> searches.searches(g.index())
                .stream().filter(s -> !s.mated()).count()).sum());
        List<Failures.Count> failures = Failures.count(templates.templates(), searches.failures(), totals);

        Map<String, byte[]> tables = new LinkedHashMap<>();
        tables.put(CMC, cmcTable(sizes, k));
        tables.put(RANK_VS_DISTRACTORS, rankTable(sizes, settings.ranks()));
        tables.put(TAR_AT_FAR, tarTable(sizes));
        tables.put(FailureToEnrol.TABLE, FailureToEnrol.table(fte, List.of()));
        tables.put(Failures.TABLE, Failures.table(failures));
        List<Figure> figures = List.of(rankFigure(settings, sizes), cmcFigure(settings, sizes, k));
        byte[] metrics = json(settings, sizes, identities, probeIndex.size(), pairs.size(), fte, failures, figures, k);
        return RenderedReport.of(tables, figures, metrics, headline(settings, sizes, identities, pairs.size(), fte,
                runDir));
    }

    private static byte[] json(IdentificationRunSettings settings, List<SizeResults> sizes, int identities, int probes,
                               long pairs, Map<String, Proportion> fte, List<Failures.Count> failures,
                               List<Figure> figures, int k) {
        ObjectNode root = MetricsJson.header(settings.header().runId(), settings.header().system(),
                RunHeader.IDENTIFICATION, IdentificationRunSettings.FAILURE_POLICY);
        root.put("design", IdentificationEvaluation.MEGAFACE_C1);
        root.put("candidate_list_length", k);
        root.put("identities", identities);
        root.put("probes", probes);
        root.put("genuine_pairs", pairs);
        root.set("failure_to_enrol", FailureToEnrol.json(fte));
        ArrayNode galleries = root.putArray("galleries");
        for (SizeResults size : sizes) {
            ObjectNode node = galleries.addObject();
            node.put("gallery_id", size.gallery().id());
            node.put("distractor_subjects", size.gallery().distractorSubjects());
            node.put("enrolled_templates", size.gallery().enrolledTemplates());
            node.put("status", size.gallery().failed() ? "failed" : "ok");
            node.put("failure_code", size.gallery().failureCode());
            node.put("probes", size.probes());
            node.put("failed_searches", size.failedSearches());
            ArrayNode cmc = node.putArray("cmc");
            for (int rank = 1; rank <= k; rank++) {
                ObjectNode r = cmc.addObject();
                r.put("rank", rank);
                MetricsJson.proportion(r, "hits", "mated_searches", "identification_rate",
                        new Proportion(size.result().hitsWithin()[rank], size.result().pairs()));
            }
            ArrayNode tar = node.putArray("tar_operating_points");
            for (MegafaceChallenge.TarPoint point : size.result().tar()) {
                ObjectNode p = tar.addObject();
                MetricsJson.number(p, "far_target", point.farTarget());
                p.put("supported", point.supported());
                p.put("min_impostor_comparisons", point.minimumImpostors());
                p.put("threshold_origin", point.thresholdOrigin());
                if (point.threshold() == null) {
                    p.putNull("threshold");
                } else {
                    MetricsJson.number(p, "threshold", point.threshold());
                }
                MetricsJson.proportion(p, "accepted_genuine_pairs", "genuine_pairs", "tar", point.threshold() == null
                        ? new Proportion(0, 0) : new Proportion(point.acceptedGenuinePairs(), point.genuinePairs()));
                MetricsJson.proportion(p, "false_accepts", "impostor_comparisons", "far", point.threshold() == null
                        ? new Proportion(0, 0) : new Proportion(point.falseAccepts(), point.impostorComparisons()));
                if (point.threshold() == null) {
                    p.put("genuine_pairs", point.genuinePairs());
                    p.put("impostor_comparisons", point.impostorComparisons());
                }
            }
        }
        Failures.json(root, failures);
        return MetricsJson.finish(root, TABLES, figures);
    }

    private static byte[] cmcTable(List<SizeResults> sizes, int k) {
        List<List<String>> rows = new ArrayList<>();
        for (SizeResults size : sizes) {
            for (int rank = 1; rank <= k; rank++) {
                List<String> row = new ArrayList<>(List.of(size.gallery().id(),
                        Long.toString(size.gallery().distractorSubjects()), Integer.toString(rank)));
                row.addAll(CsvTables.proportionCells(new Proportion(size.result().hitsWithin()[rank],
                        size.result().pairs())));
                rows.add(row);
            }
        }
        return CsvTables.csv(List.of("gallery_id", "distractors", "rank", "hits", "pairs", "identification_rate",
                "ci95_lower", "ci95_upper", "wilson95_lower", "wilson95_upper", "upper95"), rows);
    }

    private static byte[] rankTable(List<SizeResults> sizes, List<Integer> ranks) {
        List<List<String>> rows = new ArrayList<>();
        for (int rank : ranks) {
            for (SizeResults size : sizes) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(rank),
                        Long.toString(size.gallery().distractorSubjects()), size.gallery().id()));
                row.addAll(CsvTables.proportionCells(new Proportion(size.result().hitsWithin()[rank],
                        size.result().pairs())));
                rows.add(row);
            }
        }
        return CsvTables.csv(List.of("rank", "distractors", "gallery_id", "hits", "pairs", "identification_rate",
                "ci95_lower", "ci95_upper", "wilson95_lower", "wilson95_upper", "upper95"), rows);
    }

    private static byte[] tarTable(List<SizeResults> sizes) {
        List<List<String>> rows = new ArrayList<>();
        for (SizeResults size : sizes) {
            for (MegafaceChallenge.TarPoint point : size.result().tar()) {
                List<String> row = new ArrayList<>(List.of(size.gallery().id(),
                        Long.toString(size.gallery().distractorSubjects()), Numbers.exact(point.farTarget()),
                        Boolean.toString(point.supported()), Long.toString(point.minimumImpostors()),
                        point.thresholdOrigin(), point.threshold() == null ? "" : Numbers.exact(point.threshold())));
                row.addAll(CsvTables.proportionCells(point.threshold() == null ? new Proportion(0, 0)
                        : new Proportion(point.acceptedGenuinePairs(), point.genuinePairs())));
                row.add(Long.toString(point.falseAccepts()));
                row.add(Long.toString(point.impostorComparisons()));
                rows.add(row);
            }
        }
        return CsvTables.csv(List.of("gallery_id", "distractors", "far_target", "supported", "min_impostor_comparisons",
                "threshold_origin", "threshold", "accepted_genuine_pairs", "genuine_pairs", "tar", "ci95_lower",
                "ci95_upper", "wilson95_lower", "wilson95_upper", "upper95", "false_accepts", "impostor_comparisons"),
                rows);
    }

    private static Figure rankFigure(IdentificationRunSettings settings, List<SizeResults> sizes) {
        XYChart chart = Charts.chart("MegaFace Challenge 1: " + Charts.systemName(settings.header().system()),
                "Distractors (log scale)", "Identification rate");
        chart.getStyler().setXAxisLogarithmic(true).setXAxisLogarithmicDecadeOnly(true)
                .setXAxisDecimalPattern(Charts.LOG_AXIS_PATTERN)
                .setYAxisMin(0.0).setYAxisMax(1.0).setYAxisDecimalPattern(Charts.RATE_PATTERN);
        Charts.legendBelow(chart);
        List<String> notes = new ArrayList<>();
        int colour = 0;
        for (int rank : settings.ranks()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (SizeResults size : sizes) {
                Double rate = size.result().identificationRate(rank);
                if (rate != null && size.gallery().distractorSubjects() > 0) {
                    x.add((double) size.gallery().distractorSubjects());
                    y.add(rate);
                }
            }
            if (!x.isEmpty()) {
                Charts.lineSeries(chart, "rank-" + rank, x, y, Charts.colour(colour++));
            } else {
                notes.add("rank-" + rank + ": no pair to measure, not drawn.");
            }
        }
        return Charts.figure(RANK_FIGURE, chart, "Rank-k identification rate over every ordered pair of a FaceScrub"
                + " identity's images as the distractor set grows (log10 axis), as MegaFace Challenge 1 plots it.",
                notes);
    }

    private static Figure cmcFigure(IdentificationRunSettings settings, List<SizeResults> sizes, int k) {
        XYChart chart = Charts.chart("CMC per distractor set: " + Charts.systemName(settings.header().system()),
                "Rank", "Identification rate");
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setYAxisDecimalPattern(Charts.RATE_PATTERN);
        Charts.legendBelow(chart);
        int colour = 0;
        for (SizeResults size : sizes) {
            if (size.result().pairs() == 0) {
                continue;
            }
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int rank = 1; rank <= k; rank++) {
                x.add((double) rank);
                y.add(size.result().identificationRate(rank));
            }
            Charts.lineSeries(chart, String.format(java.util.Locale.ROOT, "%,d distractors",
                    size.gallery().distractorSubjects()), x, y, Charts.colour(colour++));
        }
        return Charts.figure(CMC_FIGURE, chart, "Identification rate at rank 1 .. " + k + ", one curve per"
                + " distractor set.", List.of());
    }

    private static List<String> headline(IdentificationRunSettings settings, List<SizeResults> sizes, int identities,
                                         long pairs, Map<String, Proportion> fte, Path runDir) {
        List<String> lines = new ArrayList<>();
        if (sizes.isEmpty()) {
            lines.add("no distractor gallery: galleries.csv has none");
            return lines;
        }
        SizeResults largest = sizes.get(sizes.size() - 1);
        lines.add(String.format(java.util.Locale.ROOT, "MegaFace Challenge 1: %d identities, %,d genuine pairs;"
                + " rank-1 at %,d distractors: %s", identities, pairs, largest.gallery().distractorSubjects(),
                Numbers.percent(new Proportion(largest.result().hitsWithin()[1], largest.result().pairs()))));
        for (SizeResults size : sizes) {
            List<String> parts = new ArrayList<>();
            for (int rank : settings.ranks()) {
                parts.add("rank-" + rank + " " + Numbers.percent(new Proportion(size.result().hitsWithin()[rank],
                        size.result().pairs())));
            }
            for (MegafaceChallenge.TarPoint point : size.result().tar()) {
                String at = "TAR@FAR " + Numbers.readable(point.farTarget()) + " ";
                if (!point.supported()) {
                    parts.add(at + "unsupported (" + point.impostorComparisons() + " impostor comparisons, "
                            + point.minimumImpostors() + " needed)");
                } else if (point.threshold() == null) {
                    parts.add(at + point.thresholdOrigin());
                } else {
                    parts.add(at + Numbers.percent(new Proportion(point.acceptedGenuinePairs(), point.genuinePairs()))
                            + " at " + Numbers.exact(point.threshold()));
                }
            }
            lines.add(String.format(java.util.Locale.ROOT, "  %,d distractors: %s", size.gallery().distractorSubjects(),
                    String.join("; ", parts)));
        }
        lines.add(FailureToEnrol.headline(fte));
        lines.add("rank vs distractors: " + runDir.resolve("figures/" + RANK_FIGURE + ".svg").toAbsolutePath());
        return lines;
    }
}
