package org.touchstone.reports.verification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.touchstone.reports.stats.RuleOfThree;

/**
 * FNMR at an FMR target f: the lowest candidate threshold T with FMR(T) &lt;= f, the rates there and
 * whether the data can support a rate that small.
 *
 * <h2>Which thresholds are candidates</h2>
 * The candidates are those of {@link ScoreDistribution#sweep()}: every observed score (genuine or
 * impostor), plus {@code Math.nextUp} of the highest impostor score when no score lies above it. FMR only
 * changes just above an impostor score, so on the interval of real thresholds where FMR(T) &lt;= f first
 * holds, FNMR is lowest at its left end; the lowest observed score in that interval has that same FNMR
 * (no genuine score lies between the end and it), and {@code nextUp} covers the one interval, above the
 * highest impostor, that may contain no observed score. Hence the FNMR reported is the lowest FNMR any
 * threshold achieves with FMR &lt;= f, and T is a score the system actually produced whenever possible.
 * Ties count as matches: all scores equal to T are at or above it.
 *
 * <h2>Support</h2>
 * With zero errors in n trials the one-sided 95% upper bound is about 3/n (the rule of 3), so an FMR of
 * f cannot be demonstrated with fewer than 3/f impostor comparisons: such a point is marked unsupported
 * and must be printed as such, not as a measured rate.
 *
 * @param fmrTarget                  the target f, in (0, 1]
 * @param thresholdOrigin            how T was chosen
 * @param rates                      FMR and FNMR at T with their counts; null when the origin is
 *                                   {@link ThresholdOrigin#NONE}
 * @param minimumImpostorComparisons ceil(3 / f), the rule-of-3 support the target needs
 * @param supported                  whether the impostor comparisons (scored or failed) reach that minimum
 */
public record FmrOperatingPoint(double fmrTarget, ThresholdOrigin thresholdOrigin, ErrorRates rates,
                                long minimumImpostorComparisons, boolean supported) {

    /**
     * @param fmrTarget                  in (0, 1]
     * @param thresholdOrigin            not null
     * @param rates                      null exactly when the origin is NONE
     * @param minimumImpostorComparisons {@code >= 1}
     * @param supported                  the support flag
     */
    public FmrOperatingPoint {
        requireTarget(fmrTarget);
        Objects.requireNonNull(thresholdOrigin, "thresholdOrigin");
        if ((rates == null) != (thresholdOrigin == ThresholdOrigin.NONE)) {
            throw new IllegalArgumentException("rates must be null exactly when there is no threshold");
        }
    }

    /**
     * Finds the operating point of each target in one sweep.
     *
     * @param scores     the comparison outcomes
     * @param fmrTargets targets f in (0, 1], in any order
     * @return one point per target, in the order given
     * @throws IllegalArgumentException when a target is outside (0, 1]
     */
    public static List<FmrOperatingPoint> find(ScoreDistribution scores, List<Double> fmrTargets) {
        fmrTargets.forEach(FmrOperatingPoint::requireTarget);
        long impostors = scores.impostorComparisons();
        FmrOperatingPoint[] points = new FmrOperatingPoint[fmrTargets.size()];
        // Largest target first: FMR falls as T rises, so each later target lies at or after the previous one.
        int[] order = IntStream.range(0, points.length).boxed()
                .sorted(Comparator.comparing(fmrTargets::get).reversed())
                .mapToInt(Integer::intValue).toArray();
        ThresholdSweep sweep = scores.sweep();
        boolean positioned = impostors > 0 && sweep.next();
        for (int index : order) {
            double target = fmrTargets.get(index);
            long minimum = minimumImpostorComparisons(target);
            while (positioned && (double) sweep.falseMatches() / impostors > target) {
                positioned = sweep.next();
            }
            if (positioned) {
                ThresholdOrigin origin = sweep.observedScore()
                        ? ThresholdOrigin.OBSERVED_SCORE : ThresholdOrigin.BETWEEN_OBSERVED_SCORES;
                points[index] = new FmrOperatingPoint(target, origin, ErrorRates.at(scores, sweep), minimum,
                        impostors >= minimum);
            } else {
                points[index] = new FmrOperatingPoint(target, ThresholdOrigin.NONE, null, minimum, impostors >= minimum);
            }
        }
        return List.of(points);
    }

    /**
     * The rule-of-3 minimum number of impostor comparisons for an FMR target: ceil(3 / f).
     *
     * @param fmrTarget f in (0, 1]
     * @return ceil(3 / f), at most {@code Long.MAX_VALUE}
     */
    public static long minimumImpostorComparisons(double fmrTarget) {
        requireTarget(fmrTarget);
        return RuleOfThree.minimumTrials(fmrTarget);
    }

    private static void requireTarget(double fmrTarget) {
        if (!(fmrTarget > 0 && fmrTarget <= 1)) {
            throw new IllegalArgumentException("FMR target must be in (0, 1], was " + fmrTarget);
        }
    }

    /**
     * Convenience for callers holding targets as an array.
     *
     * @param scores     the comparison outcomes
     * @param fmrTargets targets in (0, 1]
     * @return one point per target, in the order given
     */
    public static List<FmrOperatingPoint> find(ScoreDistribution scores, double... fmrTargets) {
        List<Double> targets = new ArrayList<>(fmrTargets.length);
        for (double target : fmrTargets) {
            targets.add(target);
        }
        return find(scores, targets);
    }
}
