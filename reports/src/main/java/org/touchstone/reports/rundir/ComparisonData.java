package org.touchstone.reports.rundir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.touchstone.reports.RunDirectoryException;
import org.touchstone.reports.verification.ScoreDistribution;
import org.touchstone.reports.verification.SortedScoreDistribution;

/**
 * The outcomes of {@code comparisons.csv}, split the ways the reports need: all comparisons, each group
 * of each group column, and the failures by kind.
 *
 * <p>A comparison belongs to group g of a column when both of its templates are in g; a pair whose
 * templates are in different groups, or in none (an empty group cell), is counted in that column's
 * {@link GroupColumn#matedOutsideGroups()} or {@link GroupColumn#nonMatedOutsideGroups()} instead.
 *
 * @param all          every comparison
 * @param groupColumns per group column of the evaluation, in its order
 * @param failures     failed comparisons by pair type, status and failure code
 * @param mated        number of mated comparisons (scored or not)
 * @param nonMated     number of non-mated comparisons (scored or not)
 */
public record ComparisonData(ScoreDistribution all, List<GroupColumn> groupColumns,
                             SortedMap<FailureKey, Long> failures, long mated, long nonMated) {

    /**
     * The comparisons of one group column, split by group.
     *
     * @param column                the column name, without {@code group:}
     * @param values                the group values, sorted, as in {@link TemplateTable#groupValues(int)}
     * @param groups                one distribution per value, same order; empty when no pair is in it
     * @param matedOutsideGroups    mated pairs not both in one group
     * @param nonMatedOutsideGroups non-mated pairs not both in one group
     */
    public record GroupColumn(String column, List<String> values, List<ScoreDistribution> groups,
                              long matedOutsideGroups, long nonMatedOutsideGroups) {
        /**
         * @param column                not null
         * @param values                copied
         * @param groups                copied, same size as values
         * @param matedOutsideGroups    {@code >= 0}
         * @param nonMatedOutsideGroups {@code >= 0}
         */
        public GroupColumn {
            values = List.copyOf(values);
            groups = List.copyOf(groups);
            if (values.size() != groups.size()) {
                throw new IllegalArgumentException("one distribution per group value");
            }
        }
    }

    /**
     * @param all          not null
     * @param groupColumns copied
     * @param failures     copied
     * @param mated        {@code >= 0}
     * @param nonMated     {@code >= 0}
     */
    public ComparisonData {
        groupColumns = List.copyOf(groupColumns);
        failures = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(failures));
    }

    /**
     * Reads and validates {@code comparisons.csv} against the templates.
     *
     * @param file      the file
     * @param templates the run's templates, already read
     * @return the outcomes
     * @throws RunDirectoryException when a column is missing, a row is malformed, refers to an unknown
     *                               template, contradicts the templates, or repeats a pair
     * @throws IOException           when the file cannot be read
     */
    public static ComparisonData read(Path file, TemplateTable templates) throws IOException {
        List<String> columns = templates.groupColumns();
        SortedScoreDistribution.Builder all = SortedScoreDistribution.builder();
        SortedScoreDistribution.Builder[][] byGroup = new SortedScoreDistribution.Builder[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            byGroup[c] = new SortedScoreDistribution.Builder[templates.groupValues(c).size()];
            for (int g = 0; g < byGroup[c].length; g++) {
                byGroup[c][g] = SortedScoreDistribution.builder();
            }
        }
        long[][] outside = new long[columns.size()][2];
        SortedMap<FailureKey, Long> failures = new TreeMap<>();
        LongStream.Builder pairKeys = LongStream.builder();
        long mated = 0;
        long nonMated = 0;
        try (CsvTable table = CsvTable.open(file,
                List.of("enrolment_template", "probe_template", "mated", "status", "failure_code", "score"))) {
            int enrolmentColumn = table.column("enrolment_template");
            int probeColumn = table.column("probe_template");
            int matedColumn = table.column("mated");
            int statusColumn = table.column("status");
            int codeColumn = table.column("failure_code");
            int scoreColumn = table.column("score");
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
                pairKeys.add(Math.addExact(Math.multiplyExact((long) enrolment.index(), templates.templates().size()),
                        probe.index()));
                if (isMated) {
                    mated++;
                } else {
                    nonMated++;
                }
                add(all, isMated, scored, score);
                for (int c = 0; c < columns.size(); c++) {
                    int group = enrolment.groups()[c];
                    if (group != TemplateTable.NO_GROUP && group == probe.groups()[c]) {
                        add(byGroup[c][group], isMated, scored, score);
                    } else {
                        outside[c][isMated ? 1 : 0]++;
                    }
                }
                if (!scored) {
                    failures.merge(new FailureKey(FailureKey.COMPARISON,
                            isMated ? FailureKey.MATED : FailureKey.NON_MATED, status, failureCode), 1L, Long::sum);
                }
            }
        }
        requireUniquePairs(file, templates, pairKeys.build().toArray());
        List<GroupColumn> groupColumns = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            List<ScoreDistribution> groups = new ArrayList<>();
            for (SortedScoreDistribution.Builder builder : byGroup[c]) {
                groups.add(builder.build());
            }
            groupColumns.add(new GroupColumn(columns.get(c), templates.groupValues(c), groups, outside[c][1], outside[c][0]));
        }
        return new ComparisonData(all.build(), groupColumns, failures, mated, nonMated);
    }

    /** Checks status, failure code and score against each other and the templates; true when scored. */
    private static boolean checkStatus(CsvTable table, int statusColumn, int codeColumn, int scoreColumn,
                                       TemplateTable.Template enrolment, TemplateTable.Template probe)
            throws RunDirectoryException {
        String status = table.get(statusColumn);
        boolean templateFailed = enrolment.failed() || probe.failed();
        boolean scored;
        switch (status) {
            case "ok", "comparison_failed" -> {
                if (templateFailed) {
                    throw table.error(statusColumn, "expected \"template_failed\": template "
                            + (enrolment.failed() ? enrolment.id() : probe.id()) + " failed in templates.csv");
                }
                scored = status.equals("ok");
            }
            case "template_failed" -> {
                if (!templateFailed) {
                    throw table.error(statusColumn, "status template_failed, but templates " + enrolment.id()
                            + " and " + probe.id() + " are ok in templates.csv");
                }
                scored = false;
            }
            default -> throw table.error(statusColumn,
                    "expected \"ok\", \"comparison_failed\" or \"template_failed\", found \"" + status + "\"");
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

    private static void add(SortedScoreDistribution.Builder builder, boolean mated, boolean scored, double score) {
        if (mated) {
            if (scored) {
                builder.addGenuine(score);
            } else {
                builder.addFailedGenuine(1);
            }
        } else if (scored) {
            builder.addImpostor(score);
        } else {
            builder.addFailedImpostor(1);
        }
    }

    /** Every pair must appear once; on a repeat, reads the file again to name both lines. */
    private static void requireUniquePairs(Path file, TemplateTable templates, long[] keys) throws IOException {
        // A sorted array of pair keys costs 8 bytes per comparison, far less than a hash set of pairs.
        Arrays.parallelSort(keys);
        for (int i = 1; i < keys.length; i++) {
            if (keys[i] == keys[i - 1]) {
                int size = templates.templates().size();
                String enrolment = templates.templates().get((int) (keys[i] / size)).id();
                String probe = templates.templates().get((int) (keys[i] % size)).id();
                long firstLine = 0;
                try (CsvTable table = CsvTable.open(file, List.of("enrolment_template", "probe_template"))) {
                    int enrolmentColumn = table.column("enrolment_template");
                    int probeColumn = table.column("probe_template");
                    while (table.next()) {
                        if (table.get(enrolmentColumn).equals(enrolment) && table.get(probeColumn).equals(probe)) {
                            if (firstLine > 0) {
                                throw table.error("the pair (" + enrolment + ", " + probe
                                        + ") appears again; first on line " + firstLine);
                            }
                            firstLine = table.line();
                        }
                    }
                }
            }
        }
    }
}
