package org.touchstone.reports.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.touchstone.reports.verification.KFoldAccuracy;
import org.touchstone.runformat.RunDirectoryException;
import org.touchstone.runformat.columns.ComparisonsCsv;
import org.touchstone.runformat.store.ComparisonStore;
import org.touchstone.runformat.store.ComparisonStoreReader;
import org.touchstone.runformat.columns.FoldsCsv;

/**
 * The pairs of a k-fold verification run: {@code folds.csv} joined with {@code comparisons.csv} on
 * {@code (enrolment_template, probe_template)}, in {@code folds.csv} order (the benchmark's own pair order).
 * Held in memory: k-fold benchmarks have thousands of pairs, not millions.
 *
 * @param pairs        every pair with its fold, mated flag and score (NaN when it failed)
 * @param k            the number of folds: the highest fold listed
 * @param groupColumns the run's group columns
 * @param groups       per pair, per group column, the group both its sides are in, or null when they differ or
 *                     either has none
 */
public record FoldData(List<KFoldAccuracy.Pair> pairs, int k, List<String> groupColumns, List<String[]> groups) {
    /** Copies the lists. */
    public FoldData {
        pairs = List.copyOf(pairs);
        groupColumns = List.copyOf(groupColumns);
        groups = List.copyOf(groups);
    }

    /**
     * @param runDir    a verification run directory
     * @param templates its templates, with the evaluation's group columns
     * @return its k-fold pairs, or empty when it has no {@code folds.csv} (not a k-fold protocol)
     * @throws RunDirectoryException when a row is malformed, a pair is listed twice, or the two files do not
     *                               list the same pairs (naming file and line)
     * @throws IOException           when a file cannot be read
     */
    public static Optional<FoldData> read(Path runDir, TemplateTable templates) throws IOException {
        Path foldsFile = runDir.resolve(FoldsCsv.FILE);
        if (!Files.isRegularFile(foldsFile)) {
            return Optional.empty();
        }
        Map<String, Integer> foldOf = new HashMap<>();
        List<String> order = new ArrayList<>();
        int k = 0;
        try (CsvTable folds = CsvTable.open(foldsFile, FoldsCsv.values())) {
            int e = folds.column(FoldsCsv.ENROLMENT_TEMPLATE);
            int p = folds.column(FoldsCsv.PROBE_TEMPLATE);
            int f = folds.column(FoldsCsv.FOLD);
            while (folds.next()) {
                String fold = folds.get(f);
                if (!fold.matches("[1-9][0-9]{0,2}")) {
                    throw folds.error(f, "expected a fold number from 1, found '" + fold + "'");
                }
                String key = folds.get(e) + "\n" + folds.get(p);
                if (foldOf.put(key, Integer.parseInt(fold)) != null) {
                    throw folds.error("the pair " + folds.get(e) + " / " + folds.get(p) + " is listed twice");
                }
                order.add(key);
                k = Math.max(k, Integer.parseInt(fold));
            }
        }
        Map<String, KFoldAccuracy.Pair> byKey = new HashMap<>();
        Map<String, String[]> groupsByKey = new HashMap<>();
        int columns = templates.groupColumns().size();
        Path storeFile = runDir.resolve(ComparisonStore.FILE);
        String comparisonsName = Files.isRegularFile(storeFile) ? ComparisonStore.FILE : ComparisonsCsv.FILE;
        if (Files.isRegularFile(storeFile)) {
            List<TemplateTable.Template> rows = templates.templates();
            try (ComparisonStoreReader store = ComparisonStoreReader.open(storeFile)) {
                while (store.nextBatch()) {
                    for (int i = 0; i < store.rows(); i++) {
                        TemplateTable.Template enrolment = row(store, i, store.enrolment(i), rows);
                        TemplateTable.Template probe = row(store, i, store.probe(i), rows);
                        String key = enrolment.id() + "\n" + probe.id();
                        Integer fold = foldOf.get(key);
                        if (fold == null) {
                            throw store.error(i, ComparisonStore.PROBE_TEMPLATE, "the pair " + enrolment.id() + " / "
                                    + probe.id() + " has no row in " + FoldsCsv.FILE);
                        }
                        boolean ok = store.status(i) == ComparisonsCsv.Status.OK && store.hasScore(i);
                        byKey.put(key, new KFoldAccuracy.Pair(fold, enrolment.subjectId().equals(probe.subjectId()),
                                ok ? store.score(i) : Double.NaN));
                        groupsByKey.put(key, sharedGroups(templates, enrolment, probe, columns));
                    }
                }
            }
        } else {
            Path comparisonsFile = runDir.resolve(ComparisonsCsv.FILE);
            try (CsvTable comparisons = CsvTable.open(comparisonsFile, ComparisonsCsv.values())) {
                int e = comparisons.column(ComparisonsCsv.ENROLMENT_TEMPLATE);
                int p = comparisons.column(ComparisonsCsv.PROBE_TEMPLATE);
                int m = comparisons.column(ComparisonsCsv.MATED);
                int st = comparisons.column(ComparisonsCsv.STATUS);
                int sc = comparisons.column(ComparisonsCsv.SCORE);
                while (comparisons.next()) {
                    String key = comparisons.get(e) + "\n" + comparisons.get(p);
                    Integer fold = foldOf.get(key);
                    if (fold == null) {
                        throw comparisons.error("the pair " + comparisons.get(e) + " / " + comparisons.get(p)
                                + " has no row in " + FoldsCsv.FILE);
                    }
                    boolean ok = comparisons.get(st).equals("ok");
                    double score = Double.NaN;
                    if (ok) {
                        try {
                            score = Double.parseDouble(comparisons.get(sc));
                        } catch (NumberFormatException x) {
                            throw comparisons.error(sc, "expected a score, found '" + comparisons.get(sc) + "'");
                        }
                    }
                    byKey.put(key, new KFoldAccuracy.Pair(fold, comparisons.get(m).equals("true"), score));
                    TemplateTable.Template enrolment = templates.require(comparisons, e, TemplateTable.ENROLMENT_ROLE);
                    TemplateTable.Template probe = templates.require(comparisons, p, TemplateTable.PROBE_ROLE);
                    String[] groups = new String[columns];
                    for (int c = 0; c < columns; c++) {
                        int g = enrolment.groups()[c];
                        if (g != TemplateTable.NO_GROUP && g == probe.groups()[c]) {
                            groups[c] = templates.groupValues(c).get(g);
                        }
                    }
                    groupsByKey.put(key, groups);
                }
            }
        }
        List<KFoldAccuracy.Pair> pairs = new ArrayList<>(order.size());
        List<String[]> groups = new ArrayList<>(order.size());
        for (String key : order) {
            KFoldAccuracy.Pair pair = byKey.get(key);
            if (pair == null) {
                throw new RunDirectoryException(foldsFile, 0, 0, null, "the pair " + key.replace("\n", " / ")
                        + " has no row in " + comparisonsName);
            }
            pairs.add(pair);
            groups.add(groupsByKey.get(key));
        }
        return Optional.of(new FoldData(pairs, k, templates.groupColumns(), groups));
    }

    private static TemplateTable.Template row(ComparisonStoreReader store, int i, int row,
                                              List<TemplateTable.Template> rows) throws RunDirectoryException {
        if (row < 0 || row >= rows.size()) {
            throw store.error(i, ComparisonStore.ENROLMENT_TEMPLATE, "template row " + row
                    + " is not a row of templates.csv");
        }
        return rows.get(row);
    }

    /** Per group column, the group both sides are in, or null. */
    private static String[] sharedGroups(TemplateTable templates, TemplateTable.Template enrolment,
                                         TemplateTable.Template probe, int columns) {
        String[] groups = new String[columns];
        for (int c = 0; c < columns; c++) {
            int g = enrolment.groups()[c];
            if (g != TemplateTable.NO_GROUP && g == probe.groups()[c]) {
                groups[c] = templates.groupValues(c).get(g);
            }
        }
        return groups;
    }
}
