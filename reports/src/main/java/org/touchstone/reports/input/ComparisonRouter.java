package org.touchstone.reports.input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.touchstone.reports.verification.ScoreDistribution;
import org.touchstone.reports.verification.ScoreSink;
import org.touchstone.reports.verification.StreamingScoreDistribution;
import org.touchstone.reports.verification.SubjectBootstrap;

/**
 * Streams comparisons, in two passes, into every distribution the verification report needs: all
 * comparisons, each group of each grouping (every group column, then every intersection of two or more
 * columns), each cell of each column's cross-group impostor matrix, and the subject bootstrap.
 *
 * <p>A comparison is between two <em>sides</em> (templates in a run directory, subjects in a score file);
 * each side has a subject and a group per column. A comparison belongs to a group when both sides are in
 * it, and to cross-group cell (g, h) of a column when it is non-mated with its enrolment side in g and its
 * probe side in h. The first pass counts and histograms; the global plan then decides which impostor scores
 * every distribution keeps in the second pass (see {@link StreamingScoreDistribution}). Comparisons are
 * handed on in blocks to parts running on every core (see {@link #flush}); what is built does not depend on
 * how many.
 */
final class ComparisonRouter {
    /** Subject-pair cells and tail the bootstrap may hold. */
    private static final long BOOTSTRAP_CELLS = SubjectBootstrap.DEFAULT_CELL_BUDGET;

    /**
     * A way of splitting comparisons into groups.
     *
     * @param columns     the group columns, one or more
     * @param values      per group, its value per column; sorted
     * @param groupOfSide per side, the index of its group, or {@link TemplateTable#NO_GROUP}
     */
    record Grouping(List<String> columns, List<List<String>> values, int[] groupOfSide) {
    }

    private final List<Grouping> groupings = new ArrayList<>();
    private final int singleColumns;
    private final int[] subjectOfSide;
    private final int subjects;
    private final long exactLimit;

    private final Pass first;
    private Pass second;
    private final long[][] outside;
    private long mated;
    private long nonMated;
    private StreamingScoreDistribution.Plan plan;
    /** Every genuine comparison's sides and score (NaN when it failed), for per-group bootstraps. */
    private int[] genuineEnrolment = new int[64];
    private int[] genuineProbe = new int[64];
    private double[] genuineScore = new double[64];
    private int genuineCount;

    /** Comparisons per block handed to the distributions. */
    private static final int BLOCK = 8192;
    private static final int LANE_ALL = -1;
    private static final int LANE_BOOTSTRAP = -2;
    private static final int LANE_CROSS = -3;
    /**
     * Threads that feed the distributions while the caller reads on. Daemon threads, kept while in use
     * and shared by every router, so a report that fails half-way leaves no thread behind.
     */
    private static final ExecutorService FEEDERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "touchstone-comparison-router");
        thread.setDaemon(true);
        return thread;
    });

    /** A block of comparisons, column by column. */
    private static final class Block {
        final int[] enrolment = new int[BLOCK];
        final int[] probe = new int[BLOCK];
        final boolean[] mated = new boolean[BLOCK];
        final boolean[] scored = new boolean[BLOCK];
        final double[] score = new double[BLOCK];
    }

    /** The block being filled; with more than one part, the other one may be in flight. */
    private Block filling = new Block();
    private Block spare;
    private int buffered;
    /** The parts feeding the block in flight, or null. */
    private List<Future<?>> inFlight;
    /** The lanes of each part that runs at once: {@link #LANE_ALL}, ..., or a grouping's index. */
    private final List<int[]> parts;

    /** The sinks of one pass. */
    private static final class Pass {
        ScoreSink all;
        ScoreSink[][] groups;
        ScoreSink[][] cross;
        SubjectBootstrap.Collector bootstrap;
    }

    /**
     * @param columns       group column names
     * @param columnValues  per column, its sorted values
     * @param sideGroups    per side, per column, the index of its value or {@link TemplateTable#NO_GROUP}
     * @param subjectOfSide per side, its subject index
     * @param subjects      number of subjects
     * @param exactLimit    impostor scores up to which every score is kept
     */
    ComparisonRouter(List<String> columns, List<List<String>> columnValues, int[][] sideGroups, int[] subjectOfSide,
                     int subjects, long exactLimit) {
        this(columns, columnValues, sideGroups, subjectOfSide, subjects, exactLimit,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * As above, with at most {@code maxParts} parts running at once (1: all on the caller's thread, block by
     * block).
     *
     * @param maxParts at least 1
     */
    ComparisonRouter(List<String> columns, List<List<String>> columnValues, int[][] sideGroups, int[] subjectOfSide,
                     int subjects, long exactLimit, int maxParts) {
        if (maxParts < 1) {
            throw new IllegalArgumentException("maxParts must be at least 1, was " + maxParts);
        }
        this.singleColumns = columns.size();
        this.subjectOfSide = subjectOfSide;
        this.subjects = subjects;
        this.exactLimit = exactLimit;
        for (int c = 0; c < columns.size(); c++) {
            int[] groupOfSide = new int[sideGroups.length];
            for (int side = 0; side < sideGroups.length; side++) {
                groupOfSide[side] = sideGroups[side][c];
            }
            List<List<String>> values = new ArrayList<>();
            columnValues.get(c).forEach(value -> values.add(List.of(value)));
            groupings.add(new Grouping(List.of(columns.get(c)), values, groupOfSide));
        }
        for (int[] subset : subsetsOfAtLeastTwo(columns.size())) {
            groupings.add(intersection(columns, columnValues, sideGroups, subset));
        }
        outside = new long[groupings.size()][2];
        first = new Pass();
        first.all = StreamingScoreDistribution.firstPass();
        first.groups = new ScoreSink[groupings.size()][];
        for (int g = 0; g < groupings.size(); g++) {
            first.groups[g] = new ScoreSink[groupings.get(g).values().size()];
            for (int v = 0; v < first.groups[g].length; v++) {
                first.groups[g][v] = StreamingScoreDistribution.firstPass();
            }
        }
        first.cross = new ScoreSink[singleColumns][];
        for (int c = 0; c < singleColumns; c++) {
            int k = columnValues.get(c).size();
            first.cross[c] = new ScoreSink[k * k];
            for (int cell = 0; cell < k * k; cell++) {
                first.cross[c][cell] = StreamingScoreDistribution.firstPass();
            }
        }
        first.bootstrap = SubjectBootstrap.Collector.forSubjects(subjects, BOOTSTRAP_CELLS);
        parts = partition(maxParts);
    }

    /** Every subset of at least two column indices, by size, then in index order. */
    private static List<int[]> subsetsOfAtLeastTwo(int columns) {
        List<int[]> subsets = new ArrayList<>();
        for (int size = 2; size <= columns; size++) {
            for (int mask = 0; mask < 1 << columns; mask++) {
                if (Integer.bitCount(mask) == size) {
                    int[] subset = new int[size];
                    int n = 0;
                    for (int c = 0; c < columns; c++) {
                        if ((mask & 1 << c) != 0) {
                            subset[n++] = c;
                        }
                    }
                    subsets.add(subset);
                }
            }
        }
        subsets.sort((a, b) -> a.length != b.length ? Integer.compare(a.length, b.length) : Arrays.compare(a, b));
        return subsets;
    }

    /** The groups of an intersection: the value combinations some side has, sorted by values. */
    private static Grouping intersection(List<String> columns, List<List<String>> columnValues, int[][] sideGroups,
                                         int[] subset) {
        TreeMap<List<String>, Integer> present = new TreeMap<>((a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int order = a.get(i).compareTo(b.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        });
        List<List<String>> sideValues = new ArrayList<>();
        for (int[] groups : sideGroups) {
            List<String> values = new ArrayList<>();
            for (int c : subset) {
                if (groups[c] == TemplateTable.NO_GROUP) {
                    values = null;
                    break;
                }
                values.add(columnValues.get(c).get(groups[c]));
            }
            sideValues.add(values == null ? null : List.copyOf(values));
            if (values != null) {
                present.put(List.copyOf(values), 0);
            }
        }
        List<List<String>> values = new ArrayList<>(present.keySet());
        Map<List<String>, Integer> index = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            index.put(values.get(i), i);
        }
        int[] groupOfSide = new int[sideGroups.length];
        for (int side = 0; side < sideGroups.length; side++) {
            List<String> value = sideValues.get(side);
            groupOfSide[side] = value == null ? TemplateTable.NO_GROUP : index.get(value);
        }
        List<String> names = new ArrayList<>();
        for (int c : subset) {
            names.add(columns.get(c));
        }
        return new Grouping(names, values, groupOfSide);
    }

    /**
     * Routes one comparison in the current pass. Comparisons are buffered and handed on a block at a time
     * (see {@link #flush}); {@link #startSecondPass} and {@link #finish} hand on what is left.
     *
     * @param enrolmentSide the enrolment side
     * @param probeSide     the probe side
     * @param isMated       whether both sides show one subject
     * @param scored        whether it has a score
     * @param score         the score, when scored
     */
    void route(int enrolmentSide, int probeSide, boolean isMated, boolean scored, double score) {
        Block b = filling;
        b.enrolment[buffered] = enrolmentSide;
        b.probe[buffered] = probeSide;
        b.mated[buffered] = isMated;
        b.scored[buffered] = scored;
        b.score[buffered] = score;
        if (++buffered == BLOCK) {
            flush();
        }
    }

    /**
     * Hands the buffered comparisons to every distribution. The distributions are split into lanes (all
     * comparisons with the counts, the bootstrap, the cross-group cells, each grouping), and the lanes
     * into parts that run at once on their own threads while the caller fills the next block: each
     * distribution is fed by one lane only, one block after the other, in the order the comparisons came,
     * so its state, and every number built from it, is exactly what one thread feeding them row by row
     * gives. A lane walks the whole block before the next starts, which also keeps one distribution's
     * tables in cache at a time instead of every distribution's for each comparison.
     */
    private void flush() {
        awaitInFlight();
        int n = buffered;
        buffered = 0;
        if (n == 0) {
            return;
        }
        Block full = filling;
        Pass pass = second == null ? first : second;
        boolean counting = second == null;
        if (parts.size() == 1) {
            runPart(parts.get(0), full, pass, counting, n);
            return;
        }
        filling = spare != null ? spare : new Block();
        spare = full;
        List<Future<?>> jobs = new ArrayList<>();
        for (int[] part : parts) {
            jobs.add(FEEDERS.submit(() -> runPart(part, full, pass, counting, n)));
        }
        inFlight = jobs;
    }

    /** Waits for the block in flight, if any, and passes on a distribution's failure. */
    private void awaitInFlight() {
        if (inFlight == null) {
            return;
        }
        List<Future<?>> jobs = inFlight;
        inFlight = null;
        Throwable failure = null;
        boolean interrupted = false;
        for (Future<?> job : jobs) {
            // Every part is waited for, even when interrupted: none may still touch a distribution afterwards.
            while (true) {
                try {
                    job.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : e.getCause();
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private void runPart(int[] lanes, Block b, Pass pass, boolean counting, int n) {
        for (int lane : lanes) {
            switch (lane) {
                case LANE_ALL -> routeAll(b, pass, counting, n);
                case LANE_BOOTSTRAP -> routeBootstrap(b, pass, n);
                case LANE_CROSS -> routeCross(b, pass, n);
                default -> routeGrouping(lane, b, pass, counting, n);
            }
        }
    }

    private void routeAll(Block b, Pass pass, boolean counting, int n) {
        for (int i = 0; i < n; i++) {
            boolean isMated = b.mated[i];
            if (counting) {
                if (isMated) {
                    mated++;
                    keepGenuine(b.enrolment[i], b.probe[i], b.scored[i] ? b.score[i] : Double.NaN);
                } else {
                    nonMated++;
                }
            }
            add(pass.all, isMated, b.scored[i], b.score[i]);
        }
    }

    private void routeGrouping(int g, Block b, Pass pass, boolean counting, int n) {
        int[] groupOfSide = groupings.get(g).groupOfSide();
        ScoreSink[] sinks = pass.groups[g];
        long[] outsideCounts = outside[g];
        for (int i = 0; i < n; i++) {
            int group = groupOfSide[b.enrolment[i]];
            if (group != TemplateTable.NO_GROUP && group == groupOfSide[b.probe[i]]) {
                add(sinks[group], b.mated[i], b.scored[i], b.score[i]);
            } else if (counting) {
                outsideCounts[b.mated[i] ? 1 : 0]++;
            }
        }
    }

    private void routeCross(Block b, Pass pass, int n) {
        for (int c = 0; c < singleColumns; c++) {
            int[] groupOfSide = groupings.get(c).groupOfSide();
            int values = groupings.get(c).values().size();
            ScoreSink[] cells = pass.cross[c];
            for (int i = 0; i < n; i++) {
                if (!b.mated[i]) {
                    int enrolmentGroup = groupOfSide[b.enrolment[i]];
                    int probeGroup = groupOfSide[b.probe[i]];
                    if (enrolmentGroup != TemplateTable.NO_GROUP && probeGroup != TemplateTable.NO_GROUP) {
                        add(cells[enrolmentGroup * values + probeGroup], false, b.scored[i], b.score[i]);
                    }
                }
            }
        }
    }

    private void routeBootstrap(Block b, Pass pass, int n) {
        SubjectBootstrap.Collector bootstrap = pass.bootstrap;
        if (bootstrap == null) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (b.mated[i]) {
                bootstrap.addGenuine(subjectOfSide[b.enrolment[i]], b.scored[i], b.score[i]);
            } else {
                bootstrap.addImpostor(subjectOfSide[b.enrolment[i]], subjectOfSide[b.probe[i]], b.scored[i],
                        b.score[i]);
            }
        }
    }

    /**
     * The lanes split into at most {@code maxParts} parts (by default one per core), the costliest lanes
     * placed first, each on the part with the least work so far; a
     * lane's cost is roughly the distributions it feeds per comparison.
     */
    private List<int[]> partition(int maxParts) {
        List<int[]> lanes = new ArrayList<>(); // {lane, cost}
        lanes.add(new int[] {LANE_ALL, 2});
        lanes.add(new int[] {LANE_BOOTSTRAP, 2});
        if (singleColumns > 0) {
            lanes.add(new int[] {LANE_CROSS, singleColumns});
        }
        for (int g = 0; g < groupings.size(); g++) {
            lanes.add(new int[] {g, 1});
        }
        int count = Math.min(lanes.size(), maxParts);
        List<List<Integer>> parts = new ArrayList<>();
        int[] load = new int[count];
        for (int p = 0; p < count; p++) {
            parts.add(new ArrayList<>());
        }
        lanes.sort((a, b) -> Integer.compare(b[1], a[1]));
        for (int[] lane : lanes) {
            int least = 0;
            for (int p = 1; p < count; p++) {
                if (load[p] < load[least]) {
                    least = p;
                }
            }
            parts.get(least).add(lane[0]);
            load[least] += lane[1];
        }
        return parts.stream().map(part -> part.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    private void keepGenuine(int enrolmentSide, int probeSide, double score) {
        if (genuineCount == genuineScore.length) {
            genuineEnrolment = Arrays.copyOf(genuineEnrolment, genuineCount * 2);
            genuineProbe = Arrays.copyOf(genuineProbe, genuineCount * 2);
            genuineScore = Arrays.copyOf(genuineScore, genuineCount * 2);
        }
        genuineEnrolment[genuineCount] = enrolmentSide;
        genuineProbe[genuineCount] = probeSide;
        genuineScore[genuineCount++] = score;
    }

    private static void add(ScoreSink sink, boolean isMated, boolean scored, double score) {
        if (isMated) {
            if (scored) {
                sink.addGenuine(score);
            } else {
                sink.addFailedGenuine(1);
            }
        } else if (scored) {
            sink.addImpostor(score);
        } else {
            sink.addFailedImpostor(1);
        }
    }

    /**
     * Ends the first pass: plans the exact bins from all comparisons and starts the second pass.
     *
     * @param fmrTargets      FMR targets whose thresholds must be exact
     * @param fixedThresholds named thresholds
     */
    void startSecondPass(List<Double> fmrTargets, List<Double> fixedThresholds) {
        flush();
        awaitInFlight();
        StreamingScoreDistribution.FirstPass all = (StreamingScoreDistribution.FirstPass) first.all;
        plan = all.plan(fmrTargets, fixedThresholds, exactLimit);
        second = new Pass();
        second.all = plan.secondPass(all);
        second.groups = new ScoreSink[first.groups.length][];
        for (int g = 0; g < first.groups.length; g++) {
            second.groups[g] = secondPasses(first.groups[g]);
        }
        second.cross = new ScoreSink[first.cross.length][];
        for (int c = 0; c < first.cross.length; c++) {
            second.cross[c] = secondPasses(first.cross[c]);
        }
        if (first.bootstrap != null) {
            first.bootstrap.startSecondPass(all, fmrTargets, fixedThresholds, SubjectBootstrap.DEFAULT_TAIL_BUDGET);
            second.bootstrap = first.bootstrap;
        }
    }

    private ScoreSink[] secondPasses(ScoreSink[] firstPasses) {
        ScoreSink[] passes = new ScoreSink[firstPasses.length];
        for (int i = 0; i < passes.length; i++) {
            passes[i] = plan.secondPass((StreamingScoreDistribution.FirstPass) firstPasses[i]);
        }
        return passes;
    }

    /**
     * Ends the second pass.
     *
     * @param failures failed comparisons by kind, counted by the reader
     * @return every distribution
     */
    ComparisonData finish(Map<FailureKey, Long> failures) {
        flush();
        awaitInFlight();
        List<ComparisonData.Grouping> results = new ArrayList<>();
        for (int g = 0; g < groupings.size(); g++) {
            Grouping grouping = groupings.get(g);
            results.add(new ComparisonData.Grouping(grouping.columns(), grouping.values(), build(second.groups[g]),
                    outside[g][1], outside[g][0], grouping.groupOfSide()));
        }
        List<ComparisonData.CrossGroup> cross = new ArrayList<>();
        for (int c = 0; c < singleColumns; c++) {
            List<String> values = groupings.get(c).values().stream().map(v -> v.get(0)).toList();
            cross.add(new ComparisonData.CrossGroup(groupings.get(c).columns().get(0), values, build(second.cross[c])));
        }
        StreamingScoreDistribution all = ((StreamingScoreDistribution.SecondPass) second.all).build();
        SubjectBootstrap bootstrap = second.bootstrap == null ? null : second.bootstrap.build();
        String skipped = bootstrap != null ? null : subjects + " subjects: the subject-pair counts would need "
                + (long) subjects * subjects + " cells, more than the budget of " + BOOTSTRAP_CELLS;
        ComparisonData.GenuineOutcomes genuine = new ComparisonData.GenuineOutcomes(
                Arrays.copyOf(genuineEnrolment, genuineCount), Arrays.copyOf(genuineProbe, genuineCount),
                Arrays.copyOf(genuineScore, genuineCount), subjectOfSide);
        return new ComparisonData(all, results, cross, new TreeMap<>(failures), mated, nonMated, bootstrap, skipped,
                subjects, genuine);
    }

    private static List<ScoreDistribution> build(ScoreSink[] passes) {
        List<ScoreDistribution> built = new ArrayList<>();
        for (ScoreSink pass : passes) {
            built.add(((StreamingScoreDistribution.SecondPass) pass).build());
        }
        return built;
    }
}
