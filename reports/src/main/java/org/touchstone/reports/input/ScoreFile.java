package org.touchstone.reports.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.touchstone.reports.stats.StageTimes;
import org.touchstone.runformat.RunDirectoryException;

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
 * decimal numbers: NaN, infinities and anything else stop the reading with the file and line. The text
 * must be UTF-8 (a byte order mark is skipped; UTF-16 is refused by name), hold at least one comparison,
 * and have no line longer than {@link ScoreFileText#MAX_LINE_BYTES} bytes.
 *
 * <p>Groups come from an optional subjects CSV ({@code subject_id} then one column per group column); a
 * subject it does not list is in no group. The text is read once ({@link #parse}); the two streaming passes
 * of {@link ComparisonData} replay the parsed comparisons, 16 bytes each, held in memory up to a budget and
 * in a temporary file beyond it ({@link ScoreRecords}), so memory holds the subjects, not the comparisons.
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
        try (CsvTable table = CsvTable.openScoreFile(groups, List.of("subject_id"))) {
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
        try (Parsed parsed = parse(scores, format)) {
            StageTimes.mark("parse");
            return route(parsed, groups, fmrTargets, fixedThresholds, exactLimit);
        }
    }

    private static ComparisonData route(Parsed parsed, Path groups, List<Double> fmrTargets,
                                        List<Double> fixedThresholds, long exactLimit) throws IOException {
        List<String> subjectIds = parsed.subjects();
        List<String> columns = groupColumns(groups);
        List<List<String>> columnValues = new ArrayList<>();
        int[][] sideGroups = new int[subjectIds.size()][columns.size()];
        for (int[] side : sideGroups) {
            java.util.Arrays.fill(side, TemplateTable.NO_GROUP);
        }
        if (groups != null) {
            Map<String, String[]> rows = readGroups(groups, columns);
            for (int c = 0; c < columns.size(); c++) {
                TreeSet<String> values = new TreeSet<>();
                for (String subject : subjectIds) {
                    String[] row = rows.get(subject);
                    if (row != null && !row[c].isEmpty()) {
                        values.add(row[c]);
                    }
                }
                List<String> sorted = List.copyOf(values);
                columnValues.add(sorted);
                Map<String, Integer> valueIndex = new HashMap<>();
                for (int v = 0; v < sorted.size(); v++) {
                    valueIndex.put(sorted.get(v), v);
                }
                for (int subject = 0; subject < subjectIds.size(); subject++) {
                    String[] row = rows.get(subjectIds.get(subject));
                    if (row != null && !row[c].isEmpty()) {
                        sideGroups[subject][c] = valueIndex.get(row[c]);
                    }
                }
            }
        }
        int[] subjectOfSide = new int[subjectIds.size()];
        for (int i = 0; i < subjectOfSide.length; i++) {
            subjectOfSide[i] = i;
        }
        ComparisonRouter router = new ComparisonRouter(columns, columnValues, sideGroups, subjectOfSide,
                subjectIds.size(), exactLimit);
        long[] failedMated = new long[1];
        long[] failedNonMated = new long[1];
        parsed.records().replay((enrolment, probe, score) -> {
            boolean scored = !Double.isNaN(score);
            boolean mated = enrolment == probe;
            router.route(enrolment, probe, mated, scored, score);
            if (!scored) {
                (mated ? failedMated : failedNonMated)[0]++;
            }
        });
        Map<FailureKey, Long> failures = new HashMap<>();
        if (failedMated[0] > 0) {
            failures.put(new FailureKey(FailureKey.COMPARISON, FailureKey.MATED, "comparison_failed", "NO_SCORE"),
                    failedMated[0]);
        }
        if (failedNonMated[0] > 0) {
            failures.put(new FailureKey(FailureKey.COMPARISON, FailureKey.NON_MATED, "comparison_failed", "NO_SCORE"),
                    failedNonMated[0]);
        }
        StageTimes.mark("first pass");
        router.startSecondPass(fmrTargets, fixedThresholds);
        parsed.records().replay((enrolment, probe, score) ->
                router.route(enrolment, probe, enrolment == probe, !Double.isNaN(score), score));
        // The comparisons are no longer needed: free them before the bootstrap sorts its tail.
        parsed.records().close();
        StageTimes.mark("second pass");
        return router.finish(failures);
    }

    private static Map<String, String[]> readGroups(Path groups, List<String> columns) throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        try (CsvTable table = CsvTable.openScoreFile(groups, List.of("subject_id"))) {
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

    /**
     * A score file parsed: its subject ids in order of first appearance (enrolment side first on each line)
     * and its comparisons by subject number.
     *
     * @param subjects the subject ids; subject number i is {@code subjects.get(i)}
     * @param records  the comparisons, in file order (the caller closes them)
     */
    record Parsed(List<String> subjects, ScoreRecords records) implements java.io.Closeable {
        @Override
        public void close() throws IOException {
            records.close();
        }
    }

    /**
     * Reads a score file once: every line parsed, every subject numbered, the comparisons kept for the
     * streaming passes (see {@link ScoreRecords}). Bob files are parsed in blocks on every core; a
     * Touchstone CSV is read in order (a quoted field may hold a line break, so its lines cannot be cut
     * apart safely).
     *
     * @param file   the score file
     * @param format its format
     * @return the subjects and comparisons
     * @throws RunDirectoryException when a line is malformed, the text is not UTF-8, a line is longer than
     *                               {@link ScoreFileText#MAX_LINE_BYTES} bytes, or there is no comparison
     * @throws IOException           when the file cannot be read
     */
    static Parsed parse(Path file, Format format) throws IOException {
        return parse(file, format, ScoreFileText.BLOCK_BYTES, new ScoreRecords());
    }

    /**
     * {@link #parse(Path, Format)} with a given block size and store (tests cut files into small blocks).
     *
     * @param file       the score file
     * @param format     its format
     * @param blockBytes bytes a block of a Bob file
     * @param records    where the comparisons go (closed on failure)
     * @return the subjects and comparisons
     * @throws IOException as {@link #parse(Path, Format)}
     */
    static Parsed parse(Path file, Format format, int blockBytes, ScoreRecords records) throws IOException {
        try {
            List<String> subjects = format == Format.TOUCHSTONE ? parseCsv(file, records)
                    : parseBob(file, format, blockBytes, records);
            if (records.size() == 0) {
                throw new RunDirectoryException(file, 0, 0, null, format == Format.TOUCHSTONE
                        ? "no comparisons: expected at least one row after the header"
                        : "no comparisons: expected at least one line \"" + (format == Format.BOB4
                        ? "claimed_id real_id test_label score" : "claimed_id model_label real_id test_label score")
                        + "\"");
            }
            return new Parsed(subjects, records);
        } catch (IOException | RuntimeException | Error e) {
            records.close();
            throw e;
        }
    }

    private static List<String> parseCsv(Path file, ScoreRecords records) throws IOException {
        Map<String, Integer> numbers = new HashMap<>();
        List<String> subjects = new ArrayList<>();
        try (CsvTable table = CsvTable.openScoreFile(file, List.of("enrolment_subject", "probe_subject", "score"))) {
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
                double value = scored ? table.finiteDecimal(score) : Double.NaN;
                int e = numbers.computeIfAbsent(table.get(enrolment), id -> add(subjects, id));
                int p = numbers.computeIfAbsent(table.get(probe), id -> add(subjects, id));
                records.add(e, p, value);
            }
        }
        return subjects;
    }

    private static int add(List<String> subjects, String id) {
        subjects.add(id);
        return subjects.size() - 1;
    }

    private static List<String> parseBob(Path file, Format format, int blockBytes, ScoreRecords records)
            throws IOException {
        BobScoreParser parser = new BobScoreParser(format == Format.BOB4 ? 4 : 5, format == Format.BOB4 ? 1 : 2);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "score-file-parser");
            thread.setDaemon(true);
            return thread;
        });
        Map<String, Integer> numbers = new HashMap<>();
        List<String> subjects = new ArrayList<>();
        try (ScoreFileText text = ScoreFileText.open(file, blockBytes)) {
            // Blocks are parsed ahead on every core and joined in file order: subject numbers and line numbers
            // are then those of a reading from the top. At most two blocks a core are in flight (bounded memory).
            ArrayDeque<Future<BobScoreParser.Block>> inFlight = new ArrayDeque<>();
            ArrayDeque<Boolean> overlong = new ArrayDeque<>();
            long linesBefore = 0;
            boolean more = true;
            while (more || !inFlight.isEmpty()) {
                while (more && inFlight.size() < 2 * threads) {
                    ScoreFileText.Block block = text.next();
                    if (block == null) {
                        more = false;
                    } else if (block.overlong()) {
                        inFlight.add(java.util.concurrent.CompletableFuture.completedFuture(null));
                        overlong.add(true);
                        more = false;
                    } else {
                        inFlight.add(pool.submit(() -> parser.parse(block.bytes(), block.length())));
                        overlong.add(false);
                    }
                }
                if (inFlight.isEmpty()) {
                    break;
                }
                BobScoreParser.Block parsed = join(inFlight.poll());
                if (overlong.poll()) {
                    throw new RunDirectoryException(file, linesBefore + 1, 0, null, "line longer than "
                            + ScoreFileText.MAX_LINE_BYTES + " bytes: expected one comparison a line (is this a"
                            + " score file?)");
                }
                if (parsed.error() != null) {
                    throw new RunDirectoryException(file, linesBefore + parsed.errorLine(), parsed.errorField(),
                            parsed.errorName(), parsed.error());
                }
                String[] names = parsed.names();
                int[] global = new int[names.length];
                for (int i = 0; i < names.length; i++) {
                    global[i] = numbers.computeIfAbsent(names[i], id -> add(subjects, id));
                }
                int[] enrolment = parsed.enrolment();
                int[] probe = parsed.probe();
                double[] score = parsed.score();
                for (int i = 0; i < parsed.count(); i++) {
                    records.add(global[enrolment[i]], global[probe[i]], score[i]);
                }
                linesBefore += parsed.lines();
            }
        } finally {
            pool.shutdownNow();
        }
        return subjects;
    }

    private static BobScoreParser.Block join(Future<BobScoreParser.Block> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while parsing a score file");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException(e.getCause());
        }
    }
}
