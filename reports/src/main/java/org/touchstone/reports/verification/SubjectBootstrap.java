package org.touchstone.reports.verification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.touchstone.reports.stats.BootstrapPercentiles;
import org.touchstone.reports.stats.ConfidenceInterval;

/**
 * The subject-clustered ("subsets") bootstrap of verification rates (Bolle, Ratha and Pankanti, 2004):
 * comparisons sharing a subject are correlated, so binomial intervals are too narrow. Each replicate draws
 * the subjects with replacement (multiplicity m_s); a genuine comparison of subject s counts m_s times, an
 * impostor comparison between subjects a and b counts m_a m_b times (impostor pairs resampled by subject
 * pair, from the same draw). Thresholds chosen from the data (those of the FMR targets) are chosen again in
 * every replicate, from the replicate's own impostor comparisons; fixed thresholds stay fixed. Intervals
 * are the replicates' 2.5% and 97.5% percentiles.
 *
 * <h2>Cost</h2>
 * Counts are aggregated per subject and per subject pair, and only the highest impostor scores (a tail
 * sized for the FMR targets, plus every score at or above the lowest fixed threshold, within a budget) are
 * kept with their subject pair. A replicate costs one pass over the subject-pair counts (S^2) plus one over
 * the tail, whatever the number of comparisons. A fixed threshold or target whose threshold falls below the
 * tail in a replicate gets no interval for that replicate; the number of such replicates is reported.
 *
 * <h2>Reproducibility</h2>
 * Replicate r draws from its own {@link SplittableRandom} seeded with {@code seed + r}; replicates run in
 * parallel and are stored by index, so the result does not depend on scheduling.
 */
public final class SubjectBootstrap {
    /** The method name given to the intervals. */
    public static final String METHOD = "subject-bootstrap-percentile";
    /** The default number of replicates. */
    public static final int DEFAULT_REPLICATES = 1000;
    /** The default base seed. */
    public static final long DEFAULT_SEED = 20261126L;
    /** Subject-pair cells above which the bootstrap is not run (64 MB of counts). */
    public static final long DEFAULT_CELL_BUDGET = 1L << 24;
    /** Impostor scores kept with their subject pair, at most (64 MB). */
    public static final int DEFAULT_TAIL_BUDGET = 1 << 22;

    private final int subjects;
    private final double[] genuineScores;
    private final int[] genuineSubject;
    private final long[] genuineTrials;
    private final long[] failedGenuine;
    /**
     * Impostor comparisons per (enrolment subject, probe subject) as runs of equal counts along each row:
     * row a's runs are runStart/runValue[rowRuns[a] .. rowRuns[a + 1]). With prefix sums of the multiplicities
     * a row costs one step per run, and real protocols have few runs per row (all-vs-all: two or three).
     * Null when there would be too many runs; {@link #denseCounts} holds the matrix then.
     */
    private final int[] rowRuns;
    private final int[] runStart;
    private final int[] runValue;
    private final int[] denseCounts;
    /**
     * The nonzero cells as compressed rows, when cheaper than runs and the dense matrix (scattered impostor
     * pairs, as when each subject meets a random sample of the others): row a's cells are
     * sparseColumn/sparseCount[sparseRows[a] .. sparseRows[a + 1]). Null otherwise.
     */
    private final int[] sparseRows;
    private final char[] sparseColumn;
    private final int[] sparseCount;
    private final double[] tailScores;
    /** Per tail entry, its subject pair packed as enrolment << 16 | probe (subjects fit 16 bits by the budget). */
    private final int[] tailPairs;
    /** Bit t set when tail entry t is the last of its score (ties are added together). */
    private final long[] lastOfScore;
    private final double tailCutoff;
    /** Whether replicates walk the tail to precomputed integer bounds (false only to test against). */
    private final boolean walkByBounds;

    private SubjectBootstrap(Collector collector, double[] tailScores, int[] tailEnrolment, int[] tailProbe,
                             boolean walkByBounds) {
        this.subjects = collector.subjects;
        int n = collector.genuineCount;
        double[] scores = Arrays.copyOf(collector.genuineScores, n);
        int[] owners = Arrays.copyOf(collector.genuineOwners, n);
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (x, y) -> Double.compare(scores[x], scores[y]));
        this.genuineScores = new double[n];
        this.genuineSubject = new int[n];
        for (int i = 0; i < n; i++) {
            genuineScores[i] = scores[order[i]];
            genuineSubject[i] = owners[order[i]];
        }
        this.genuineTrials = collector.genuineTrials;
        this.failedGenuine = collector.failedGenuine;
        int[] counts = collector.impostorCounts;
        int[] rows = new int[subjects + 1];
        int runs = 0;
        for (int a = 0; a < subjects; a++) {
            rows[a] = runs;
            for (int b = 0; b < subjects; b++) {
                if (b == 0 || counts[a * subjects + b] != counts[a * subjects + b - 1]) {
                    runs++;
                }
            }
        }
        rows[subjects] = runs;
        long nonzero = 0;
        for (int count : counts) {
            if (count != 0) {
                nonzero++;
            }
        }
        // A replicate visits each run, each nonzero cell, or each cell. Runs take two ints, a nonzero cell an
        // int and a char, a dense cell one int: pick the fewest bytes to stream per replicate.
        long runBytes = 8L * runs;
        long sparseBytes = 6L * nonzero;
        long denseBytes = 4L * subjects * subjects;
        if (sparseBytes < runBytes && sparseBytes < denseBytes) {
            this.rowRuns = null;
            this.runStart = null;
            this.runValue = null;
            this.denseCounts = null;
            this.sparseRows = new int[subjects + 1];
            this.sparseColumn = new char[(int) nonzero];
            this.sparseCount = new int[(int) nonzero];
            int cell = 0;
            for (int a = 0; a < subjects; a++) {
                sparseRows[a] = cell;
                for (int b = 0; b < subjects; b++) {
                    int count = counts[a * subjects + b];
                    if (count != 0) {
                        sparseColumn[cell] = (char) b;
                        sparseCount[cell++] = count;
                    }
                }
            }
            sparseRows[subjects] = cell;
        } else if (runBytes <= denseBytes) {
            this.sparseRows = null;
            this.sparseColumn = null;
            this.sparseCount = null;
            this.rowRuns = rows;
            this.runStart = new int[runs];
            this.runValue = new int[runs];
            int run = 0;
            for (int a = 0; a < subjects; a++) {
                for (int b = 0; b < subjects; b++) {
                    if (b == 0 || counts[a * subjects + b] != counts[a * subjects + b - 1]) {
                        runStart[run] = b;
                        runValue[run++] = counts[a * subjects + b];
                    }
                }
            }
            this.denseCounts = null;
        } else {
            this.sparseRows = null;
            this.sparseColumn = null;
            this.sparseCount = null;
            this.rowRuns = null;
            this.runStart = null;
            this.runValue = null;
            this.denseCounts = counts;
        }
        this.tailScores = tailScores;
        this.tailPairs = new int[tailScores.length];
        this.lastOfScore = new long[(tailScores.length + 63) / 64];
        for (int t = 0; t < tailScores.length; t++) {
            tailPairs[t] = tailEnrolment[t] << 16 | tailProbe[t];
            if (t == tailScores.length - 1 || tailScores[t + 1] != tailScores[t]) {
                lastOfScore[t >>> 6] |= 1L << t;
            }
        }
        this.tailCutoff = collector.cutoff;
        this.walkByBounds = walkByBounds;
    }

    /**
     * Intervals of one operating point.
     *
     * @param fmr                  interval of FMR, null when no replicate had it
     * @param fnmr                 interval of FNMR, null when no replicate had it
     * @param replicatesBeyondTail replicates whose threshold fell below the kept tail (no value there)
     */
    public record Intervals(ConfidenceInterval fmr, ConfidenceInterval fnmr, int replicatesBeyondTail) {
    }

    /**
     * The bootstrap's outcome.
     *
     * @param replicates     replicates run
     * @param seed           base seed
     * @param subjects       clusters resampled
     * @param tailScores     impostor scores kept with their subject pair
     * @param fmrTargets     per FMR target, in the order given, with the threshold re-derived per replicate
     * @param fixed          per fixed threshold, in the order given
     */
    public record Result(int replicates, long seed, int subjects, int tailScores, List<Intervals> fmrTargets,
                         List<Intervals> fixed) {
    }

    /**
     * Runs the bootstrap.
     *
     * @param fmrTargets      FMR targets in (0, 1]
     * @param fixedThresholds fixed thresholds
     * @param replicates      number of replicates, {@code >= 1}
     * @param seed            base seed
     * @param level           two-sided level, e.g. 0.95
     * @return the intervals
     */
    public Result run(List<Double> fmrTargets, List<Double> fixedThresholds, int replicates, long seed, double level) {
        if (replicates < 1) {
            throw new IllegalArgumentException("need at least one replicate, was " + replicates);
        }
        int targets = fmrTargets.size();
        int fixed = fixedThresholds.size();
        double[][] fmr = new double[targets + fixed][replicates];
        double[][] fnmr = new double[targets + fixed][replicates];
        int[][] draws = new int[replicates][];
        IntStream.range(0, replicates).parallel().forEach(r -> draws[r] = draw(seed + r));
        long[] impostors = impostorComparisons(draws);
        IntStream.range(0, replicates).parallel().forEach(r -> replicate(r, draws[r], impostors[r], fmrTargets,
                fixedThresholds, fmr, fnmr));
        List<Intervals> targetIntervals = new ArrayList<>();
        List<Intervals> fixedIntervals = new ArrayList<>();
        for (int k = 0; k < targets + fixed; k++) {
            int beyond = (int) Arrays.stream(fmr[k]).filter(Double::isInfinite).count();
            double[] fmrValues = Arrays.stream(fmr[k]).map(v -> Double.isInfinite(v) ? Double.NaN : v).toArray();
            double[] fnmrValues = new double[replicates];
            for (int r = 0; r < replicates; r++) {
                fnmrValues[r] = Double.isInfinite(fmr[k][r]) ? Double.NaN : fnmr[k][r];
            }
            Intervals intervals = new Intervals(BootstrapPercentiles.interval(fmrValues, level, METHOD),
                    BootstrapPercentiles.interval(fnmrValues, level, METHOD), beyond);
            (k < targets ? targetIntervals : fixedIntervals).add(intervals);
        }
        return new Result(replicates, seed, subjects, tailScores.length, targetIntervals, fixedIntervals);
    }

    /** A replicate's multiplicities: S subjects drawn with replacement from its own generator. */
    private int[] draw(long replicateSeed) {
        SplittableRandom random = new SplittableRandom(replicateSeed);
        int[] m = new int[subjects];
        for (int i = 0; i < subjects; i++) {
            m[random.nextInt(subjects)]++;
        }
        return m;
    }

    /**
     * One replicate of draw m with its impostor comparisons (the sum over subject pairs of m_a m_b counts[a][b]);
     * a threshold below the tail is marked by an infinite FMR.
     */
    private void replicate(int r, int[] m, long impostors, List<Double> fmrTargets, List<Double> fixedThresholds,
                           double[][] fmr, double[][] fnmr) {
        long genuine = 0;
        long failed = 0;
        for (int s = 0; s < subjects; s++) {
            genuine += m[s] * genuineTrials[s];
            failed += m[s] * failedGenuine[s];
        }
        GenuineBelow below = new GenuineBelow(m);
        int targets = fmrTargets.size();
        // FMR targets: walk the tail downwards; the threshold is just above the highest score whose inclusion
        // would exceed f * Ni (same comparison as FmrOperatingPoint), ties together.
        Integer[] byTarget = IntStream.range(0, targets).boxed().toArray(Integer[]::new);
        Arrays.sort(byTarget, (x, y) -> Double.compare(fmrTargets.get(x), fmrTargets.get(y)));
        // Unboxed once: the walk compares against the next target at every distinct tail score.
        double[] ascendingTargets = new double[targets];
        for (int i = 0; i < targets; i++) {
            ascendingTargets[i] = fmrTargets.get(byTarget[i]);
        }
        int next = 0;
        long weight = 0;
        if (walkByBounds) {
            // The same walk without a division and a rarely-taken branch per tail entry (ties are random, so
            // that branch was mispredicted about every other entry): (double) w / Ni > f is monotone in w, so
            // each target becomes the least integer weight that exceeds it, and the walk adds products until
            // the cumulative weight reaches it. The score group holding that entry is where the target is met,
            // exactly as when the test ran at the end of every group.
            int tail = tailPairs.length;
            int t = 0;
            long cumulative = 0;
            while (next < targets && impostors > 0) {
                long bound = leastWeightAbove(ascendingTargets[next], impostors);
                while (t < tail && cumulative < bound) {
                    int pair = tailPairs[t++];
                    cumulative += (long) m[pair >>> 16] * m[pair & 0xFFFF];
                }
                if (cumulative < bound) {
                    break;
                }
                // Finish the crossing entry's score group; weight is what lies above the group.
                while ((lastOfScore[(t - 1) >>> 6] & 1L << (t - 1)) == 0) {
                    int pair = tailPairs[t++];
                    cumulative += (long) m[pair >>> 16] * m[pair & 0xFFFF];
                }
                int groupEnd = t - 1;
                long group = 0;
                for (int g = groupEnd; g >= 0 && (g == groupEnd || (lastOfScore[(g) >>> 6] & 1L << g) == 0); g--) {
                    int pair = tailPairs[g];
                    group += (long) m[pair >>> 16] * m[pair & 0xFFFF];
                }
                weight = cumulative - group;
                double threshold = Math.nextUp(tailScores[groupEnd]);
                while (next < targets && cumulative >= leastWeightAbove(ascendingTargets[next], impostors)) {
                    int k = byTarget[next++];
                    fmr[k][r] = (double) weight / impostors;
                    fnmr[k][r] = genuine == 0 ? Double.NaN : (double) (failed + below.count(threshold)) / genuine;
                }
                weight = cumulative;
            }
            if (next < targets) {
                // The tail ran out first: the weight of the whole tail, for the targets it all fits under.
                for (; t < tail; t++) {
                    int pair = tailPairs[t];
                    cumulative += (long) m[pair >>> 16] * m[pair & 0xFFFF];
                }
                weight = cumulative;
            }
        } else {
            long added = 0;
            for (int t = 0; next < targets && t < tailPairs.length; t++) {
                int pair = tailPairs[t];
                added += (long) m[pair >>> 16] * m[pair & 0xFFFF];
                if ((lastOfScore[t >>> 6] & 1L << t) == 0) {
                    continue;
                }
                while (next < targets && impostors > 0
                        && (double) (weight + added) / impostors > ascendingTargets[next]) {
                    int k = byTarget[next++];
                    double threshold = Math.nextUp(tailScores[t]);
                    fmr[k][r] = (double) weight / impostors;
                    fnmr[k][r] = genuine == 0 ? Double.NaN : (double) (failed + below.count(threshold)) / genuine;
                }
                weight += added;
                added = 0;
            }
        }
        while (next < targets) {
            int k = byTarget[next++];
            // The whole tail fits under the target: the threshold lies below the tail unless the tail is everything.
            boolean tailIsEverything = tailCutoff == Double.NEGATIVE_INFINITY;
            if (impostors == 0 || genuine == 0) {
                fmr[k][r] = Double.NaN;
                fnmr[k][r] = Double.NaN;
            } else if (tailIsEverything) {
                // Even the lowest threshold meets the target: nothing is below it but the failed comparisons.
                fmr[k][r] = (double) weight / impostors;
                fnmr[k][r] = (double) failed / genuine;
            } else {
                fmr[k][r] = Double.POSITIVE_INFINITY;
            }
        }
        for (int f = 0; f < fixedThresholds.size(); f++) {
            double threshold = fixedThresholds.get(f);
            if (threshold < tailCutoff) {
                fmr[targets + f][r] = Double.POSITIVE_INFINITY;
                continue;
            }
            long falseMatches = 0;
            for (int t = 0; t < tailScores.length && tailScores[t] >= threshold; t++) {
                int pair = tailPairs[t];
                falseMatches += (long) m[pair >>> 16] * m[pair & 0xFFFF];
            }
            fmr[targets + f][r] = impostors == 0 ? Double.NaN : (double) falseMatches / impostors;
            fnmr[targets + f][r] = genuine == 0 ? Double.NaN : (double) (failed + below.count(threshold)) / genuine;
        }
    }

    /**
     * The least weight w with {@code (double) w / impostors > target}, the test the walk makes at each score
     * group; {@code impostors + 1} when no weight up to all impostors exceeds it. The product is within an ulp
     * or two of the answer, and the two loops settle it with the very comparison the walk would have made.
     */
    static long leastWeightAbove(double target, long impostors) {
        long w = (long) Math.max(0, Math.min(Math.floor(target * impostors), (double) impostors));
        while (w > 0 && (double) (w - 1) / impostors > target) {
            w--;
        }
        while (w <= impostors && !((double) w / impostors > target)) {
            w++;
        }
        return w;
    }

    /**
     * How the subject-pair counts are held, chosen for the least to stream per replicate.
     *
     * @return {@code "runs"}, {@code "sparse"} or {@code "dense"}
     */
    String countLayout() {
        return rowRuns != null ? "runs" : sparseRows != null ? "sparse" : "dense";
    }

    /**
     * Every replicate's impostor comparisons, the sum over subject pairs of m_a m_b counts[a][b]. For scattered
     * or dense counts, several replicates share one pass over the cells, their multiplicities packed into
     * lanes of one long (SIMD within a register, by hand: the JIT does not vectorize the gather): a row's sum
     * of count * m_b in every lane at once, exact because no lane can exceed maxCount * S (the multiplicities
     * sum to S), which the lane width is chosen to hold. Lanes are then unpacked and summed in longs; the
     * same integers as one replicate at a time.
     *
     * @param draws per replicate, its multiplicities
     * @return per replicate, its impostor comparisons
     */
    long[] impostorComparisons(int[][] draws) {
        long[] impostors = new long[draws.length];
        long maxCount = 0;
        for (int count : sparseCount != null ? sparseCount : denseCounts != null ? denseCounts : new int[0]) {
            maxCount = Math.max(maxCount, count);
        }
        long laneBound = maxCount * subjects;
        int lanes = laneBound < 1L << 16 ? 4 : laneBound < 1L << 21 ? 3 : laneBound < 1L << 32 ? 2 : 1;
        // Run-length rows are already a few steps a row; one lane is plain longs.
        if (rowRuns != null || lanes == 1) {
            IntStream.range(0, draws.length).parallel().forEach(r -> impostors[r] = impostorComparisons(draws[r]));
            return impostors;
        }
        int bits = 64 / lanes;
        long mask = (1L << bits) - 1;
        int groups = (draws.length + lanes - 1) / lanes;
        IntStream.range(0, groups).parallel().forEach(group -> {
            int first = group * lanes;
            int width = Math.min(lanes, draws.length - first);
            long[] packed = new long[subjects];
            for (int lane = 0; lane < width; lane++) {
                int[] m = draws[first + lane];
                for (int s = 0; s < subjects; s++) {
                    packed[s] |= (long) m[s] << (bits * lane);
                }
            }
            long[] total = new long[lanes];
            for (int a = 0; a < subjects; a++) {
                long weightsOfA = packed[a];
                if (weightsOfA == 0) {
                    continue;
                }
                long row = 0;
                if (sparseRows != null) {
                    for (int cell = sparseRows[a]; cell < sparseRows[a + 1]; cell++) {
                        row += sparseCount[cell] * packed[sparseColumn[cell]];
                    }
                } else {
                    int offset = a * subjects;
                    for (int b = 0; b < subjects; b++) {
                        row += denseCounts[offset + b] * packed[b];
                    }
                }
                for (int lane = 0; lane < width; lane++) {
                    total[lane] += (weightsOfA >>> (bits * lane) & mask) * (row >>> (bits * lane) & mask);
                }
            }
            for (int lane = 0; lane < width; lane++) {
                impostors[first + lane] = total[lane];
            }
        });
        return impostors;
    }

    /** Replicate impostor comparisons: the sum over subject pairs of m_a m_b counts[a][b]. */
    long impostorComparisons(int[] m) {
        long total = 0;
        if (sparseRows != null) {
            for (int a = 0; a < subjects; a++) {
                if (m[a] != 0) {
                    long row = 0;
                    for (int cell = sparseRows[a]; cell < sparseRows[a + 1]; cell++) {
                        row += (long) sparseCount[cell] * m[sparseColumn[cell]];
                    }
                    total += m[a] * row;
                }
            }
            return total;
        }
        if (rowRuns != null) {
            long[] prefix = new long[subjects + 1];
            for (int b = 0; b < subjects; b++) {
                prefix[b + 1] = prefix[b] + m[b];
            }
            for (int a = 0; a < subjects; a++) {
                if (m[a] == 0) {
                    continue;
                }
                long row = 0;
                for (int run = rowRuns[a]; run < rowRuns[a + 1]; run++) {
                    int end = run + 1 < rowRuns[a + 1] ? runStart[run + 1] : subjects;
                    row += runValue[run] * (prefix[end] - prefix[runStart[run]]);
                }
                total += m[a] * row;
            }
            return total;
        }
        for (int a = 0; a < subjects; a++) {
            if (m[a] != 0) {
                long row = 0;
                int offset = a * subjects;
                for (int b = 0; b < subjects; b++) {
                    row += (long) denseCounts[offset + b] * m[b];
                }
                total += m[a] * row;
            }
        }
        return total;
    }

    /**
     * Weighted genuine scores below a threshold, for one replicate's draw. The thresholds of one replicate
     * come in descending order (FMR targets) and then any order (fixed ones): a cursor over the sorted genuine
     * scores moves from the last threshold rather than counting from the lowest score each time.
     */
    private final class GenuineBelow {
        private final int[] m;
        private int index;
        private long weight;

        GenuineBelow(int[] m) {
            this.m = m;
        }

        long count(double threshold) {
            while (index < genuineScores.length && genuineScores[index] < threshold) {
                weight += m[genuineSubject[index++]];
            }
            while (index > 0 && genuineScores[index - 1] >= threshold) {
                weight -= m[genuineSubject[--index]];
            }
            return weight;
        }
    }

    /**
     * Collects what the bootstrap needs, in the same two passes as a {@link StreamingScoreDistribution}:
     * counts per subject and subject pair in the first, the impostor tail in the second.
     */
    public static final class Collector {
        private final int subjects;
        private final int[] impostorCounts;
        private final long[] genuineTrials;
        private final long[] failedGenuine;
        private double[] genuineScores = new double[64];
        private int[] genuineOwners = new int[64];
        private int genuineCount;
        private double cutoff = Double.POSITIVE_INFINITY;
        private double[] tail = new double[64];
        private int[] tailPairs = new int[64];
        private int tailCount;
        private boolean secondPass;

        private Collector(int subjects) {
            this.subjects = subjects;
            this.impostorCounts = new int[subjects * subjects];
            this.genuineTrials = new long[subjects];
            this.failedGenuine = new long[subjects];
        }

        /**
         * A collector for a number of subjects, or none when the subject-pair counts would exceed the budget.
         *
         * @param subjects   number of subjects (clusters), indexed 0 .. subjects - 1
         * @param cellBudget the most subject-pair cells to hold, e.g. {@link #DEFAULT_CELL_BUDGET}
         * @return the collector, or null when subjects^2 &gt; cellBudget (the report then says so)
         */
        public static Collector forSubjects(int subjects, long cellBudget) {
            return (long) subjects * subjects > cellBudget ? null : new Collector(subjects);
        }

        /**
         * First pass: a genuine comparison of a subject, scored or not.
         *
         * @param subject the subject
         * @param scored  whether it has a score
         * @param score   the score when scored
         */
        public void addGenuine(int subject, boolean scored, double score) {
            if (secondPass) {
                return;
            }
            genuineTrials[subject]++;
            if (!scored) {
                failedGenuine[subject]++;
                return;
            }
            if (genuineCount == genuineScores.length) {
                genuineScores = Arrays.copyOf(genuineScores, genuineCount * 2);
                genuineOwners = Arrays.copyOf(genuineOwners, genuineCount * 2);
            }
            genuineScores[genuineCount] = score;
            genuineOwners[genuineCount++] = subject;
        }

        /**
         * An impostor comparison between two subjects: counted in the first pass (scored or not); in the
         * second pass its score is kept when at or above the cutoff.
         *
         * @param enrolmentSubject subject of the enrolment side
         * @param probeSubject     subject of the probe side
         * @param scored           whether it has a score
         * @param score            the score when scored
         */
        public void addImpostor(int enrolmentSubject, int probeSubject, boolean scored, double score) {
            int cell = enrolmentSubject * subjects + probeSubject;
            if (!secondPass) {
                impostorCounts[cell]++;
            } else if (scored && score >= cutoff) {
                if (tailCount == tail.length) {
                    tail = Arrays.copyOf(tail, tailCount * 2);
                    tailPairs = Arrays.copyOf(tailPairs, tailCount * 2);
                }
                tail[tailCount] = score;
                tailPairs[tailCount++] = cell;
            }
        }

        /**
         * Ends the first pass: sizes the impostor tail from the first pass of all scores, so that it holds
         * twice the false matches of the largest FMR target plus every score at or above the lowest fixed
         * threshold, within the budget.
         *
         * @param scores          the global first pass of the same comparisons
         * @param fmrTargets      the FMR targets
         * @param fixedThresholds the fixed thresholds
         * @param tailBudget      the most impostor scores to keep, e.g. {@link #DEFAULT_TAIL_BUDGET}
         */
        public void startSecondPass(StreamingScoreDistribution.FirstPass scores, List<Double> fmrTargets,
                                    List<Double> fixedThresholds, int tailBudget) {
            long impostors = scores.scoredImpostors();
            double largest = fmrTargets.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            long wanted = (long) Math.ceil(2 * largest * impostors) + 100;
            double cutoff = scores.lowestScoreWithAtLeast(Math.min(wanted, tailBudget));
            for (double threshold : fixedThresholds) {
                if (threshold < cutoff && scores.impostorScoresAtOrAboveBin(threshold) <= tailBudget) {
                    cutoff = threshold;
                }
            }
            this.cutoff = cutoff;
            this.secondPass = true;
        }

        /**
         * Ends the second pass.
         *
         * @return the bootstrap
         */
        public SubjectBootstrap build() {
            return build(true);
        }

        /**
         * Ends the second pass.
         *
         * @param walkByBounds whether replicates walk the tail to integer bounds; false gives the walk that
         *                     tests every score group, kept to test the other against
         * @return the bootstrap
         */
        SubjectBootstrap build(boolean walkByBounds) {
            double[] scores = Arrays.copyOf(tail, tailCount);
            double[] ascending = scores.clone();
            // Both sorts and the ranking on every core: the tail is a fifth of the impostors with the default
            // targets (millions of entries on large files); primitives sort to the same order either way.
            Arrays.parallelSort(ascending);
            // Sort (score, pair) descending by packing the score's rank above the pair index (pairs < 2^24 cells
            // by the budget, ranks < 2^31): two primitive sorts instead of a boxed one.
            long[] packed = new long[tailCount];
            int[] pairs = tailPairs;
            IntStream.range(0, tailCount).parallel().forEach(t -> {
                long rank = tailCount - 1 - lastIndexOf(ascending, scores[t]);
                packed[t] = (rank << 32) | (pairs[t] & 0xffffffffL);
            });
            Arrays.parallelSort(packed);
            double[] sortedScores = new double[tailCount];
            int[] enrolment = new int[tailCount];
            int[] probe = new int[tailCount];
            for (int t = 0; t < tailCount; t++) {
                int cell = (int) packed[t];
                sortedScores[t] = ascending[tailCount - 1 - (int) (packed[t] >>> 32)];
                enrolment[t] = cell / subjects;
                probe[t] = cell % subjects;
            }
            return new SubjectBootstrap(this, sortedScores, enrolment, probe, walkByBounds);
        }

        private static int lastIndexOf(double[] sorted, double value) {
            int low = 0;
            int high = sorted.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (sorted[mid] <= value) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low - 1;
        }
    }
}
