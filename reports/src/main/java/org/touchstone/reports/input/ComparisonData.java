package org.touchstone.reports.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.touchstone.reports.verification.ScoreDistribution;
import org.touchstone.reports.verification.StreamingScoreDistribution;
import org.touchstone.reports.verification.SubjectBootstrap;
import org.touchstone.runformat.RunDirectoryException;
import org.touchstone.runformat.columns.CellValue;
import org.touchstone.runformat.columns.ComparisonsCsv;
import org.touchstone.runformat.store.ComparisonStore;
import org.touchstone.runformat.store.ComparisonStoreReader;
import org.touchstone.api.FailureCode;

/**
 * The outcomes of {@code comparisons.csv} (or of a score file), split the ways the reports need: all
 * comparisons, each group of each grouping (each group column, then each intersection of two or more
 * columns), each cell of each column's cross-group impostor matrix, the failures by kind, and what the
 * subject bootstrap needs. Read in two streaming passes (see {@link StreamingScoreDistribution}): memory
 * does not grow with the number of impostor comparisons beyond the exact bins the operating points need.
 *
 * <p>A comparison belongs to group g of a grouping when both of its sides (templates) are in g; a pair
 * whose sides are in different groups, or in none (an empty group cell), is counted in that grouping's
 * {@link Grouping#matedOutsideGroups()} or {@link Grouping#nonMatedOutsideGroups()} instead.
 *
 * @param all              every comparison
 * @param groupings        per group column in evaluation order, then per intersection of columns
 * @param crossGroups      per group column, the impostor comparisons by (enrolment group, probe group)
 * @param failures         failed comparisons by pair type, status and failure code
 * @param mated            number of mated comparisons (scored or not)
 * @param nonMated         number of non-mated comparisons (scored or not)
 * @param bootstrap        the subject bootstrap's data, or null when it was skipped
 * @param bootstrapSkipped why the bootstrap was skipped, or null
 * @param subjects         number of subjects (bootstrap clusters)
 * @param genuine          every genuine comparison, for per-group bootstraps of FNMR
 */
public record ComparisonData(ScoreDistribution all, List<Grouping> groupings, List<CrossGroup> crossGroups,
                             SortedMap<FailureKey, Long> failures, long mated, long nonMated,
                             SubjectBootstrap bootstrap, String bootstrapSkipped, int subjects,
                             GenuineOutcomes genuine) {

    /**
     * Every genuine comparison (one per mated pair: few next to the impostor comparisons), by its sides.
     *
     * @param enrolmentSide per comparison, its enrolment side (template index, or subject index for a score file)
     * @param probeSide     per comparison, its probe side
     * @param score         per comparison, its score, or NaN when it failed (a false non-match at every threshold)
     * @param subjectOfSide per side, its subject index
     */
    public record GenuineOutcomes(int[] enrolmentSide, int[] probeSide, double[] score, int[] subjectOfSide) {
    }

    /**
     * The comparisons of one grouping, split by group.
     *
     * @param columns               the group columns, one or more, without {@code group:}
     * @param values                per group, its value per column, sorted
     * @param groups                one distribution per group, same order; empty when no pair is in it
     * @param matedOutsideGroups    mated pairs not both in one group
     * @param nonMatedOutsideGroups non-mated pairs not both in one group
     * @param groupOfSide           per side (template in file order), its group index or
     *                              {@link TemplateTable#NO_GROUP}
     */
    public record Grouping(List<String> columns, List<List<String>> values, List<ScoreDistribution> groups,
                           long matedOutsideGroups, long nonMatedOutsideGroups, int[] groupOfSide) {
        /**
         * @param columns               copied
         * @param values                copied
         * @param groups                copied, same size as values
         * @param matedOutsideGroups    {@code >= 0}
         * @param nonMatedOutsideGroups {@code >= 0}
         * @param groupOfSide           not copied
         */
        public Grouping {
            columns = List.copyOf(columns);
            values = List.copyOf(values);
            groups = List.copyOf(groups);
            if (values.size() != groups.size()) {
                throw new IllegalArgumentException("one distribution per group");
            }
        }
    }

    /**
     * The cross-group impostor comparisons of one group column: FMR_{g,h} is measured over the impostor
     * comparisons with the enrolment side in g and the probe side in h.
     *
     * @param column the group column
     * @param values its values, sorted
     * @param cells  row-major, cell (g, h) at {@code g * values.size() + h}; impostor comparisons only
     */
    public record CrossGroup(String column, List<String> values, List<ScoreDistribution> cells) {
        /**
         * @param column not null
         * @param values copied
         * @param cells  copied, values.size()^2 of them
         */
        public CrossGroup {
            values = List.copyOf(values);
            cells = List.copyOf(cells);
            if (cells.size() != values.size() * values.size()) {
                throw new IllegalArgumentException("need one cell per pair of groups");
            }
        }

        /**
         * One cell.
         *
         * @param enrolmentGroup index of the enrolment side's group
         * @param probeGroup     index of the probe side's group
         * @return its impostor comparisons
         */
        public ScoreDistribution cell(int enrolmentGroup, int probeGroup) {
            return cells.get(enrolmentGroup * values.size() + probeGroup);
        }
    }

    /**
     * @param all              not null
     * @param groupings        copied
     * @param crossGroups      copied
     * @param failures         copied
     * @param mated            {@code >= 0}
     * @param nonMated         {@code >= 0}
     * @param bootstrap        may be null
     * @param bootstrapSkipped null when the bootstrap is there
     * @param subjects         {@code >= 0}
     * @param genuine          not null
     */
    public ComparisonData {
        groupings = List.copyOf(groupings);
        crossGroups = List.copyOf(crossGroups);
        failures = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(failures));
    }

    /**
     * Reads and validates {@code comparisons.csv} against the templates, in two passes.
     *
     * @param file            the file
     * @param templates       the run's templates, already read
     * @param fmrTargets      FMR targets whose FNMR must be exact
     * @param fixedThresholds named thresholds, whose rates must be exact
     * @param exactLimit      impostor comparisons up to which every score is kept (see
     *                        {@link StreamingScoreDistribution#DEFAULT_EXACT_LIMIT})
     * @return the outcomes
     * @throws RunDirectoryException when a column is missing, a row is malformed, refers to an unknown
     *                               template, contradicts the templates, or repeats a pair
     * @throws IOException           when the file cannot be read
     */
    public static ComparisonData read(Path file, TemplateTable templates, List<Double> fmrTargets,
                                      List<Double> fixedThresholds, long exactLimit) throws IOException {
        List<TemplateTable.Template> all = templates.templates();
        int[][] sideGroups = new int[all.size()][];
        int[] subjectOfSide = new int[all.size()];
        Map<String, Integer> subjects = new HashMap<>();
        // Subjects numbered in order of first appearance in templates.csv: deterministic.
        for (TemplateTable.Template template : all) {
            sideGroups[template.index()] = template.groups();
            subjectOfSide[template.index()] = subjects.computeIfAbsent(template.subjectId(), k -> subjects.size());
        }
        List<List<String>> columnValues = new ArrayList<>();
        for (int c = 0; c < templates.groupColumns().size(); c++) {
            columnValues.add(templates.groupValues(c));
        }
        ComparisonRouter router = new ComparisonRouter(templates.groupColumns(), columnValues, sideGroups,
                subjectOfSide, subjects.size(), exactLimit);
        SortedMap<FailureKey, Long> failures = new TreeMap<>();
        PairSet pairs = new PairSet(templates);
        boolean store = file.getFileName().toString().equals(ComparisonStore.FILE);
        if (store) {
            streamStore(file, templates, router, failures, pairs);
        } else {
            stream(file, templates, router, failures, pairs);
        }
        router.startSecondPass(fmrTargets, fixedThresholds);
        if (store) {
            streamStore(file, templates, router, null, null);
        } else {
            stream(file, templates, router, null, null);
        }
        return router.finish(failures);
    }

    /** One pass over the file; the first validates everything, counts failures and checks pairs are unique. */
    private static void stream(Path file, TemplateTable templates, ComparisonRouter router,
                               SortedMap<FailureKey, Long> failures, PairSet pairs) throws IOException {
        try (CsvTable table = CsvTable.open(file, ComparisonsCsv.ENROLMENT_TEMPLATE, ComparisonsCsv.PROBE_TEMPLATE,
                ComparisonsCsv.MATED, ComparisonsCsv.STATUS, ComparisonsCsv.FAILURE_CODE, ComparisonsCsv.SCORE)) {
            int enrolmentColumn = table.column(ComparisonsCsv.ENROLMENT_TEMPLATE);
            int probeColumn = table.column(ComparisonsCsv.PROBE_TEMPLATE);
            int matedColumn = table.column(ComparisonsCsv.MATED);
            int statusColumn = table.column(ComparisonsCsv.STATUS);
            int codeColumn = table.column(ComparisonsCsv.FAILURE_CODE);
            int scoreColumn = table.column(ComparisonsCsv.SCORE);
            while (table.next()) {
                TemplateTable.Template enrolment = templates.require(table, enrolmentColumn, TemplateTable.ENROLMENT_ROLE);
                TemplateTable.Template probe = templates.require(table, probeColumn, TemplateTable.PROBE_ROLE);
                boolean isMated = table.bool(matedColumn);
                if (isMated != enrolment.subjectId().equals(probe.subjectId())) {
                    throw table.error(matedColumn, "mated is " + isMated + " but templates " + enrolment.id()
                            + " (subject " + enrolment.subjectId() + ") and " + probe.id() + " (subject "
                            + probe.subjectId() + ") show " + (isMated ? "different subjects" : "the same subject"));
                }
                String status = table.get(statusColumn);
                String failureCode = table.get(codeColumn);
                boolean scored = checkStatus(table, statusColumn, codeColumn, scoreColumn, enrolment, probe);
                double score = scored ? table.finiteDecimal(scoreColumn) : Double.NaN;
                if (pairs != null) {
                    long firstLine = pairs.add(enrolment, probe, table.line());
                    if (firstLine != 0) {
                        throw table.error("the pair (" + enrolment.id() + ", " + probe.id() + ") appears again"
                                + (firstLine > 0 ? "; first on line " + firstLine : ""));
                    }
                }
                router.route(enrolment.index(), probe.index(), isMated, scored, score);
                if (failures != null && !scored) {
                    failures.merge(new FailureKey(FailureKey.COMPARISON,
                            isMated ? FailureKey.MATED : FailureKey.NON_MATED, status, failureCode), 1L, Long::sum);
                }
            }
        }
    }

    /**
     * One pass over a score store ({@value ComparisonStore#FILE}, run format 2), with the checks of
     * {@link #stream}: templates by their row in templates.csv and role, status against the templates, a
     * finite score exactly when ok, each pair once. {@code mated} is not stored: the subjects give it.
     */
    private static void streamStore(Path file, TemplateTable templates, ComparisonRouter router,
                                    SortedMap<FailureKey, Long> failures, PairSet pairs) throws IOException {
        List<TemplateTable.Template> rows = templates.templates();
        try (ComparisonStoreReader store = ComparisonStoreReader.open(file)) {
            while (store.nextBatch()) {
                for (int i = 0; i < store.rows(); i++) {
                    TemplateTable.Template enrolment = template(store, i, ComparisonStore.ENROLMENT_TEMPLATE,
                            store.enrolment(i), rows, TemplateTable.ENROLMENT_ROLE);
                    TemplateTable.Template probe = template(store, i, ComparisonStore.PROBE_TEMPLATE,
                            store.probe(i), rows, TemplateTable.PROBE_ROLE);
                    boolean isMated = enrolment.subjectId().equals(probe.subjectId());
                    ComparisonsCsv.Status status = store.status(i);
                    FailureCode code = store.failureCode(i);
                    boolean templateFailed = enrolment.failed() || probe.failed();
                    if ((status == ComparisonsCsv.Status.TEMPLATE_FAILED) != templateFailed) {
                        throw store.error(i, ComparisonStore.STATUS, templateFailed ? "expected \"template_failed\": template "
                                + (enrolment.failed() ? enrolment.id() : probe.id()) + " failed in templates.csv"
                                : "status template_failed, but templates " + enrolment.id() + " and " + probe.id()
                                + " are ok in templates.csv");
                    }
                    boolean scored = status == ComparisonsCsv.Status.OK;
                    if (scored != (code == null)) {
                        throw store.error(i, ComparisonStore.FAILURE_CODE, scored ? "expected no failure code for status ok"
                                : "a failed comparison needs a failure code");
                    }
                    if (scored != store.hasScore(i)) {
                        throw store.error(i, ComparisonStore.SCORE, scored ? "expected a score for status ok"
                                : "expected no score for status " + status.text());
                    }
                    double score = scored ? store.score(i) : Double.NaN;
                    if (scored && !Double.isFinite(score)) {
                        throw store.error(i, ComparisonStore.SCORE, "expected a finite number, found " + score);
                    }
                    if (pairs != null && pairs.add(enrolment, probe, 0) != 0) {
                        throw store.error(i, ComparisonStore.PROBE_TEMPLATE, "the pair (" + enrolment.id() + ", "
                                + probe.id() + ") appears again");
                    }
                    router.route(enrolment.index(), probe.index(), isMated, scored, score);
                    if (failures != null && !scored) {
                        failures.merge(new FailureKey(FailureKey.COMPARISON,
                                isMated ? FailureKey.MATED : FailureKey.NON_MATED, status.text(), code.name()), 1L,
                                Long::sum);
                    }
                }
            }
        }
    }

    private static TemplateTable.Template template(ComparisonStoreReader store, int i, String column, int row,
                                                   List<TemplateTable.Template> rows, String role)
            throws RunDirectoryException {
        if (row < 0 || row >= rows.size()) {
            throw store.error(i, column, "template row " + row + " is not a row of templates.csv (0 to "
                    + (rows.size() - 1) + ")");
        }
        TemplateTable.Template template = rows.get(row);
        if (!template.role().equals(role)) {
            throw store.error(i, column, "template row " + row + " (" + template.id() + ") has role "
                    + template.role() + ", expected " + role);
        }
        return template;
    }

    /**
     * The pairs seen so far, one bit per possible (enrolment, probe) pair: bounded by the templates, not by
     * the comparisons. On a repeat the file is rare enough to be searched for the first line.
     */
    private static final class PairSet {
        private final int[] roleIndex;
        private final long probes;
        private final long[] bits;
        private final Map<Long, Long> lines = new HashMap<>();

        PairSet(TemplateTable templates) {
            roleIndex = new int[templates.templates().size()];
            int enrolments = 0;
            int probeCount = 0;
            for (TemplateTable.Template template : templates.templates()) {
                roleIndex[template.index()] = template.role().equals(TemplateTable.PROBE_ROLE) ? probeCount++ : enrolments++;
            }
            probes = probeCount;
            bits = new long[Math.toIntExact((enrolments * probes + 63) / 64)];
        }

        /** Marks a pair; returns 0 when new, else the line it was first seen on, or -1 when that is not known. */
        long add(TemplateTable.Template enrolment, TemplateTable.Template probe, long line) {
            long bit = roleIndex[enrolment.index()] * probes + roleIndex[probe.index()];
            int word = (int) (bit >>> 6);
            long mask = 1L << bit;
            if ((bits[word] & mask) != 0) {
                return lines.getOrDefault(bit, -1L);
            }
            bits[word] |= mask;
            // Line numbers are kept only for the first few pairs, to name the first line on a repeat cheaply.
            if (lines.size() < 1024) {
                lines.put(bit, line);
            }
            return 0;
        }
    }

    /** Checks status, failure code and score against each other and the templates; true when scored. */
    private static boolean checkStatus(CsvTable table, int statusColumn, int codeColumn, int scoreColumn,
                                       TemplateTable.Template enrolment, TemplateTable.Template probe)
            throws RunDirectoryException {
        String status = table.get(statusColumn);
        boolean templateFailed = enrolment.failed() || probe.failed();
        boolean scored;
        switch (CellValue.parse(ComparisonsCsv.Status.class, status).orElseThrow(() -> table.error(statusColumn,
                "expected \"ok\", \"comparison_failed\" or \"template_failed\", found \"" + status + "\""))) {
            case OK, COMPARISON_FAILED -> {
                if (templateFailed) {
                    throw table.error(statusColumn, "expected \"template_failed\": template "
                            + (enrolment.failed() ? enrolment.id() : probe.id()) + " failed in templates.csv");
                }
                scored = status.equals(ComparisonsCsv.Status.OK.text());
            }
            default -> {
                if (!templateFailed) {
                    throw table.error(statusColumn, "status template_failed, but templates " + enrolment.id()
                            + " and " + probe.id() + " are ok in templates.csv");
                }
                scored = false;
            }
        }
        if (scored != table.get(codeColumn).isEmpty()) {
            throw table.error(codeColumn, scored ? "expected no failure code for status ok, found \""
                    + table.get(codeColumn) + "\"" : "a failed comparison needs a failure code");
        }
        if (!scored && !table.get(scoreColumn).isEmpty()) {
            throw table.error(scoreColumn, "expected no score for status " + status + ", found \""
                    + table.get(scoreColumn) + "\"");
        }
        return scored;
    }
}
