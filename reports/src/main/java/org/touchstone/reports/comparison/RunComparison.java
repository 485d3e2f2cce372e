package org.touchstone.reports.comparison;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.knowm.xchart.XYChart;
import org.touchstone.reports.card.ComparisonCard;
import org.touchstone.reports.rendering.Charts;
import org.touchstone.reports.rendering.CsvTables;
import org.touchstone.reports.rendering.Figure;
import org.touchstone.reports.rendering.Numbers;
import org.touchstone.reports.stats.PairedOutcomes;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.reports.stats.TestResult;
import org.touchstone.runformat.columns.AnalysesCsv;
import org.touchstone.runformat.columns.CandidatesCsv;
import org.touchstone.runformat.columns.Cells;
import org.touchstone.runformat.columns.Column;
import org.touchstone.runformat.columns.ComparisonsCsv;
import org.touchstone.runformat.columns.TemplatesCsv;
import org.touchstone.runformat.store.ComparisonStore;
import org.touchstone.runformat.store.ComparisonStoreReader;
import org.touchstone.runformat.columns.EstimatesCsv;
import org.touchstone.runformat.columns.SearchesCsv;
import org.touchstone.runformat.columns.TemplatesCsv;
import org.touchstone.runformat.runjson.AnalysisEvaluation;
import org.touchstone.runformat.runjson.IdentificationEvaluation;
import org.touchstone.runformat.runjson.RunJson;
import org.touchstone.runformat.runjson.RunJsonFile;
import org.touchstone.runformat.runjson.RunStatus;
import org.touchstone.runformat.runjson.VerificationEvaluation;

/**
 * Compares several systems run on the same protocol version and dataset: a leaderboard ranked by the
 * protocol's headline operating point with intervals, overlaid DET or CMC curves, and McNemar tests
 * between every two systems on the very same trials. Runs on different protocols, protocol versions or
 * datasets are refused, because their numbers do not measure the same thing.
 *
 * <p>Headline operating points: verification, FNMR at the smallest FMR target every run supports (each
 * system at its own threshold for that target); identification, the rank-1 rate in the largest gallery;
 * analysis, per attribute, accuracy at the protocol's first confidence threshold. The paired tests count,
 * per trial, which system erred: genuine and impostor comparisons, mated searches, analysed images.
 */
public final class RunComparison {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    /** A cell of a raw file's row, by its column. */
    private static String cell(CSVRecord row, Column column) {
        return row.get(column.header());
    }

    /** File names written into the output folder. */
    static final String LEADERBOARD = "tables/leaderboard.csv";
    static final String PAIRED_TESTS = "tables/paired-tests.csv";
    static final String FILE = "comparison.json";

    private RunComparison() {
    }

    /** The runs cannot be compared; the message says why. */
    public static final class IncompatibleRunsException extends Exception {
        private static final long serialVersionUID = 1L;

        IncompatibleRunsException(String message) {
            super(message);
        }
    }

    /**
     * What a comparison produced.
     *
     * @param headline lines for the terminal: the leaderboard and the significant differences
     * @param written  files written
     */
    public record Result(List<String> headline, List<Path> written) {
    }

    /** One run as the comparison sees it. */
    private record Run(Path dir, RunJson run, JsonNode metrics, String label) {
        String capability() {
            return run.evaluation().capability();
        }

        String protocol() {
            return run.protocol() == null ? "" : run.protocol().id() + "@" + run.protocol().version();
        }
    }

    /** One row of the leaderboard: a system's headline rate (lower is better when {@code lowerIsBetter}). */
    private record Entry(Run run, String measure, double threshold, Proportion rate, boolean lowerIsBetter,
                         String context) {
    }

    /** Per trial, whether a run erred: the same trials, in the same order, for every run. */
    private record Trials(String kind, String measure, List<BitSet> errors, int count) {
    }

    /**
     * @param runDirs two or more completed run directories
     * @param outDir  the folder to write the comparison into
     * @return the headline and the files written
     * @throws IncompatibleRunsException when the runs did not measure the same thing
     * @throws IOException               when a file cannot be read or written
     */
    public static Result compare(List<Path> runDirs, Path outDir) throws IncompatibleRunsException, IOException {
        if (runDirs.size() < 2) {
            throw new IncompatibleRunsException("compare needs at least two run directories, got " + runDirs.size());
        }
        List<Run> runs = new ArrayList<>();
        for (Path dir : runDirs) {
            RunJson run = RunJsonFile.read(dir.resolve(RunJsonFile.NAME)).run();
            if (run.status() != RunStatus.COMPLETE) {
                throw new IncompatibleRunsException(dir + ": the run is not complete (status '"
                        + (run.status() == null ? "" : run.status().text()) + "')");
            }
            runs.add(new Run(dir, run, JSON.readTree(dir.resolve("metrics.json").toFile()),
                    run.system().name() + " " + run.system().version() + " (" + dir.getFileName() + ")"));
        }
        requireSame(runs, "protocol", Run::protocol);
        requireSame(runs, "protocol text (SHA-256)", r -> r.run().protocol() == null ? ""
                : Objects.toString(r.run().protocol().sha256(), ""));
        requireSame(runs, "dataset (manifest SHA-256)", r -> r.run().dataset() == null ? ""
                : Objects.toString(r.run().dataset().sha256(), ""));

        List<Entry> board = new ArrayList<>();
        List<Trials> trials = new ArrayList<>();
        Figure overlay;
        switch (runs.get(0).capability()) {
            case VerificationEvaluation.CAPABILITY -> overlay = verification(runs, board, trials);
            case IdentificationEvaluation.CAPABILITY -> overlay = identification(runs, board, trials);
            case AnalysisEvaluation.CAPABILITY -> overlay = null;
            default -> throw new IncompatibleRunsException("unknown capability '" + runs.get(0).capability() + "'");
        }
        if (runs.get(0).capability().equals(AnalysisEvaluation.CAPABILITY)) {
            analysis(runs, board, trials);
        }
        return write(runs, board, trials, overlay, outDir);
    }

    private static void requireSame(List<Run> runs, String what, java.util.function.Function<Run, String> key)
            throws IncompatibleRunsException {
        String first = key.apply(runs.get(0));
        for (Run r : runs.subList(1, runs.size())) {
            String other = key.apply(r);
            if (!other.equals(first)) {
                throw new IncompatibleRunsException("refused: the runs differ in " + what + ": " + runs.get(0).dir()
                        + " has " + first + ", " + r.dir() + " has " + other
                        + "; only runs of one protocol version on one dataset measure the same thing");
            }
        }
    }

    // ---- verification ------------------------------------------------------------------------------

    private static Figure verification(List<Run> runs, List<Entry> board, List<Trials> trials)
            throws IOException {
        double target = headlineFmrTarget(runs);
        double[] thresholds = new double[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            JsonNode point = point(runs.get(i).metrics().path("fmr_operating_points"), "fmr_target", target);
            thresholds[i] = point.path("threshold").asDouble(Double.NaN);
            board.add(new Entry(runs.get(i), "FNMR at FMR " + Numbers.readable(target), thresholds[i],
                    new Proportion(point.path("false_non_matches").asLong(), point.path("genuine_comparisons").asLong()),
                    true, "FMR " + Numbers.percent(new Proportion(point.path("false_matches").asLong(),
                    point.path("impostor_comparisons").asLong()))));
        }
        List<BitSet> genuine = new ArrayList<>();
        List<BitSet> impostor = new ArrayList<>();
        int[] counts = new int[2];
        List<String> firstKeys = null;
        for (int i = 0; i < runs.size(); i++) {
            BitSet g = new BitSet();
            BitSet m = new BitSet();
            List<String> keys = new ArrayList<>();
            int gi = 0;
            int mi = 0;
            Path store = runs.get(i).dir().resolve(ComparisonStore.FILE);
            if (Files.isRegularFile(store)) {
                // Run format 2: templates by their row in templates.csv, whose subjects say which pairs are mated.
                List<String> ids = new ArrayList<>();
                List<String> subjects = new ArrayList<>();
                try (Reader in = Files.newBufferedReader(runs.get(i).dir().resolve(TemplatesCsv.FILE),
                        StandardCharsets.UTF_8);
                     CSVParser parser = CSV.parse(in)) {
                    for (CSVRecord r : parser) {
                        ids.add(cell(r, TemplatesCsv.TEMPLATE_ID));
                        subjects.add(cell(r, TemplatesCsv.SUBJECT_ID));
                    }
                }
                try (ComparisonStoreReader reader = ComparisonStoreReader.open(store)) {
                    while (reader.nextBatch()) {
                        for (int r = 0; r < reader.rows(); r++) {
                            int enrolment = reader.enrolment(r);
                            int probe = reader.probe(r);
                            if (enrolment < 0 || enrolment >= ids.size() || probe < 0 || probe >= ids.size()) {
                                throw reader.error(r, ComparisonStore.ENROLMENT_TEMPLATE,
                                        "a template row that templates.csv does not have");
                            }
                            keys.add(ids.get(enrolment) + "/" + ids.get(probe));
                            boolean matched = reader.status(r) == ComparisonsCsv.Status.OK && reader.hasScore(r)
                                    && reader.score(r) >= thresholds[i];
                            if (subjects.get(enrolment).equals(subjects.get(probe))) {
                                g.set(gi++, !matched);
                            } else {
                                m.set(mi++, matched);
                            }
                        }
                    }
                }
            } else try (Reader in = Files.newBufferedReader(runs.get(i).dir().resolve(ComparisonsCsv.FILE),
                    StandardCharsets.UTF_8);
                 CSVParser parser = CSV.parse(in)) {
                for (CSVRecord r : parser) {
                    keys.add(cell(r, ComparisonsCsv.ENROLMENT_TEMPLATE) + "/" + cell(r, ComparisonsCsv.PROBE_TEMPLATE));
                    boolean matched = cell(r, ComparisonsCsv.STATUS).equals(ComparisonsCsv.Status.OK.text())
                            && Double.parseDouble(cell(r, ComparisonsCsv.SCORE)) >= thresholds[i];
                    if (cell(r, ComparisonsCsv.MATED).equals(Cells.TRUE)) {
                        g.set(gi++, !matched);
                    } else {
                        m.set(mi++, matched);
                    }
                }
            }
            if (firstKeys == null) {
                firstKeys = keys;
            } else if (!firstKeys.equals(keys)) {
                throw new IOException(runs.get(i).dir() + ": its comparisons' pairs are not those of "
                        + runs.get(0).dir() + ", although protocol and dataset are the same");
            }
            genuine.add(g);
            impostor.add(m);
            counts[0] = gi;
            counts[1] = mi;
        }
        String at = " at each system's FMR " + Numbers.readable(target) + " threshold";
        trials.add(new Trials("genuine comparisons", "false non-match" + at, genuine, counts[0]));
        trials.add(new Trials("impostor comparisons", "false match" + at, impostor, counts[1]));

        XYChart chart = Charts.chart("DET curves: " + runs.size() + " systems on "
                        + runs.get(0).run().protocol().id(),
                "False match rate (FMR), log scale", "False non-match rate (FNMR), log scale");
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true)
                .setXAxisDecimalPattern("0.######").setYAxisDecimalPattern("0.######");
        for (int i = 0; i < runs.size(); i++) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            try (Reader in = Files.newBufferedReader(runs.get(i).dir().resolve("tables/det.csv"), StandardCharsets.UTF_8);
                 CSVParser parser = CSV.parse(in)) {
                for (CSVRecord r : parser) {
                    double fmr = Double.parseDouble(r.get("fmr"));
                    double fnmr = Double.parseDouble(r.get("fnmr"));
                    if (fmr > 0 && fnmr > 0) {
                        x.add(fmr);
                        y.add(fnmr);
                    }
                }
            }
            if (!x.isEmpty()) {
                Charts.lineSeries(chart, runs.get(i).label(), x, y, Charts.colour(i));
            }
        }
        return Charts.figure("det-overlay", chart, "DET curves of every system, from each run's tables/det.csv;"
                + " lower is better", List.of("points with a zero rate cannot be drawn on log axes and are left out"));
    }

    /** The smallest FMR target every run supports; the largest target when none is supported by all. */
    private static double headlineFmrTarget(List<Run> runs) {
        JsonNode points = runs.get(0).metrics().path("fmr_operating_points");
        double best = points.path(0).path("fmr_target").asDouble();
        for (JsonNode p : points) {
            double target = p.path("fmr_target").asDouble();
            boolean everywhere = runs.stream().allMatch(r -> point(r.metrics().path("fmr_operating_points"), "fmr_target",
                    target).path("supported").asBoolean(false));
            if (everywhere) {
                best = Math.min(best, target);
            }
        }
        return best;
    }

    private static JsonNode point(JsonNode points, String field, double value) {
        for (JsonNode p : points) {
            if (p.path(field).asDouble() == value) {
                return p;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    // ---- identification ----------------------------------------------------------------------------

    private static Figure identification(List<Run> runs, List<Entry> board, List<Trials> trials)
            throws IOException {
        XYChart chart = Charts.chart("CMC: " + runs.size() + " systems, largest gallery",
                "Rank", "Identification rate (mated searches with the mate at or above the rank)");
        List<BitSet> misses = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < runs.size(); i++) {
            JsonNode galleries = runs.get(i).metrics().path("galleries");
            JsonNode largest = galleries.path(galleries.size() - 1);
            JsonNode rank1 = largest.path("cmc").path(0);
            board.add(new Entry(runs.get(i), "rank-1 identification rate", Double.NEGATIVE_INFINITY,
                    new Proportion(rank1.path("hits").asLong(), rank1.path("mated_searches").asLong()), false,
                    "gallery " + largest.path("gallery_id").asText() + ", N = "
                            + largest.path("enrolled_templates").asText()));
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (JsonNode k : largest.path("cmc")) {
                x.add(k.path("rank").asDouble());
                y.add(k.path("identification_rate").asDouble());
            }
            Charts.lineSeries(chart, runs.get(i).label(), x, y, Charts.colour(i));
            BitSet missed = rankOneMisses(runs.get(i).dir(), largest.path("gallery_id").asText());
            misses.add(missed);
            count = (int) matedSearches(runs.get(i).dir(), largest.path("gallery_id").asText());
        }
        trials.add(new Trials("mated searches", "mate not at rank 1 in the largest gallery", misses, count));
        return Charts.figure("cmc-overlay", chart, "CMC of every system in the largest gallery; higher is better",
                List.of());
    }

    private static long matedSearches(Path dir, String gallery) throws IOException {
        long n = 0;
        try (Reader in = Files.newBufferedReader(dir.resolve(SearchesCsv.FILE), StandardCharsets.UTF_8);
             CSVParser parser = CSV.parse(in)) {
            for (CSVRecord r : parser) {
                if (cell(r, SearchesCsv.GALLERY_ID).equals(gallery) && cell(r, SearchesCsv.MATED).equals(Cells.TRUE)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Per mated search of a gallery, in order: true when the rank-1 candidate is not the probe's mate. */
    private static BitSet rankOneMisses(Path dir, String gallery) throws IOException {
        Map<String, String> subjectOf = new HashMap<>();
        try (Reader in = Files.newBufferedReader(dir.resolve(TemplatesCsv.FILE), StandardCharsets.UTF_8);
             CSVParser parser = CSV.parse(in)) {
            for (CSVRecord r : parser) {
                subjectOf.put(cell(r, TemplatesCsv.TEMPLATE_ID), cell(r, TemplatesCsv.SUBJECT_ID));
            }
        }
        Map<String, String> first = new HashMap<>();
        try (Reader in = Files.newBufferedReader(dir.resolve(CandidatesCsv.FILE), StandardCharsets.UTF_8);
             CSVParser parser = CSV.parse(in)) {
            for (CSVRecord r : parser) {
                if (cell(r, CandidatesCsv.GALLERY_ID).equals(gallery) && cell(r, CandidatesCsv.RANK).equals("1")) {
                    first.put(cell(r, CandidatesCsv.PROBE_TEMPLATE),
                            subjectOf.get(cell(r, CandidatesCsv.CANDIDATE_TEMPLATE)));
                }
            }
        }
        BitSet missed = new BitSet();
        int i = 0;
        try (Reader in = Files.newBufferedReader(dir.resolve(SearchesCsv.FILE), StandardCharsets.UTF_8);
             CSVParser parser = CSV.parse(in)) {
            for (CSVRecord r : parser) {
                if (cell(r, SearchesCsv.GALLERY_ID).equals(gallery) && cell(r, SearchesCsv.MATED).equals(Cells.TRUE)) {
                    missed.set(i++, !cell(r, SearchesCsv.PROBE_SUBJECT)
                            .equals(first.get(cell(r, SearchesCsv.PROBE_TEMPLATE))));
                }
            }
        }
        return missed;
    }

    // ---- analysis ----------------------------------------------------------------------------------

    private static void analysis(List<Run> runs, List<Entry> board, List<Trials> trials) throws IOException {
        for (JsonNode attribute : runs.get(0).metrics().path("attributes")) {
            if (!attribute.path("kind").asText().equals("categorical")) {
                continue;
            }
            String name = attribute.path("attribute").asText();
            List<Double> confidences = ((AnalysisEvaluation) runs.get(0).run().evaluation()).confidenceThresholds();
            double threshold = confidences.isEmpty() ? 0 : confidences.get(0);
            List<BitSet> wrong = new ArrayList<>();
            int count = 0;
            for (Run r : runs) {
                JsonNode mine = null;
                for (JsonNode a : r.metrics().path("attributes")) {
                    if (a.path("attribute").asText().equals(name)) {
                        mine = a;
                    }
                }
                if (mine == null) {
                    continue;
                }
                JsonNode p = point(mine.path("operating_points"), "confidence_threshold", threshold);
                board.add(new Entry(r, name + " accuracy at confidence " + threshold, threshold,
                        new Proportion(p.path("correct").asLong(), p.path("decided").asLong()), false,
                        "coverage " + Numbers.percent(new Proportion(p.path("decided").asLong(),
                                p.path("images").asLong()))));
                BitSet w = new BitSet();
                count = imageErrors(r.dir(), name, threshold, w);
                wrong.add(w);
            }
            if (wrong.size() == runs.size()) {
                trials.add(new Trials("images (" + name + ")", "not a right answer at confidence " + threshold
                        + " (undecided counts as not right)", wrong, count));
            }
        }
    }

    /** Per image with a known truth, in order: whether the run failed to give the right label. */
    private static int imageErrors(Path dir, String attribute, double threshold, BitSet wrong) throws IOException {
        Map<String, String[]> estimate = new HashMap<>();
        try (Reader in = Files.newBufferedReader(dir.resolve(EstimatesCsv.FILE), StandardCharsets.UTF_8);
             CSVParser parser = CSV.parse(in)) {
            for (CSVRecord r : parser) {
                if (cell(r, EstimatesCsv.ATTRIBUTE).equals(attribute)) {
                    estimate.put(cell(r, EstimatesCsv.SAMPLE_ID), new String[] {cell(r, EstimatesCsv.LABEL),
                        cell(r, EstimatesCsv.CONFIDENCE)});
                }
            }
        }
        int i = 0;
        try (Reader in = Files.newBufferedReader(dir.resolve(AnalysesCsv.FILE), StandardCharsets.UTF_8);
             CSVParser parser = CSV.parse(in)) {
            for (CSVRecord r : parser) {
                String truth = r.get(AnalysesCsv.LABEL.member(attribute));
                if (truth.isEmpty()) {
                    continue;
                }
                String[] e = estimate.get(cell(r, AnalysesCsv.SAMPLE_ID));
                boolean right = e != null && Double.parseDouble(e[1]) >= threshold && e[0].equals(truth);
                wrong.set(i++, !right);
            }
        }
        return i;
    }

    // ---- output ------------------------------------------------------------------------------------

    private static Result write(List<Run> runs, List<Entry> board, List<Trials> trials, Figure overlay,
                                Path outDir) throws IOException {
        Map<String, List<Entry>> byMeasure = new LinkedHashMap<>();
        board.forEach(e -> byMeasure.computeIfAbsent(e.measure(), m -> new ArrayList<>()).add(e));
        List<List<String>> boardRows = new ArrayList<>();
        List<String> headline = new ArrayList<>();
        ObjectNode json = JSON.createObjectNode();
        json.put("format", "touchstone-comparison/1");
        json.put("protocol", runs.get(0).protocol());
        json.put("dataset_sha256", runs.get(0).run().dataset() == null ? ""
                : Objects.toString(runs.get(0).run().dataset().sha256(), ""));
        ArrayNode runNodes = json.putArray("runs");
        runs.forEach(r -> runNodes.addObject().put("run_dir", r.dir().getFileName().toString())
                .put("run_id", Objects.toString(r.run().runId(), "")).put("system", r.label()));
        ArrayNode leaderboard = json.putArray("leaderboard");
        for (Map.Entry<String, List<Entry>> m : byMeasure.entrySet()) {
            List<Entry> ranked = new ArrayList<>(m.getValue());
            Comparator<Entry> byRate = Comparator.comparingDouble(e -> e.rate().rate());
            ranked.sort(ranked.get(0).lowerIsBetter() ? byRate : byRate.reversed());
            headline.add(m.getKey() + ":");
            for (int i = 0; i < ranked.size(); i++) {
                Entry e = ranked.get(i);
                var ci = e.rate().ci95();
                boardRows.add(List.of(m.getKey(), String.valueOf(i + 1), e.run().label(), Numbers.exact(e.threshold()),
                        String.valueOf(e.rate().events()), String.valueOf(e.rate().trials()), Numbers.exact(e.rate().rate()),
                        Numbers.exact(ci.lower()), Numbers.exact(ci.upper()), e.context()));
                headline.add(String.format(java.util.Locale.ROOT, "  %d. %s: %s [%.3g%%, %.3g%%]; %s", i + 1,
                        e.run().label(), Numbers.percent(e.rate()), ci.lower() * 100, ci.upper() * 100, e.context()));
                leaderboard.addObject().put("measure", m.getKey()).put("rank", i + 1).put("system", e.run().label())
                        .put("threshold", e.threshold()).put("events", e.rate().events()).put("trials", e.rate().trials())
                        .put("rate", e.rate().rate()).put("ci95_lower", ci.lower()).put("ci95_upper", ci.upper())
                        .put("context", e.context());
            }
        }
        List<List<String>> testRows = new ArrayList<>();
        ArrayNode tests = json.putArray("paired_tests");
        for (Trials t : trials) {
            for (int a = 0; a < runs.size(); a++) {
                for (int b = a + 1; b < runs.size(); b++) {
                    PairedOutcomes paired = new PairedOutcomes();
                    for (int i = 0; i < t.count(); i++) {
                        paired.add(t.errors().get(a).get(i), t.errors().get(b).get(i));
                    }
                    TestResult test = paired.mcNemar();
                    testRows.add(List.of(t.kind(), t.measure(), runs.get(a).label(), runs.get(b).label(),
                            String.valueOf(paired.trials()), String.valueOf(paired.firstOnly()),
                            String.valueOf(paired.secondOnly()), test.method(), Numbers.exact(test.statistic()),
                            Numbers.exact(test.pValue())));
                    tests.addObject().put("trials", t.kind()).put("error", t.measure())
                            .put("first", runs.get(a).label()).put("second", runs.get(b).label())
                            .put("n", paired.trials()).put("first_only_erred", paired.firstOnly())
                            .put("second_only_erred", paired.secondOnly()).put("method", test.method())
                            .put("statistic", test.statistic()).put("p_value", test.pValue());
                    headline.add(String.format(java.util.Locale.ROOT, "McNemar on %s: %s erred alone on %d, %s on %d:"
                                    + " p = %s%s", t.kind(), runs.get(a).label(), paired.firstOnly(), runs.get(b).label(),
                            paired.secondOnly(), Numbers.readable(test.pValue()),
                            test.pValue() < 0.05 ? " (significant at 0.05)" : " (no significant difference)"));
                }
            }
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(LEADERBOARD, CsvTables.csv(List.of("measure", "rank", "system", "threshold", "events", "trials", "rate",
                "rate_ci95_lower", "rate_ci95_upper", "context"), boardRows));
        files.put(PAIRED_TESTS, CsvTables.csv(List.of("trials", "error", "first", "second", "n", "first_only_erred",
                "second_only_erred", "method", "statistic", "p_value"), testRows));
        ArrayNode tableNodes = json.putArray("tables");
        tableNodes.add(LEADERBOARD);
        tableNodes.add(PAIRED_TESTS);
        ArrayNode figureNodes = json.putArray("figures");
        if (overlay != null) {
            files.putAll(overlay.files());
            ObjectNode f = figureNodes.addObject().put("name", overlay.name()).put("caption", overlay.caption());
            ArrayNode fileNames = f.putArray("files");
            overlay.files().keySet().forEach(fileNames::add);
            ArrayNode notes = f.putArray("notes");
            overlay.notes().forEach(notes::add);
        }
        files.put(FILE, (JSON.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8));
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = outDir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue());
            written.add(target);
        }
        Path card = outDir.resolve(ComparisonCard.FILE);
        Files.write(card, ComparisonCard.render(outDir));
        written.add(card);
        return new Result(headline, written);
    }
}
