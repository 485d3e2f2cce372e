package org.touchstone.reports.verification;

import java.util.Arrays;
import java.util.stream.DoubleStream;

/**
 * A {@link ScoreDistribution} that holds every score in memory, in two sorted primitive arrays (8 bytes
 * per score, so ten million scores take about 80 MB), and answers counts by binary search. Exact, and
 * right for runs that keep every score; very large runs need a streaming implementation instead.
 *
 * <p>Its sweep offers every distinct score, then {@code Math.nextUp} of the highest impostor score when
 * no score lies above the highest impostor score.
 */
public final class SortedScoreDistribution extends ExactGenuineScores {
    private final double[] impostor;
    private final ScoreSummary impostorSummary;

    private SortedScoreDistribution(double[] genuine, double[] impostor, long failedGenuine, long failedImpostor) {
        super(sorted(genuine), failedGenuine, failedImpostor);
        this.impostor = sorted(impostor);
        this.impostorSummary = SortedScores.summarize(impostor);
    }

    private static double[] sorted(double[] scores) {
        Arrays.parallelSort(scores);
        return scores;
    }

    /**
     * Creates a distribution from complete arrays of scores. The arrays are copied.
     *
     * @param genuineScores  scores of the genuine comparisons that were scored, finite
     * @param impostorScores scores of the impostor comparisons that were scored, finite
     * @param failedGenuine  genuine comparisons without a score
     * @param failedImpostor impostor comparisons without a score
     * @return the distribution
     * @throws IllegalArgumentException when a score is not finite or a count is negative
     */
    public static SortedScoreDistribution of(double[] genuineScores, double[] impostorScores,
                                             long failedGenuine, long failedImpostor) {
        Builder builder = builder();
        for (double score : genuineScores) {
            builder.addGenuine(score);
        }
        for (double score : impostorScores) {
            builder.addImpostor(score);
        }
        builder.addFailedGenuine(failedGenuine);
        builder.addFailedImpostor(failedImpostor);
        return builder.build();
    }

    /**
     * Starts collecting comparison outcomes one by one.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public long impostorComparisons() {
        return impostor.length + failedImpostor;
    }

    @Override
    public long falseMatches(double threshold) {
        requireThreshold(threshold);
        return impostor.length - SortedScores.firstAtOrAbove(impostor, 0, impostor.length, threshold);
    }

    @Override
    public ThresholdSweep sweep() {
        return new MergeSweep();
    }

    @Override
    public ScoreSummary impostorScores() {
        return impostorSummary;
    }

    /**
     * Index of the first element {@code >= value} in an ascending array (its length when none), which is the
     * number of elements below it.
     *
     * @param sorted ascending values
     * @param value  the value looked for, not NaN
     * @return the index
     */
    public static int firstAtOrAbove(double[] sorted, double value) {
        return SortedScores.firstAtOrAbove(sorted, 0, sorted.length, value);
    }

    /** Merges the two sorted arrays into the ascending sequence of distinct scores. */
    private final class MergeSweep implements ThresholdSweep {
        // Invariant after next(): each index is at the first element >= threshold, which is the count below it.
        private int genuineIndex;
        private int impostorIndex;
        private double threshold = Double.NaN;
        private boolean started;
        private boolean offeredAboveHighestImpostor;

        @Override
        public boolean next() {
            if (started) {
                while (genuineIndex < genuine.length && genuine[genuineIndex] == threshold) {
                    genuineIndex++;
                }
                while (impostorIndex < impostor.length && impostor[impostorIndex] == threshold) {
                    impostorIndex++;
                }
            }
            started = true;
            boolean genuineLeft = genuineIndex < genuine.length;
            boolean impostorLeft = impostorIndex < impostor.length;
            if (genuineLeft || impostorLeft) {
                threshold = !genuineLeft ? impostor[impostorIndex]
                        : !impostorLeft ? genuine[genuineIndex]
                        : Math.min(genuine[genuineIndex], impostor[impostorIndex]);
                return true;
            }
            if (!offeredAboveHighestImpostor && impostor.length > 0
                    && (genuine.length == 0 || genuine[genuine.length - 1] <= impostor[impostor.length - 1])) {
                offeredAboveHighestImpostor = true;
                threshold = Math.nextUp(impostor[impostor.length - 1]);
                return true;
            }
            return false;
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
            return impostor.length - impostorIndex;
        }

        @Override
        public long falseNonMatches() {
            return genuineIndex + failedGenuine;
        }
    }

    /**
     * Collects comparison outcomes. Not thread-safe; one builder per reader.
     */
    public static final class Builder extends FailureCountingSink {
        private final DoubleStream.Builder genuine = DoubleStream.builder();
        private final DoubleStream.Builder impostor = DoubleStream.builder();

        private Builder() {
        }

        /**
         * Adds the score of a genuine (mated) comparison.
         *
         * @param score finite similarity
         * @throws IllegalArgumentException when the score is NaN or infinite
         */
        @Override
        public void addGenuine(double score) {
            genuine.add(ScoreSink.finite(score));
        }

        /**
         * Adds the score of an impostor (non-mated) comparison.
         *
         * @param score finite similarity
         * @throws IllegalArgumentException when the score is NaN or infinite
         */
        @Override
        public void addImpostor(double score) {
            impostor.add(ScoreSink.finite(score));
        }

        /**
         * Sorts the scores and returns the distribution. The builder must not be used afterwards.
         *
         * @return the distribution
         */
        public SortedScoreDistribution build() {
            return new SortedScoreDistribution(genuine.build().toArray(), impostor.build().toArray(),
                    failedGenuine, failedImpostor);
        }
    }
}
