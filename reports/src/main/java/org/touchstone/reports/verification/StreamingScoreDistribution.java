package org.touchstone.reports.verification;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Statistic;

/**
 * A {@link ScoreDistribution} built from scores streamed twice, whose memory does not grow with the number
 * of impostor comparisons beyond what the requested operating points need. Every genuine score is kept
 * (they are few: one per mated pair). Impostor scores go into a fine histogram, and only the impostor scores
 * of the few bins where an operating point lies are kept exactly.
 *
 * <h2>The histogram</h2>
 * A score's bin is the top {@code binBits} bits of its order-preserving 64-bit form (the IEEE 754 bits with
 * the sign handled so that integer order is score order), so bins are fine wherever the scores lie, with
 * relative width 2^-(binBits - 12): with the default 20 bits, 2^-8 of the score's magnitude. Only bins that
 * receive a score take memory. Each bin keeps its count and its lowest and highest score.
 *
 * <h2>Why the sweep stays exact</h2>
 * The sweep offers every genuine score and every kept impostor score; for a bin not kept exactly it offers
 * the bin's lowest impostor score only and then skips past the bin's highest, leaving out the genuine
 * scores strictly inside. At every point it offers both counts are exact (a bin's scores are all at or above
 * its lowest and all below anything above its highest), so the sweep is a subsequence of the full sort's
 * candidate thresholds with the same counts. Candidates it leaves out lie strictly between a coarse bin's
 * lowest and highest score. {@link FirstPass#plan FirstPass.plan} therefore keeps exactly the bins where FMR first reaches each FMR
 * target, where FMR - FNMR changes sign (the EER), and where each fixed threshold lies: FNMR at each FMR
 * target, with its threshold, and the interpolated EER are then those of a full sort, and so are FMR and
 * FNMR at the fixed thresholds. The ROC convex hull EER, the DET curve and the histograms use the coarser
 * sweep (every point exact, some left out between); runs small enough ({@code exactLimit}) keep every score
 * and match a full sort everywhere.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * StreamingScoreDistribution.FirstPass first = StreamingScoreDistribution.firstPass();
 * stream(first);                                             // every outcome, in any order
 * StreamingScoreDistribution.Plan plan = first.plan(fmrTargets, fixedThresholds, DEFAULT_EXACT_LIMIT);
 * StreamingScoreDistribution.SecondPass second = plan.secondPass(first);
 * stream(second);                                            // the same outcomes again
 * StreamingScoreDistribution scores = second.build();
 * }</pre>
 * Distributions of subsets (demographic groups) stream their own first pass and take their second pass
 * from the <em>global</em> plan ({@code plan.secondPass(groupFirstPass)}): their counts are then exact at
 * every threshold the global sweep chooses and at the fixed thresholds, which is what rates per group at a
 * global threshold need. Counting at a threshold strictly inside a coarse bin's range is refused.
 */
public final class StreamingScoreDistribution extends ExactGenuineScores {
    /** Default histogram resolution: 2^-8 of a score's magnitude. */
    public static final int DEFAULT_BIN_BITS = 20;
    private static final java.util.Set<Statistic> MEAN_AND_VARIANCE = java.util.EnumSet.of(Statistic.MEAN, Statistic.VARIANCE);
    /** Default number of scored impostor comparisons up to which every impostor score is kept (32 MB). */
    public static final long DEFAULT_EXACT_LIMIT = 1L << 22;

    private final int binBits;
    private final int[] binKeys;
    private final long[] binCounts;
    private final double[] binMin;
    private final double[] binMax;
    private final boolean[] binExact;
    /** atOrAbove[i] = impostor scores in bins i and above; atOrAbove[bins] = 0. */
    private final long[] atOrAbove;
    /** Kept impostor scores, ascending; bin i's are exact[exactStart[i] .. exactStart[i + 1]). */
    private final double[] exact;
    private final int[] exactStart;
    private final long scoredImpostors;
    private final ScoreSummary impostorSummary;

    /** Takes ownership of the arrays; both score arrays must be ascending. */
    private StreamingScoreDistribution(double[] sortedGenuine, long failedGenuine, long failedImpostor, int binBits,
                                       BinMap bins, boolean[] exactBySlot, double[] exactScores,
                                       ScoreSummary impostorSummary) {
        super(sortedGenuine, failedGenuine, failedImpostor);
        this.binBits = binBits;
        int[] slots = bins.slotsInKeyOrder();
        int n = slots.length;
        binKeys = new int[n];
        binCounts = new long[n];
        binMin = new double[n];
        binMax = new double[n];
        binExact = new boolean[n];
        atOrAbove = new long[n + 1];
        for (int i = 0; i < n; i++) {
            int slot = slots[i];
            binKeys[i] = bins.keys[slot];
            binCounts[i] = bins.counts[slot];
            binMin[i] = bins.min[slot];
            binMax[i] = bins.max[slot];
            binExact[i] = exactBySlot != null && exactBySlot[slot];
        }
        for (int i = n - 1; i >= 0; i--) {
            atOrAbove[i] = atOrAbove[i + 1] + binCounts[i];
        }
        scoredImpostors = atOrAbove[0];
        this.exact = exactScores;
        exactStart = new int[n + 1];
        int position = 0;
        for (int i = 0; i < n; i++) {
            exactStart[i] = position;
            if (binExact[i]) {
                position += Math.toIntExact(binCounts[i]);
            }
        }
        exactStart[n] = position;
        if (position != exactScores.length) {
            throw new IllegalStateException("the second pass kept " + exactScores.length + " scores where the first"
                    + " counted " + position + ": the two passes did not stream the same scores");
        }
        this.impostorSummary = impostorSummary;
    }

    /**
     * Starts the first pass with the default resolution.
     *
     * @return an empty first pass
     */
    public static FirstPass firstPass() {
        return new FirstPass(DEFAULT_BIN_BITS);
    }

    /**
     * Starts the first pass.
     *
     * @param binBits histogram resolution, 13 to 30: bins have relative width 2^-(binBits - 12)
     * @return an empty first pass
     */
    public static FirstPass firstPass(int binBits) {
        if (binBits < 13 || binBits > 30) {
            throw new IllegalArgumentException("binBits must be in [13, 30], was " + binBits);
        }
        return new FirstPass(binBits);
    }

    /**
     * The bin of a score: the top bits of its order-preserving bit pattern.
     *
     * @param score   a score, not NaN
     * @param binBits resolution
     * @return the bin, non-decreasing in the score
     */
    static int binOf(double score, int binBits) {
        long bits = Double.doubleToRawLongBits(score);
        // Negative: flip every bit (larger magnitude sorts lower); positive: flip the sign bit only.
        long sortable = bits ^ ((bits >> 63) | Long.MIN_VALUE);
        return (int) (sortable >>> (64 - binBits));
    }

    /**
     * Whether every impostor score was kept, so that every query and the whole sweep equal a full sort.
     *
     * @return true when no bin is coarse
     */
    public boolean isExactEverywhere() {
        for (boolean binIsExact : binExact) {
            if (!binIsExact) {
                return false;
            }
        }
        return true;
    }

    /**
     * Number of impostor scores held exactly.
     *
     * @return the kept scores
     */
    public int keptImpostorScores() {
        return exact.length;
    }

    /**
     * Number of histogram bins with at least one impostor score.
     *
     * @return the bins
     */
    public int impostorBins() {
        return binKeys.length;
    }

    @Override
    public long impostorComparisons() {
        return scoredImpostors + failedImpostor;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException also when T lies strictly inside the range of a bin whose scores were
     *                                  not kept, where the count is not known exactly
     */
    @Override
    public long falseMatches(double threshold) {
        requireThreshold(threshold);
        int key = binOf(threshold, binBits);
        int i = firstBinAtOrAbove(key);
        if (i == binKeys.length || binKeys[i] > key || threshold <= binMin[i]) {
            return atOrAbove[i];
        }
        if (threshold > binMax[i]) {
            return atOrAbove[i + 1];
        }
        if (!binExact[i]) {
            throw new IllegalArgumentException("threshold " + threshold + " lies inside a histogram bin [" + binMin[i]
                    + ", " + binMax[i] + "] whose " + binCounts[i] + " impostor scores were not kept: plan it as a"
                    + " fixed threshold to count there exactly");
        }
        return atOrAbove[i + 1] + exactStart[i + 1] - SortedScores.firstAtOrAbove(exact, exactStart[i], exactStart[i + 1], threshold);
    }

    @Override
    public ThresholdSweep sweep() {
        return new Sweep();
    }

    @Override
    public ScoreSummary impostorScores() {
        return impostorSummary;
    }

    private int firstBinAtOrAbove(int key) {
        int low = 0;
        int high = binKeys.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (binKeys[mid] < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * The sweep described in the class comment. State: {@code genuineIndex} genuine scores lie below the
     * current threshold, {@code bin} is the first impostor bin not wholly below it, {@code exactIndex} the
     * first kept score not below it, and {@code impostorsBelow} counts the impostor scores below it.
     */
    private final class Sweep implements ThresholdSweep {
        private int genuineIndex;
        private int bin;
        private int exactIndex;
        private long impostorsBelow;
        private double threshold = Double.NaN;
        private boolean started;
        private boolean offeredAboveHighestImpostor;
        private boolean finished;

        @Override
        public boolean next() {
            if (finished) {
                return false;
            }
            if (started) {
                moveBeyondCurrent();
            }
            started = true;
            boolean genuineLeft = genuineIndex < genuine.length;
            boolean impostorLeft = bin < binKeys.length;
            if (genuineLeft || impostorLeft) {
                double impostorCandidate = impostorLeft
                        ? (binExact[bin] ? exact[exactIndex] : binMin[bin]) : Double.POSITIVE_INFINITY;
                threshold = genuineLeft ? Math.min(genuine[genuineIndex], impostorCandidate) : impostorCandidate;
                return true;
            }
            if (!offeredAboveHighestImpostor && binKeys.length > 0
                    && (genuine.length == 0 || genuine[genuine.length - 1] <= binMax[binKeys.length - 1])) {
                offeredAboveHighestImpostor = true;
                threshold = Math.nextUp(binMax[binKeys.length - 1]);
                return true;
            }
            finished = true;
            return false;
        }

        private void moveBeyondCurrent() {
            while (genuineIndex < genuine.length && genuine[genuineIndex] == threshold) {
                genuineIndex++;
            }
            if (bin == binKeys.length) {
                return;
            }
            if (binExact[bin]) {
                while (exactIndex < exactStart[bin + 1] && exact[exactIndex] == threshold) {
                    exactIndex++;
                    impostorsBelow++;
                }
                if (exactIndex == exactStart[bin + 1]) {
                    bin++;
                }
            } else if (binMin[bin] == threshold) {
                // Jump over the coarse bin: nothing inside it has an exact false-match count.
                double highest = binMax[bin];
                impostorsBelow += binCounts[bin];
                bin++;
                while (genuineIndex < genuine.length && genuine[genuineIndex] <= highest) {
                    genuineIndex++;
                }
            }
            // A coarse bin's scores are all kept out of exactIndex's range, so exactIndex needs no move.
            if (bin < binKeys.length && binExact[bin] && exactIndex < exactStart[bin]) {
                exactIndex = exactStart[bin];
            }
        }

        @Override
        public double threshold() {
            return threshold;
        }

        @Override
        public boolean observedScore() {
            return !offeredAboveHighestImpostor;
        }

        @Override
        public long falseMatches() {
            return offeredAboveHighestImpostor ? 0 : scoredImpostors - impostorsBelow;
        }

        @Override
        public long falseNonMatches() {
            return genuineIndex + failedGenuine;
        }

        /** Whether the current point is a coarse bin's lowest score, past which the sweep jumps. */
        boolean atCoarseBin() {
            return !offeredAboveHighestImpostor && bin < binKeys.length && !binExact[bin] && binMin[bin] == threshold;
        }

        int currentBin() {
            return bin;
        }
    }

    /**
     * The first pass: counts every outcome and keeps the genuine scores; impostor scores go into the
     * histogram only. Not thread-safe.
     */
    public static final class FirstPass extends FailureCountingSink {
        private final int binBits;
        private final DoubleArray genuine = new DoubleArray();
        private final BinMap bins = new BinMap();
        private final DoubleStatistics impostorStatistics = DoubleStatistics.of(Statistic.MEAN, Statistic.VARIANCE);
        /**
         * Impostor scores not yet in {@link #impostorStatistics}: Commons Statistics summarises an array about
         * ten times faster than it accepts values one by one, and combines the blocks exactly as it would
         * have accumulated them.
         */
        private final double[] pending = new double[8192];
        private int pendingCount;

        private FirstPass(int binBits) {
            this.binBits = binBits;
        }

        @Override
        public void addGenuine(double score) {
            genuine.add(ScoreSink.finite(score));
        }

        @Override
        public void addImpostor(double score) {
            double value = ScoreSink.finite(score);
            bins.add(binOf(value, binBits), value);
            pending[pendingCount++] = value;
            if (pendingCount == pending.length) {
                flush();
            }
        }

        private void flush() {
            if (pendingCount > 0) {
                impostorStatistics.combine(DoubleStatistics.ofRange(MEAN_AND_VARIANCE, pending, 0, pendingCount));
                pendingCount = 0;
            }
        }

        /**
         * Number of impostor scores streamed so far.
         *
         * @return the count
         */
        public long scoredImpostors() {
            return impostorStatistics.getCount() + pendingCount;
        }

        /**
         * The lowest bin minimum at or above which at least {@code count} impostor scores lie: a cutoff for
         * keeping the highest scores (it may keep a bin's worth more than asked).
         *
         * @param count how many of the highest scores are wanted
         * @return the cutoff, or negative infinity when there are fewer scores than that
         */
        double lowestScoreWithAtLeast(long count) {
            int[] slots = bins.slotsInKeyOrder();
            long above = 0;
            for (int i = slots.length - 1; i >= 0; i--) {
                above += bins.counts[slots[i]];
                if (above >= count) {
                    return bins.min[slots[i]];
                }
            }
            return Double.NEGATIVE_INFINITY;
        }

        /**
         * Impostor scores in the bin of a threshold and above: an upper bound on those at or above it.
         *
         * @param threshold a threshold
         * @return the count
         */
        long impostorScoresAtOrAboveBin(double threshold) {
            int key = binOf(threshold, binBits);
            long count = 0;
            for (int slot = 0; slot < bins.capacity(); slot++) {
                if (bins.used(slot) && bins.keys[slot] >= key) {
                    count += bins.counts[slot];
                }
            }
            return count;
        }

        /**
         * Decides which bins the second pass keeps exactly. Every bin is kept when there are at most
         * {@code exactLimit} impostor scores; otherwise the bins where FMR first reaches each target, where
         * FMR - FNMR changes sign, and where each fixed threshold lies strictly inside a bin.
         *
         * @param fmrTargets      FMR targets in (0, 1] whose FNMR must be exact
         * @param fixedThresholds thresholds whose counts must be exact (named thresholds)
         * @param exactLimit      impostor scores up to which every score is kept
         * @return the plan
         */
        public Plan plan(List<Double> fmrTargets, List<Double> fixedThresholds, long exactLimit) {
            if (scoredImpostors() <= exactLimit) {
                return new Plan(binBits, null, true);
            }
            StreamingScoreDistribution coarse = new StreamingScoreDistribution(genuine.sorted(), failedGenuine,
                    failedImpostor, binBits, bins, null, new double[0], ScoreSummary.EMPTY);
            java.util.BitSet keep = new java.util.BitSet();
            long impostors = coarse.impostorComparisons();
            long genuineCount = coarse.genuineComparisons();
            for (double target : fmrTargets) {
                Sweep sweep = coarse.new Sweep();
                int previousCoarseBin = -1;
                while (sweep.next()) {
                    if ((double) sweep.falseMatches() / impostors <= target) {
                        break;
                    }
                    previousCoarseBin = sweep.atCoarseBin() ? sweep.currentBin() : -1;
                }
                if (previousCoarseBin >= 0) {
                    keep.set(previousCoarseBin);
                }
            }
            if (genuineCount > 0 && impostors > 0) {
                Sweep sweep = coarse.new Sweep();
                int previousCoarseBin = -1;
                while (sweep.next()) {
                    double d = (double) sweep.falseMatches() / impostors - (double) sweep.falseNonMatches() / genuineCount;
                    if (d <= 0) {
                        break;
                    }
                    previousCoarseBin = sweep.atCoarseBin() ? sweep.currentBin() : -1;
                }
                if (previousCoarseBin >= 0) {
                    keep.set(previousCoarseBin);
                }
            }
            for (double threshold : fixedThresholds) {
                int key = binOf(threshold, binBits);
                int i = coarse.firstBinAtOrAbove(key);
                if (i < coarse.binKeys.length && coarse.binKeys[i] == key && threshold > coarse.binMin[i]
                        && threshold <= coarse.binMax[i]) {
                    keep.set(i);
                }
            }
            int[] keys = keep.stream().map(i -> coarse.binKeys[i]).toArray();
            return new Plan(binBits, keys, false);
        }
    }

    /**
     * Which bins the second pass keeps: the same for the global distribution and for every group.
     */
    public static final class Plan {
        private final int binBits;
        private final int[] exactKeys;
        private final boolean everything;

        private Plan(int binBits, int[] exactKeys, boolean everything) {
            this.binBits = binBits;
            this.exactKeys = exactKeys;
            this.everything = everything;
        }

        /**
         * Whether every impostor score is kept.
         *
         * @return true for runs within the exact limit
         */
        public boolean keepsEverything() {
            return everything;
        }

        /**
         * Number of bins kept exactly when not everything is.
         *
         * @return bins planned exact (0 when everything is kept)
         */
        public int exactBins() {
            return everything ? 0 : exactKeys.length;
        }

        /**
         * Starts the second pass of a first pass under this plan.
         *
         * @param first the first pass of the same scores (the global one, or a group's)
         * @return the second pass, which must see the same impostor scores as the first
         */
        public SecondPass secondPass(FirstPass first) {
            if (first.binBits != binBits) {
                throw new IllegalArgumentException("first pass has " + first.binBits + " bin bits, plan " + binBits);
            }
            boolean[] exactBySlot = new boolean[first.bins.capacity()];
            for (int slot = 0; slot < exactBySlot.length; slot++) {
                exactBySlot[slot] = first.bins.used(slot)
                        && (everything || Arrays.binarySearch(exactKeys, first.bins.keys[slot]) >= 0);
            }
            return new SecondPass(first, exactBySlot);
        }
    }

    /**
     * The second pass: keeps the impostor scores of the planned bins. Genuine scores and failures were
     * counted by the first pass and are ignored here. Not thread-safe.
     */
    public static final class SecondPass implements ScoreSink {
        private final FirstPass first;
        private final boolean[] exactBySlot;
        private final DoubleArray kept = new DoubleArray();
        private long impostors;

        private SecondPass(FirstPass first, boolean[] exactBySlot) {
            this.first = first;
            this.exactBySlot = exactBySlot;
        }

        @Override
        public void addGenuine(double score) {
            ScoreSink.finite(score);
        }

        @Override
        public void addImpostor(double score) {
            double value = ScoreSink.finite(score);
            impostors++;
            int slot = first.bins.slotOf(binOf(value, first.binBits));
            if (slot < 0) {
                throw new IllegalStateException("impostor score " + value + " was not seen in the first pass");
            }
            if (exactBySlot[slot]) {
                kept.add(value);
            }
        }

        @Override
        public void addFailedGenuine(long count) {
            ScoreSink.nonNegative(count);
        }

        @Override
        public void addFailedImpostor(long count) {
            ScoreSink.nonNegative(count);
        }

        /**
         * Builds the distribution.
         *
         * @return the distribution
         * @throws IllegalStateException when the two passes did not stream the same impostor scores
         */
        public StreamingScoreDistribution build() {
            if (impostors != first.scoredImpostors()) {
                throw new IllegalStateException("the second pass streamed " + impostors + " impostor scores, the first "
                        + first.scoredImpostors());
            }
            double[] keptScores = kept.sorted();
            boolean everything = keptScores.length == impostors;
            ScoreSummary impostorSummary;
            if (impostors == 0) {
                impostorSummary = ScoreSummary.EMPTY;
            } else if (everything) {
                // Same arithmetic as a full sort when every score is at hand.
                impostorSummary = SortedScores.summarize(keptScores);
            } else {
                first.flush();
                double variance = impostors < 2 ? Double.NaN : first.impostorStatistics.getAsDouble(Statistic.VARIANCE);
                impostorSummary = new ScoreSummary(impostors, first.bins.lowest(), first.bins.highest(),
                        first.impostorStatistics.getAsDouble(Statistic.MEAN), variance);
            }
            return new StreamingScoreDistribution(first.genuine.sorted(), first.failedGenuine, first.failedImpostor,
                    first.binBits, first.bins, exactBySlot, keptScores, impostorSummary);
        }
    }

    /** A growable primitive array: a boxed list would cost 16 bytes or more per score. */
    static final class DoubleArray {
        private double[] values = new double[16];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, Math.toIntExact(Math.min(Integer.MAX_VALUE - 8L, size * 2L)));
            }
            values[size++] = value;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }

        double[] sorted() {
            double[] sorted = toArray();
            // Up to millions of kept impostor scores: on every core (the same order as Arrays.sort).
            Arrays.parallelSort(sorted);
            return sorted;
        }
    }

    /**
     * Histogram bins that received a score: open addressing from bin key to slot, with count, lowest and
     * highest score per slot. Hand-written because no managed dependency has a primitive int-keyed map, and
     * a boxed one would cost far more per score than the bins themselves.
     */
    static final class BinMap {
        private static final int EMPTY = -1;
        int[] keys = newKeys(1024);
        long[] counts = new long[1024];
        double[] min = new double[1024];
        double[] max = new double[1024];
        private int size;

        private static int[] newKeys(int capacity) {
            int[] keys = new int[capacity];
            Arrays.fill(keys, EMPTY);
            return keys;
        }

        int capacity() {
            return keys.length;
        }

        boolean used(int slot) {
            return keys[slot] != EMPTY;
        }

        private static int hash(int key, int mask) {
            return (key * 0x9E3779B9 >>> 7) & mask;
        }

        void add(int key, double score) {
            int mask = keys.length - 1;
            int slot = hash(key, mask);
            while (keys[slot] != key) {
                if (keys[slot] == EMPTY) {
                    if (2 * (size + 1) > keys.length) {
                        grow();
                        add(key, score);
                        return;
                    }
                    keys[slot] = key;
                    min[slot] = score;
                    max[slot] = score;
                    size++;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            counts[slot]++;
            if (score < min[slot]) {
                min[slot] = score;
            }
            if (score > max[slot]) {
                max[slot] = score;
            }
        }

        int slotOf(int key) {
            int mask = keys.length - 1;
            int slot = hash(key, mask);
            while (keys[slot] != key) {
                if (keys[slot] == EMPTY) {
                    return -1;
                }
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            int[] oldKeys = keys;
            long[] oldCounts = counts;
            double[] oldMin = min;
            double[] oldMax = max;
            int capacity = oldKeys.length * 2;
            keys = newKeys(capacity);
            counts = new long[capacity];
            min = new double[capacity];
            max = new double[capacity];
            int mask = capacity - 1;
            for (int old = 0; old < oldKeys.length; old++) {
                if (oldKeys[old] != EMPTY) {
                    int slot = hash(oldKeys[old], mask);
                    while (keys[slot] != EMPTY) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[old];
                    counts[slot] = oldCounts[old];
                    min[slot] = oldMin[old];
                    max[slot] = oldMax[old];
                }
            }
        }

        /** The used slots ordered by key (bin keys are non-negative ints, so signed order is bin order). */
        int[] slotsInKeyOrder() {
            long[] packed = new long[size];
            int n = 0;
            for (int slot = 0; slot < keys.length; slot++) {
                if (keys[slot] != EMPTY) {
                    packed[n++] = ((long) keys[slot] << 32) | slot;
                }
            }
            Arrays.sort(packed);
            int[] slots = new int[n];
            for (int i = 0; i < n; i++) {
                slots[i] = (int) packed[i];
            }
            return slots;
        }

        double lowest() {
            double lowest = Double.POSITIVE_INFINITY;
            for (int slot = 0; slot < keys.length; slot++) {
                if (keys[slot] != EMPTY) {
                    lowest = Math.min(lowest, min[slot]);
                }
            }
            return lowest;
        }

        double highest() {
            double highest = Double.NEGATIVE_INFINITY;
            for (int slot = 0; slot < keys.length; slot++) {
                if (keys[slot] != EMPTY) {
                    highest = Math.max(highest, max[slot]);
                }
            }
            return highest;
        }
    }
}
