package org.touchstone.reports.verification.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.touchstone.reports.input.FoldData;
import org.touchstone.reports.rendering.CsvTables;
import org.touchstone.reports.rendering.MetricsJson;
import org.touchstone.reports.rendering.Numbers;
import org.touchstone.reports.rendering.RenderedReport;
import org.touchstone.reports.verification.KFoldAccuracy;

/**
 * The k-fold part of a verification report, for runs of protocols with {@code folds} (lfw-view2, cfp-fp,
 * agedb30, ...): the community's number (mean accuracy +- standard error over folds, LFW's procedure,
 * {@link KFoldAccuracy}) beside Touchstone's pooled numbers, which the rest of the report holds. Its own
 * metrics.json block {@value #FIELD}, tables {@value #FOLDS_TABLE} and {@value #ROC_TABLE}, and headline
 * lines, so it stays apart from the rest of the report.
 */
public final class KFoldReport {
    /** The block's field in metrics.json. */
    public static final String FIELD = "kfold";
    /** One row per fold. */
    public static final String FOLDS_TABLE = "tables/kfold-folds.csv";
    /** The fold-averaged ROC. */
    public static final String ROC_TABLE = "tables/kfold-roc.csv";
    /** Per group of each group column: k-fold accuracy at the group's own thresholds and at the global ones. */
    public static final String GROUPS_TABLE = "tables/kfold-groups.csv";

    /** What the numbers are, for metrics.json and the card. */
    public static final String PROCEDURE = "LFW's k-fold procedure: for each fold, the threshold maximising accuracy"
            + " on the other folds' pairs (the lowest such training score; a pair is accepted when scored and its score"
            + " is >= the threshold; a failed pair is never accepted) is applied to the fold; mean accuracy over the"
            + " folds +- the standard error of the mean (sample standard deviation, n - 1, / sqrt(k)); ROC averaged"
            + " over folds at fixed thresholds";

    private KFoldReport() {
    }

    /**
     * How Touchstone's numbers relate to those popular tools print (the reference lists these cases).
     *
     * @param result the k-fold result
     * @return one sentence each
     */
    public static List<String> relationToPeers(KFoldAccuracy.Result result) {
        return List.of(
                String.format(Locale.ROOT, "insightface's and facenet's evaluation scripts print mean +- np.std, the"
                        + " population standard deviation over folds, not the standard error: it equals SE x sqrt(k - 1)"
                        + " (x3 for 10 folds); here %s +- %s", Numbers.percent(result.meanAccuracy()),
                        Numbers.percent(result.populationStdDev())),
                "insightface cuts folds sequentially from a .bin pack's pair order (KFold(10, shuffle=False)); they are"
                        + " the official folds only when the pack keeps the protocol's order (lfw.bin, agedb_30.bin);"
                        + " Touchstone uses the folds of the dataset's pair list (for an insightface-bin import: the"
                        + " same sequential folds, since the pack stores none)",
                "insightface searches the threshold on a grid of distances (0 to 4, step 0.01) and facenet likewise;"
                        + " Touchstone takes the exact training score, so a pair between two grid steps may be"
                        + " classified differently",
                "insightface's VAL@FAR interpolates the threshold at the FAR target (a nearest ROC point); Touchstone's"
                        + " pooled FNMR at an FMR target uses the lowest threshold whose FMR is at most the target");
    }

    /**
     * @param report the verification report
     * @param data   the run's k-fold pairs
     * @return the report with the k-fold block, tables and headline lines (first: it is the benchmark's number)
     */
    public static RenderedReport addTo(RenderedReport report, FoldData data) {
        KFoldAccuracy.Result result = KFoldAccuracy.compute(data.pairs(), data.k());
        Map<String, byte[]> tables = new LinkedHashMap<>();
        tables.put(FOLDS_TABLE, foldsTable(result));
        tables.put(ROC_TABLE, rocTable(result));
        List<GroupResult> groups = groups(result, data);
        if (!groups.isEmpty()) {
            tables.put(GROUPS_TABLE, groupsTable(groups));
        }
        ObjectNode block = json(result, data);
        groupsJson(block, groups);
        RenderedReport extended = report.withSection(FIELD, block, tables);
        List<String> headline = new ArrayList<>(headline(result, data));
        for (GroupResult g : groups) {
            headline.add(String.format(Locale.ROOT, "  %s %s: %s +- %s at its own thresholds, %s +- %s at the global"
                    + " ones (%d pairs)", g.column, g.value, Numbers.percent(g.own.meanAccuracy()),
                    Numbers.percent(g.own.standardError()), Numbers.percent(g.global.meanAccuracy()),
                    Numbers.percent(g.global.standardError()), g.pairs));
        }
        headline.addAll(extended.headline());
        return new RenderedReport(extended.files(), headline);
    }

    /**
     * One group's k-fold accuracy.
     *
     * @param column the group column
     * @param value  the group
     * @param pairs  pairs with both sides in the group
     * @param own    at thresholds chosen on the group's own pairs of the other folds
     * @param global at the thresholds chosen on all pairs of the other folds
     */
    record GroupResult(String column, String value, int pairs, KFoldAccuracy.Result own, KFoldAccuracy.Result global) {
    }

    /** Per group of each column, when every fold has pairs of it (a group too small is left out). */
    static List<GroupResult> groups(KFoldAccuracy.Result all, FoldData data) {
        List<GroupResult> results = new ArrayList<>();
        double[] global = KFoldAccuracy.thresholds(all);
        for (int c = 0; c < data.groupColumns().size(); c++) {
            java.util.TreeMap<String, List<KFoldAccuracy.Pair>> byGroup = new java.util.TreeMap<>();
            for (int i = 0; i < data.pairs().size(); i++) {
                String g = data.groups().get(i)[c];
                if (g != null) {
                    byGroup.computeIfAbsent(g, x -> new ArrayList<>()).add(data.pairs().get(i));
                }
            }
            for (Map.Entry<String, List<KFoldAccuracy.Pair>> e : byGroup.entrySet()) {
                long foldsPresent = e.getValue().stream().mapToInt(KFoldAccuracy.Pair::fold).distinct().count();
                if (foldsPresent < data.k()) {
                    continue;
                }
                results.add(new GroupResult(data.groupColumns().get(c), e.getKey(), e.getValue().size(),
                        KFoldAccuracy.compute(e.getValue(), data.k()),
                        KFoldAccuracy.atThresholds(e.getValue(), data.k(), global)));
            }
        }
        return results;
    }

    private static byte[] groupsTable(List<GroupResult> groups) {
        List<List<String>> rows = new ArrayList<>();
        for (GroupResult g : groups) {
            for (String which : List.of("own", "global")) {
                KFoldAccuracy.Result r = which.equals("own") ? g.own : g.global;
                rows.add(List.of(g.column, g.value, which, Integer.toString(g.pairs), Numbers.exact(r.meanAccuracy()),
                        Numbers.exact(r.standardError()), Numbers.exact(r.populationStdDev())));
            }
        }
        return CsvTables.csv(List.of("group_column", "group", "thresholds", "pairs", "mean_accuracy",
                "standard_error", "population_std_dev"), rows);
    }

    private static void groupsJson(ObjectNode block, List<GroupResult> groups) {
        if (groups.isEmpty()) {
            return;
        }
        ObjectNode byColumn = block.putObject("groups");
        for (GroupResult g : groups) {
            ObjectNode column = byColumn.has(g.column) ? (ObjectNode) byColumn.get(g.column) : byColumn.putObject(g.column);
            ObjectNode group = column.putObject(g.value);
            group.put("pairs", g.pairs);
            for (String which : List.of("own", "global")) {
                KFoldAccuracy.Result r = which.equals("own") ? g.own : g.global;
                ObjectNode node = group.putObject(which + "_thresholds");
                MetricsJson.number(node, "mean_accuracy", r.meanAccuracy());
                MetricsJson.number(node, "standard_error", r.standardError());
                MetricsJson.number(node, "population_std_dev", r.populationStdDev());
                ArrayNode perFold = node.putArray("fold_accuracy");
                r.folds().forEach(f -> perFold.add(f.accuracy()));
            }
        }
        // The spread between groups of each column, as RFW's papers report it (std of the groups' accuracies).
        for (String column : groups.stream().map(GroupResult::column).distinct().toList()) {
            for (String which : List.of("own", "global")) {
                double[] means = groups.stream().filter(g -> g.column.equals(column))
                        .mapToDouble(g -> (which.equals("own") ? g.own : g.global).meanAccuracy()).toArray();
                double mean = java.util.Arrays.stream(means).average().orElse(Double.NaN);
                double sd = Math.sqrt(java.util.Arrays.stream(means).map(m -> (m - mean) * (m - mean)).sum() / means.length);
                ObjectNode spread = ((ObjectNode) byColumn.get(column)).putObject("spread_" + which + "_thresholds");
                MetricsJson.number(spread, "max_minus_min", java.util.Arrays.stream(means).max().orElse(Double.NaN)
                        - java.util.Arrays.stream(means).min().orElse(Double.NaN));
                MetricsJson.number(spread, "population_std_dev_of_group_means", sd);
            }
        }
    }

    /** @return the headline lines */
    static List<String> headline(KFoldAccuracy.Result result, FoldData data) {
        long genuine = data.pairs().stream().filter(KFoldAccuracy.Pair::mated).count();
        long impostor = data.pairs().size() - genuine;
        return List.of(String.format(Locale.ROOT, "%d-fold accuracy (LFW procedure): %s +- %s (standard error of the"
                        + " mean over %d folds; population std over folds, as insightface prints: %s)", result.k(),
                        Numbers.percent(result.meanAccuracy()), Numbers.percent(result.standardError()), result.k(),
                        Numbers.percent(result.populationStdDev())),
                String.format(Locale.ROOT, "pooled: %,d genuine and %,d impostor pairs; FMR below %s is not supported"
                        + " by these pairs (3/impostor pairs)", genuine, impostor, Numbers.readable(3.0 / impostor)));
    }

    private static byte[] foldsTable(KFoldAccuracy.Result result) {
        List<List<String>> rows = new ArrayList<>();
        for (KFoldAccuracy.Fold f : result.folds()) {
            rows.add(List.of(Integer.toString(f.fold()), Long.toString(f.genuine()), Long.toString(f.impostor()),
                    Long.toString(f.failed()), threshold(f.threshold()), Numbers.exact(f.trainingAccuracy()),
                    Long.toString(f.correct()), Numbers.exact(f.accuracy())));
        }
        return CsvTables.csv(List.of("fold", "genuine", "impostor", "failed", "threshold", "training_accuracy",
                "correct", "accuracy"), rows);
    }

    private static byte[] rocTable(KFoldAccuracy.Result result) {
        List<List<String>> rows = new ArrayList<>();
        for (KFoldAccuracy.RocPoint p : result.roc()) {
            rows.add(List.of(Numbers.exact(p.threshold()), Numbers.exact(p.meanFmr()), Numbers.exact(p.meanTmr())));
        }
        return CsvTables.csv(List.of("threshold", "mean_fmr", "mean_tmr"), rows);
    }

    /** A threshold cell: "inf" when the fold accepts nothing. */
    private static String threshold(double t) {
        return Double.isInfinite(t) ? "inf" : Numbers.exact(t);
    }

    private static ObjectNode json(KFoldAccuracy.Result result, FoldData data) {
        ObjectNode node = MetricsJson.NODES.objectNode();
        node.put("procedure", PROCEDURE);
        node.put("folds", result.k());
        node.put("pairs", data.pairs().size());
        MetricsJson.number(node, "mean_accuracy", result.meanAccuracy());
        MetricsJson.number(node, "standard_error", result.standardError());
        MetricsJson.number(node, "sample_std_dev", result.sampleStdDev());
        MetricsJson.number(node, "population_std_dev", result.populationStdDev());
        ArrayNode folds = node.putArray("per_fold");
        for (KFoldAccuracy.Fold f : result.folds()) {
            ObjectNode fold = folds.addObject();
            fold.put("fold", f.fold());
            fold.put("genuine", f.genuine());
            fold.put("impostor", f.impostor());
            fold.put("failed", f.failed());
            if (Double.isInfinite(f.threshold())) {
                fold.put("threshold", "inf");
            } else {
                MetricsJson.number(fold, "threshold", f.threshold());
            }
            MetricsJson.number(fold, "training_accuracy", f.trainingAccuracy());
            fold.put("correct", f.correct());
            MetricsJson.number(fold, "accuracy", f.accuracy());
        }
        node.put("roc_folds", result.rocFolds());
        node.put("roc_table", ROC_TABLE);
        ArrayNode peers = node.putArray("relation_to_peers");
        relationToPeers(result).forEach(peers::add);
        return node;
    }
}
