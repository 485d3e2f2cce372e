package org.touchstone.reports.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A verification score file written by any tool, read into the same {@link ComparisonData} as a run
 * directory's {@code comparisons.csv}, so that {@code touchstone analyze} reports it with the same numbers.
 * A comparison is genuine when its two subject ids are equal. Three formats:
 *
 * <ul>
 *   <li>{@link Format#TOUCHSTONE}: CSV with a header holding at least {@code enrolment_subject},
 *       {@code probe_subject} and {@code score} (other columns, such as template ids, are ignored). An empty
 *       score is a failed comparison: under the non-match policy it stays in the denominators, a false
 *       non-match when genuine.</li>
 *   <li>{@link Format#BOB4}: Bob's four-column text format {@code claimed_id real_id test_label score},
 *       whitespace separated, no header.</li>
 *   <li>{@link Format#BOB5}: Bob's five-column format {@code claimed_id model_label real_id test_label score}.</li>
 * </ul>
 * Blank lines and lines starting with {@code #} are skipped in the Bob formats. Scores must be finite
 * decimal numbers: NaN, infinities and anything else stop the reading with the file and line.
 *
 * <p>Groups come from an optional subjects CSV ({@code subject_id} then one column per group column); a
 * subject it does not list is in no group. The file is read three times: once for the subject ids, then the
 * two streaming passes of {@link ComparisonData}; memory holds the subjects, not the comparisons.
 */
public final class ScoreFile {
    /** A score file format. */
    public enum Format {
        /** Touchstone's score CSV. */
        TOUCHSTONE("touchstone"),
        /** Bob's 4-column score file. */
        BOB4("bob4"),
        /** Bob's 5-column score file. */
        BOB5("bob5");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        /**
         * The name used on the command line.
         *
         * @return for example {@code "bob4"}
         */
        public String label() {
            return label;
        }

        /**
         * Looks a format up by name.
         *
         * @param name {@code touchstone}, {@code bob4} or {@code bob5}, any case
         * @return the format
         * @throws IllegalArgumentException for another name
         */
        public static Format of(String name) {
            for (Format format : values()) {
                if (format.label.equals(name.toLowerCase(Locale.ROOT))) {
                    return format;
                }
            }
            throw new IllegalArgumentException("unknown score file format \"" + name + "\": expected touchstone, bob4 or bob5");
        }
    }

    /** Receives one comparison: subject ids, whether it was scored, and the score. */
    private interface Visitor {
        void accept(String enrolmentSubject, String probeSubject, boolean scored, double score)
                throws RunDirectoryException;
    }

    private ScoreFile() {
    }

    /**
     * The group columns of a subjects CSV.
     *
     * @param groups the subjects CSV, or null
     * @return its columns after {@code subject_id}, in order; empty without a file
     * @throws IOException when the file cannot be read or has no {@code subject_id} column
     */
    public static List<String> groupColumns(Path groups) throws IOException {
        if (groups == null) {
            return List.of();
        }
        try (CsvTable table = CsvTable.open(groups, List.of("subject_id"))) {
            List<String> columns = new ArrayList<>(table.header());
            columns.remove("subject_id");
            return columns;
        }
    }

    /**
     * Reads a score file.
     *
     * @param scores          the score file
     * @param format          its format
     * @param groups          the subjects CSV mapping subject ids to groups, or null
     * @param fmrTargets      FMR targets whose FNMR must be exact
     * @param fixedThresholds named thresholds, whose rates must be exact
     * @param exactLimit      impostor comparisons up to which every score is kept
     * @return the comparisons, split as for a run directory
     * @throws RunDirectoryException when a line is malformed (naming file and line)
     * @throws IOException           when a file cannot be read
     */
    public static ComparisonData read(Path scores, Format format, Path groups, List<Double> fmrTargets,
                                      List<Double> fixedThresholds, long exactLimit) throws IOException {
        Map<String, Integer> subjects = new LinkedHashMap<>();
        stream(scores, format, (enrolment, probe, scored, score) -> {
            subjects.putIfAbsent(enrolment, subjects.size());
            subjects.putIfAbsent(probe, subjects.size());
        });
        List<String> columns = groupColumns(groups);
        List<List<String>> columnValues = new ArrayList<>();
        int[][] sideGroups = new int[subjects.size()][columns.size()];
        for (int[] side : sideGroups) {
            java.util.Arrays.fill(side, TemplateTable.NO_GROUP);
        }
        if (groups != null) {
            Map<String, String[]> rows = readGroups(groups, columns);
            for (int c = 0; c < columns.size(); c++) {
                TreeSet<String> values = new TreeSet<>();
                for (String subject : subjects.keySet()) {
                    String[] row = rows.get(subject);
                    if (row != null && !row[c].isEmpty()) {
                        values.add(row[c]);
                    }
                }
                List<String> sorted = List.copyOf(values);
                columnValues.add(sorted);
                for (Map.Entry<String, Integer> subject : subjects.entrySet()) {
                    String[] row = rows.get(subject.getKey());
                    if (row != null && !row[c].isEmpty()) {
                        sideGroups[subject.getValue()][c] = sorted.indexOf(row[c]);
                    }
                }
            }
        }
        int[] subjectOfSide = new int[subjects.size()];
        for (int i = 0; i < subjectOfSide.length; i++) {
            subjectOfSide[i] = i;
        }
        ComparisonRouter router = new ComparisonRouter(columns, columnValues, sideGroups, subjectOfSide,
                subjects.size(), exactLimit);
        Map<FailureKey, Long> failures = new HashMap<>();
        Visitor route = (enrolment, probe, scored, score) -> {
            boolean mated = enrolment.equals(probe);
            router.route(subjects.get(enrolment), subjects.get(probe), mated, scored, score);
        };
        stream(scores, format, (enrolment, probe, scored, score) -> {
            route.accept(enrolment, probe, scored, score);
            if (!scored) {
                failures.merge(new FailureKey(FailureKey.COMPARISON, enrolment.equals(probe) ? FailureKey.MATED
                        : FailureKey.NON_MATED, "comparison_failed", "NO_SCORE"), 1L, Long::sum);
            }
        });
        router.startSecondPass(fmrTargets, fixedThresholds);
        stream(scores, format, route);
        return router.finish(failures);
    }

    private static Map<String, String[]> readGroups(Path groups, List<String> columns) throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        try (CsvTable table = CsvTable.open(groups, List.of("subject_id"))) {
            int subject = table.column("subject_id");
            int[] indices = columns.stream().mapToInt(table::column).toArray();
            while (table.next()) {
                String id = table.get(subject);
                if (id.isEmpty()) {
                    throw table.error(subject, "expected a non-empty subject id");
                }
                String[] values = new String[indices.length];
                for (int c = 0; c < indices.length; c++) {
                    values[c] = table.get(indices[c]);
                }
                if (rows.put(id, values) != null) {
                    throw table.error(subject, "subject \"" + id + "\" appears twice");
                }
            }
        }
        return rows;
    }

    private static void stream(Path file, Format format, Visitor visitor) throws IOException {
        if (format == Format.TOUCHSTONE) {
            try (CsvTable table = CsvTable.open(file, List.of("enrolment_subject", "probe_subject", "score"))) {
                int enrolment = table.column("enrolment_subject");
                int probe = table.column("probe_subject");
                int score = table.column("score");
                while (table.next()) {
                    for (int column : new int[] {enrolment, probe}) {
                        if (table.get(column).isEmpty()) {
                            throw table.error(column, "expected a non-empty subject id");
                        }
                    }
                    boolean scored = !table.get(score).isEmpty();
                    visitor.accept(table.get(enrolment), table.get(probe), scored,
                            scored ? table.finiteDecimal(score) : Double.NaN);
                }
            }
            return;
        }
        int fields = format == Format.BOB4 ? 4 : 5;
        int probeField = format == Format.BOB4 ? 1 : 2;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+");
                if (parts.length != fields) {
                    throw new RunDirectoryException(file, number, 0, null, "expected " + fields + " fields ("
                            + (fields == 4 ? "claimed_id real_id test_label score" : "claimed_id model_label real_id"
                            + " test_label score") + "), found " + parts.length);
                }
                double score = CsvTable.parseFiniteDecimal(parts[fields - 1]);
                if (Double.isNaN(score)) {
                    throw new RunDirectoryException(file, number, fields, "score",
                            "expected a finite decimal number, found \"" + parts[fields - 1] + "\"");
                }
                visitor.accept(parts[0], parts[probeField], true, score);
            }
        }
    }
}
