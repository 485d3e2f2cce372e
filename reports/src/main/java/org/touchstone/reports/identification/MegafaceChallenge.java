package org.touchstone.reports.identification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.touchstone.reports.stats.RuleOfThree;

/**
 * MegaFace Challenge 1's numbers for one distractor set, as plain math.
 *
 * <p>The challenge enrols one image g of an identity with the N distractors and searches every other image p of
 * the identity: for each such ordered pair, g's rank for p is 1 + the number of distractors scoring at least as
 * high as g for p (a tie counts against g). Each probe is searched once in the distractors alone for its K best
 * candidates; since only distractors compete with g, those K scores decide every rank up to K exactly: with c
 * of them at or above g's score, the rank is c + 1 when c is below the list's length or the list holds every
 * distractor, and beyond K otherwise. A pair whose probe or enrolled image failed, or whose search failed, is a
 * miss at every rank (failure policy non-match).
 *
 * <p>Verification at a FAR target f: genuine comparisons are the pairs above, impostor comparisons every probe
 * against every distractor (M = probes x N, failed ones included as correct rejections). The threshold is the
 * lowest observed score T with (impostor scores {@code >= T}) / M {@code <= f}, ties accepted, as FNMR at an FMR
 * target: the (a+1)-th highest impostor score v with a = the most false accepts f allows, then the lowest
 * observed score above v ({@code Math.nextUp(v)} when none). Only each probe's K best impostor scores are
 * known: an unknown one is at most its probe's K-th score, so T is exact when it lies above every truncated
 * list's last score, and undetermined otherwise (a longer candidate list would settle it).
 */
public final class MegafaceChallenge {
    private MegafaceChallenge() {
    }

    /**
     * One probe's search among the distractors.
     *
     * @param ok        whether a candidate list came back (the probe template and the gallery were made, the
     *                  search did not fail)
     * @param scores    the candidates' scores, non-increasing (empty unless ok)
     * @param truncated whether distractors may be missing from the list: it is as long as was asked and the
     *                  gallery holds more
     */
    public record DistractorSearch(boolean ok, double[] scores, boolean truncated) {
        /** @return a search that returned no list */
        public static DistractorSearch failed() {
            return new DistractorSearch(false, new double[0], false);
        }
    }

    /**
     * One ordered pair of images of one identity.
     *
     * @param probe the probe's index into the searches
     * @param score the score of the enrolled image for the probe; NaN when either template or the search failed
     */
    public record GenuinePair(int probe, double score) {
    }

    /**
     * TAR at one FAR target.
     *
     * @param farTarget           f
     * @param supported           whether M reaches the rule-of-three minimum ceil(3/f)
     * @param minimumImpostors    ceil(3/f)
     * @param thresholdOrigin     {@code observed_score}, {@code between_observed_scores}, {@code undetermined}
     *                            (a truncated candidate list may hide an impostor above it) or {@code none} (no
     *                            score at all)
     * @param threshold           T, or null when undetermined or none
     * @param genuinePairs        genuine comparisons, failed ones included
     * @param acceptedGenuinePairs genuine scores {@code >= T}
     * @param impostorComparisons M
     * @param falseAccepts        impostor scores {@code >= T}
     */
    public record TarPoint(double farTarget, boolean supported, long minimumImpostors, String thresholdOrigin,
                           Double threshold, long genuinePairs, long acceptedGenuinePairs, long impostorComparisons,
                           long falseAccepts) {
        /** @return TAR, null without a threshold or genuine pairs */
        public Double tar() {
            return threshold == null || genuinePairs == 0 ? null : (double) acceptedGenuinePairs / genuinePairs;
        }

        /** @return the FAR reached, null without a threshold */
        public Double far() {
            return threshold == null || impostorComparisons == 0 ? null : (double) falseAccepts / impostorComparisons;
        }
    }

    /**
     * The numbers of one distractor set.
     *
     * @param pairs      ordered genuine pairs (the identification trials)
     * @param hitsWithin hitsWithin[r] = pairs with rank {@code <= r}, r = 0..K
     * @param tar        one point per FAR target, in the order given
     */
    public record Result(long pairs, long[] hitsWithin, List<TarPoint> tar) {
        /**
         * @param rank r in 1..K
         * @return the rank-r identification rate, null without pairs
         */
        public Double identificationRate(int rank) {
            return pairs == 0 ? null : (double) hitsWithin[rank] / pairs;
        }
    }

    /**
     * @param candidateListLength K
     * @param distractors         N, the distractors of the list (those that failed to enrol included)
     * @param searches            each probe's distractor search
     * @param pairs               every ordered genuine pair
     * @param farTargets          FAR targets in (0, 1)
     * @return the rank-1 .. K rates and TAR at each target
     */
    public static Result measure(int candidateListLength, long distractors, List<DistractorSearch> searches,
                                 List<GenuinePair> pairs, List<Double> farTargets) {
        long[] hits = new long[candidateListLength + 1];
        for (GenuinePair pair : pairs) {
            int rank = rank(searches.get(pair.probe()), pair.score());
            if (rank > 0 && rank <= candidateListLength) {
                hits[rank]++;
            }
        }
        for (int r = 1; r <= candidateListLength; r++) {
            hits[r] += hits[r - 1];
        }
        List<TarPoint> tar = new ArrayList<>();
        for (double f : farTargets) {
            tar.add(tarAt(f, distractors, searches, pairs));
        }
        return new Result(pairs.size(), hits, List.copyOf(tar));
    }

    /** @return the 1-based rank of a genuine score among a probe's distractors, 0 when unknown (beyond K or failed) */
    static int rank(DistractorSearch search, double genuine) {
        if (!search.ok() || Double.isNaN(genuine)) {
            return 0;
        }
        int atOrAbove = 0;
        while (atOrAbove < search.scores().length && search.scores()[atOrAbove] >= genuine) {
            atOrAbove++;
        }
        return atOrAbove == search.scores().length && search.truncated() ? 0 : atOrAbove + 1;
    }

    private static TarPoint tarAt(double f, long distractors, List<DistractorSearch> searches, List<GenuinePair> pairs) {
        long impostors = distractors * searches.size();
        long minimum = RuleOfThree.minimumTrials(f);
        boolean supported = impostors >= minimum;
        int known = 0;
        double hiddenBelow = Double.NEGATIVE_INFINITY;
        boolean anyTruncated = false;
        for (DistractorSearch s : searches) {
            if (s.ok()) {
                known += s.scores().length;
                if (s.truncated() && s.scores().length > 0) {
                    anyTruncated = true;
                    hiddenBelow = Math.max(hiddenBelow, s.scores()[s.scores().length - 1]);
                }
            }
        }
        double[] impostor = new double[known];
        int i = 0;
        for (DistractorSearch s : searches) {
            if (s.ok()) {
                System.arraycopy(s.scores(), 0, impostor, i, s.scores().length);
                i += s.scores().length;
            }
        }
        Arrays.sort(impostor);   // ascending
        double[] genuine = pairs.stream().mapToDouble(GenuinePair::score).filter(v -> !Double.isNaN(v)).sorted().toArray();
        // a = the most false accepts the target allows: a / M <= f.
        long allowed = (long) Math.floor(f * impostors);
        while (allowed + 1 <= impostors && (double) (allowed + 1) / impostors <= f) {
            allowed++;
        }
        while (allowed > 0 && (double) allowed / impostors > f) {
            allowed--;
        }
        double threshold;
        String origin;
        if (known <= allowed) {
            // Every known impostor may be accepted: the lowest observed score of all.
            double lowest = Math.min(known > 0 ? impostor[0] : Double.POSITIVE_INFINITY,
                    genuine.length > 0 ? genuine[0] : Double.POSITIVE_INFINITY);
            if (lowest == Double.POSITIVE_INFINITY) {
                return new TarPoint(f, supported, minimum, "none", null, pairs.size(), 0, impostors, 0);
            }
            threshold = lowest;
            origin = "observed_score";
        } else {
            double v = impostor[known - 1 - (int) allowed];   // the (a+1)-th highest
            double above = Math.min(firstAbove(impostor, v), firstAbove(genuine, v));
            if (above == Double.POSITIVE_INFINITY) {
                threshold = Math.nextUp(v);
                origin = "between_observed_scores";
            } else {
                threshold = above;
                origin = "observed_score";
            }
        }
        if (anyTruncated && threshold <= hiddenBelow) {
            return new TarPoint(f, supported, minimum, "undetermined", null, pairs.size(), 0, impostors, 0);
        }
        return new TarPoint(f, supported, minimum, origin, threshold, pairs.size(), atOrAbove(genuine, threshold),
                impostors, atOrAbove(impostor, threshold));
    }

    /** @return the lowest value of an ascending array strictly above v, +infinity when none */
    private static double firstAbove(double[] ascending, double v) {
        int index = Arrays.binarySearch(ascending, Math.nextUp(v));
        int at = index >= 0 ? firstEqual(ascending, index) : -index - 1;
        return at < ascending.length ? ascending[at] : Double.POSITIVE_INFINITY;
    }

    /** @return values of an ascending array {@code >= t} */
    private static long atOrAbove(double[] ascending, double t) {
        int index = Arrays.binarySearch(ascending, t);
        int at = index >= 0 ? firstEqual(ascending, index) : -index - 1;
        return ascending.length - at;
    }

    private static int firstEqual(double[] ascending, int index) {
        while (index > 0 && ascending[index - 1] == ascending[index]) {
            index--;
        }
        return index;
    }
}
