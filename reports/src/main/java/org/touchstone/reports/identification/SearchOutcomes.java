package org.touchstone.reports.identification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.reports.verification.FmrOperatingPoint;
import org.touchstone.reports.verification.ScoreDistribution;
import org.touchstone.reports.verification.SortedScoreDistribution;

/**
 * The searches of one gallery (or of one group of probes in it), reduced to what the identification
 * metrics need: for each mated search, the rank and score of its mate if the candidate list held it; for
 * each non-mated search, its candidate scores.
 *
 * <p>Definitions (metrics.md, "Identification (1:N)"), for a rank R and a threshold T:
 * <ul>
 *   <li>FNIR(N, R, T) = mated searches whose mate is not among the top R candidates with score {@code >= T}
 *       / mated searches; TPIR = 1 - FNIR.</li>
 *   <li>FPIR(N, T) = non-mated searches returning at least one candidate with score {@code >= T} /
 *       non-mated searches. Only the top candidate's score matters, since lists are sorted.</li>
 *   <li>Rank-k identification rate and CMC(k) = TPIR(N, k, T = -infinity).</li>
 *   <li>Selectivity(T) = non-mated candidates with score {@code >= T} / non-mated searches.</li>
 * </ul>
 * Failed searches stay in the denominators ({@code non-match} policy): a failed mated search is a miss
 * at every rank and threshold, a failed non-mated search returns no candidate.
 *
 * <p>For one rank R, the outcomes are a {@link ScoreDistribution} in which the mate scores within rank R
 * play the genuine scores, the other mated searches the failed genuine comparisons, the non-mated top
 * scores the impostor scores and the non-mated searches without candidates the failed impostor
 * comparisons: then FNIR(N, R, T) is its FNMR(T) and FPIR(N, T) its FMR(T), and the verification sweeps
 * and operating-point rules apply unchanged ({@link #asScoreDistribution(int)}).
 */
public final class SearchOutcomes {
    private final int candidateListLength;
    /** Per mated search, the 1-based rank of its mate, or 0 when the list did not hold it. */
    private final int[] mateRanks;
    /** Per mated search, the mate's score, NaN when rank is 0. */
    private final double[] mateScores;
    /** hitsWithin[k] = mated searches with the mate at rank 1..k, for k = 0..L. */
    private final long[] hitsWithin;
    private final long nonMatedSearches;
    /** The top candidate score of each non-mated search that returned candidates. */
    private final double[] nonMatedTopScores;
    /** Every candidate score of every non-mated search, as impostor scores: falseMatches(T) counts them. */
    private final SortedScoreDistribution nonMatedCandidates;
    /** The distribution view at rank L, built once: the FPIR operating points and the sweeps use it. */
    private final SortedScoreDistribution atListLength;

    private SearchOutcomes(int candidateListLength, int[] mateRanks, double[] mateScores, long nonMatedSearches,
                           double[] nonMatedTopScores, double[] nonMatedCandidateScores) {
        this.candidateListLength = candidateListLength;
        this.mateRanks = mateRanks;
        this.mateScores = mateScores;
        this.nonMatedSearches = nonMatedSearches;
        this.nonMatedTopScores = nonMatedTopScores;
        this.nonMatedCandidates = SortedScoreDistribution.of(new double[0], nonMatedCandidateScores, 0, 0);
        this.hitsWithin = new long[candidateListLength + 1];
        for (int rank : mateRanks) {
            if (rank > 0) {
                hitsWithin[rank]++;
            }
        }
        for (int k = 1; k <= candidateListLength; k++) {
            hitsWithin[k] += hitsWithin[k - 1];
        }
        this.atListLength = distribution(candidateListLength);
    }

    /**
     * Starts collecting search outcomes.
     *
     * @param candidateListLength L, the number of candidates each search asked for, {@code >= 1}
     * @return an empty builder
     */
    public static Builder builder(int candidateListLength) {
        return new Builder(candidateListLength);
    }

    /**
     * The candidate list length L the searches asked for.
     *
     * @return L
     */
    public int candidateListLength() {
        return candidateListLength;
    }

    /**
     * Number of mated searches, failed ones included: the FNIR denominator.
     *
     * @return mated searches
     */
    public long matedSearches() {
        return mateRanks.length;
    }

    /**
     * Number of non-mated searches, failed ones included: the FPIR denominator.
     *
     * @return non-mated searches
     */
    public long nonMatedSearches() {
        return nonMatedSearches;
    }

    /**
     * Number of non-mated searches that returned no candidate at all (empty list or failed search).
     *
     * @return non-mated searches without candidates
     */
    public long nonMatedSearchesWithoutCandidates() {
        return nonMatedSearches - nonMatedTopScores.length;
    }

    /**
     * The rank-k identification rate TPIR(N, k, T = -infinity): mated searches whose mate is among the
     * first k candidates, whatever its score.
     *
     * @param rank k, from 1 to L
     * @return hits out of mated searches
     */
    public Proportion identificationRate(int rank) {
        requireRank(rank);
        return new Proportion(hitsWithin[rank], mateRanks.length);
    }

    /**
     * The cumulative match characteristic: the rank-k identification rate for k = 1 .. L. Non-decreasing
     * in k by construction.
     *
     * @return L proportions, the k-th (0-based k - 1) being {@link #identificationRate(int) identificationRate(k)}
     */
    public List<Proportion> cmc() {
        return IntStream.rangeClosed(1, candidateListLength).mapToObj(this::identificationRate).toList();
    }

    /**
     * FNIR(N, R, T).
     *
     * @param rank      R, from 1 to L
     * @param threshold T, not NaN; negative infinity counts every returned candidate
     * @return misses out of mated searches
     */
    public Proportion fnir(int rank, double threshold) {
        requireRank(rank);
        requireThreshold(threshold);
        long hits = 0;
        for (int i = 0; i < mateRanks.length; i++) {
            if (mateRanks[i] > 0 && mateRanks[i] <= rank && mateScores[i] >= threshold) {
                hits++;
            }
        }
        return new Proportion(mateRanks.length - hits, mateRanks.length);
    }

    /**
     * FPIR(N, T).
     *
     * @param threshold T, not NaN; negative infinity counts every non-mated search that returned a candidate
     * @return false-positive searches out of non-mated searches
     */
    public Proportion fpir(double threshold) {
        requireThreshold(threshold);
        return new Proportion(atListLength.falseMatches(threshold), nonMatedSearches);
    }

    /**
     * Selectivity(T).
     *
     * @param threshold T, not NaN
     * @return non-mated candidates with score {@code >= T}, per non-mated search
     */
    public Selectivity selectivity(double threshold) {
        requireThreshold(threshold);
        return new Selectivity(nonMatedCandidates.falseMatches(threshold), nonMatedSearches);
    }

    /**
     * FNIR(N, R, T), FPIR(N, T) and selectivity(T) together.
     *
     * @param rank      R, from 1 to L
     * @param threshold T, not NaN
     * @return the rates
     */
    public IdentificationRates at(int rank, double threshold) {
        return new IdentificationRates(threshold, rank, fnir(rank, threshold), fpir(threshold), selectivity(threshold));
    }

    /**
     * The "investigative" mode: T = -infinity and R = L, so that every returned candidate counts.
     *
     * @return the rates there
     */
    public IdentificationRates investigative() {
        return at(candidateListLength, Double.NEGATIVE_INFINITY);
    }

    /**
     * The threshold chosen for each FPIR target from the non-mated top scores, with FNIR(N, R, T) there
     * (see {@link FpirOperatingPoint} for the rule).
     *
     * @param fpirTargets targets in (0, 1], in any order
     * @param rank        R for FNIR, from 1 to L (NIST reports R = L when T is above -infinity)
     * @return one point per target, in the order given
     */
    public List<FpirOperatingPoint> fpirOperatingPoints(List<Double> fpirTargets, int rank) {
        List<FpirOperatingPoint> points = new ArrayList<>();
        for (FmrOperatingPoint point : FmrOperatingPoint.find(asScoreDistribution(rank), fpirTargets)) {
            IdentificationRates rates = point.rates() == null ? null : at(rank, point.rates().threshold());
            points.add(new FpirOperatingPoint(point.fmrTarget(), point.thresholdOrigin(), rates,
                    point.minimumImpostorComparisons(), point.supported()));
        }
        return points;
    }

    /**
     * These outcomes at rank R as a verification score distribution: genuine scores are the mate scores
     * within rank R, failed genuine comparisons the other mated searches, impostor scores the non-mated top
     * scores and failed impostor comparisons the non-mated searches without a candidate. Its FNMR(T) is
     * FNIR(N, R, T), its FMR(T) is FPIR(N, T), and its sweep walks every threshold where either changes.
     *
     * @param rank R, from 1 to L
     * @return the distribution
     */
    public ScoreDistribution asScoreDistribution(int rank) {
        requireRank(rank);
        return rank == candidateListLength ? atListLength : distribution(rank);
    }

    private SortedScoreDistribution distribution(int rank) {
        double[] within = IntStream.range(0, mateRanks.length)
                .filter(i -> mateRanks[i] > 0 && mateRanks[i] <= rank)
                .mapToDouble(i -> mateScores[i]).toArray();
        return SortedScoreDistribution.of(within, nonMatedTopScores, mateRanks.length - within.length,
                nonMatedSearchesWithoutCandidates());
    }

    private void requireRank(int rank) {
        if (rank < 1 || rank > candidateListLength) {
            throw new IllegalArgumentException("rank must be in 1.." + candidateListLength + ", was " + rank);
        }
    }

    private static void requireThreshold(double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must not be NaN");
        }
    }

    /** Collects search outcomes one by one. Not thread-safe. */
    public static final class Builder {
        private final int candidateListLength;
        private final IntStream.Builder mateRanks = IntStream.builder();
        private final DoubleStream.Builder mateScores = DoubleStream.builder();
        private final DoubleStream.Builder topScores = DoubleStream.builder();
        private final DoubleStream.Builder allCandidateScores = DoubleStream.builder();
        private long nonMated;

        private Builder(int candidateListLength) {
            if (candidateListLength < 1) {
                throw new IllegalArgumentException("candidate list length must be at least 1, was " + candidateListLength);
            }
            this.candidateListLength = candidateListLength;
        }

        /**
         * Adds a mated search whose candidate list held the mate.
         *
         * @param mateRank  the rank of the mate's first appearance, from 1 to L
         * @param mateScore its score, finite
         * @return this builder
         */
        public Builder addMatedHit(int mateRank, double mateScore) {
            if (mateRank < 1 || mateRank > candidateListLength) {
                throw new IllegalArgumentException("mate rank must be in 1.." + candidateListLength + ", was " + mateRank);
            }
            mateRanks.add(mateRank);
            // -0.0 and 0.0 are one score: keep one zero, as the verification distributions do.
            mateScores.add(finite(mateScore) + 0.0);
            return this;
        }

        /**
         * Adds a mated search whose candidate list did not hold the mate, or that failed.
         *
         * @return this builder
         */
        public Builder addMatedMiss() {
            mateRanks.add(0);
            mateScores.add(Double.NaN);
            return this;
        }

        /**
         * Adds a non-mated search.
         *
         * @param scores its candidates' scores in rank order (non-increasing, finite, at most L); empty
         *               when it returned none or failed
         * @return this builder
         */
        public Builder addNonMated(double... scores) {
            if (scores.length > candidateListLength) {
                throw new IllegalArgumentException(scores.length + " candidates, more than L = " + candidateListLength);
            }
            for (int i = 0; i < scores.length; i++) {
                finite(scores[i]);
                if (i > 0 && scores[i] > scores[i - 1]) {
                    throw new IllegalArgumentException("candidate scores must not increase with rank: "
                            + Arrays.toString(scores));
                }
                allCandidateScores.add(scores[i]);
            }
            if (scores.length > 0) {
                topScores.add(scores[0]);
            }
            nonMated++;
            return this;
        }

        /**
         * Returns the outcomes. The builder must not be used afterwards.
         *
         * @return the outcomes
         */
        public SearchOutcomes build() {
            return new SearchOutcomes(candidateListLength, mateRanks.build().toArray(), mateScores.build().toArray(),
                    nonMated, topScores.build().toArray(), allCandidateScores.build().toArray());
        }

        private static double finite(double score) {
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("score must be finite, was " + score);
            }
            return score;
        }
    }
}
