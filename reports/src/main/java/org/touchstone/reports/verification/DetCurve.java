package org.touchstone.reports.verification;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The DET curve (FNMR against FMR over the threshold sweep), thinned for storage and drawing: a sweep
 * point is kept when log10 FMR or log10 FNMR has moved by at least a given step since the last kept
 * point (a move to or from a zero rate always counts), and the first and last points are always kept.
 * Because both rates are monotone in the threshold, the number of points kept is at most
 * (log10 Ni + log10 Ng) / step + 4 whatever the number of comparisons, while every visible bend of the
 * curve on log axes is preserved.
 *
 * @param impostorComparisons the FMR denominator Ni
 * @param genuineComparisons  the FNMR denominator Ng
 * @param points              the kept points, in ascending threshold order
 */
public record DetCurve(long impostorComparisons, long genuineComparisons, List<Point> points) {

    /**
     * One point of the curve.
     *
     * @param threshold       T
     * @param falseMatches    impostor scores at or above T
     * @param falseNonMatches genuine scores below T plus failed genuine comparisons
     */
    public record Point(double threshold, long falseMatches, long falseNonMatches) {
    }

    /**
     * @param impostorComparisons Ni
     * @param genuineComparisons  Ng
     * @param points              copied
     */
    public DetCurve {
        points = List.copyOf(points);
    }

    /**
     * Sweeps the distribution and keeps the points that move the curve on log axes.
     *
     * @param scores       the comparison outcomes
     * @param minLog10Step the least move in log10 FMR or log10 FNMR between kept points, {@code > 0}
     * @return the thinned curve; empty when there are no scores
     */
    public static DetCurve sample(ScoreDistribution scores, double minLog10Step) {
        ThresholdSweep sweep = scores.sweep();
        Iterator<Point> points = new Iterator<>() {
            private boolean ready = sweep.next();

            @Override
            public boolean hasNext() {
                return ready;
            }

            @Override
            public Point next() {
                if (!ready) {
                    throw new NoSuchElementException();
                }
                Point point = new Point(sweep.threshold(), sweep.falseMatches(), sweep.falseNonMatches());
                ready = sweep.next();
                return point;
            }
        };
        long impostors = scores.impostorComparisons();
        long genuine = scores.genuineComparisons();
        return new DetCurve(impostors, genuine, thinned(points, impostors, genuine, minLog10Step));
    }

    /**
     * Thins this curve further, by the same rule with a larger step (for example for drawing).
     *
     * @param minLog10Step the least move in log10 FMR or log10 FNMR between kept points, {@code > 0}
     * @return a curve with a subset of these points, first and last included
     */
    public DetCurve thin(double minLog10Step) {
        return new DetCurve(impostorComparisons, genuineComparisons,
                thinned(points.iterator(), impostorComparisons, genuineComparisons, minLog10Step));
    }

    private static List<Point> thinned(Iterator<Point> points, long impostors, long genuine, double minLog10Step) {
        if (!(minLog10Step > 0)) {
            throw new IllegalArgumentException("step must be positive, was " + minLog10Step);
        }
        List<Point> kept = new ArrayList<>();
        Point last = null;
        boolean lastKept = false;
        while (points.hasNext()) {
            Point point = points.next();
            Point previousKept = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            lastKept = previousKept == null
                    || log10Distance(point.falseMatches(), previousKept.falseMatches(), impostors) >= minLog10Step
                    || log10Distance(point.falseNonMatches(), previousKept.falseNonMatches(), genuine) >= minLog10Step;
            if (lastKept) {
                kept.add(point);
            }
            last = point;
        }
        if (last != null && !lastKept) {
            kept.add(last);
        }
        return kept;
    }

    /**
     * FMR of a point.
     *
     * @param point a point of this curve
     * @return false matches / Ni, NaN when Ni = 0
     */
    public double fmr(Point point) {
        return impostorComparisons == 0 ? Double.NaN : (double) point.falseMatches() / impostorComparisons;
    }

    /**
     * FNMR of a point.
     *
     * @param point a point of this curve
     * @return false non-matches / Ng, NaN when Ng = 0
     */
    public double fnmr(Point point) {
        return genuineComparisons == 0 ? Double.NaN : (double) point.falseNonMatches() / genuineComparisons;
    }

    /** |log10(a / n) - log10(b / n)|, infinite when exactly one count is zero, 0 when both are. */
    private static double log10Distance(long a, long b, long n) {
        if (a == b || n == 0) {
            return 0;
        }
        if (a == 0 || b == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(Math.log10((double) a / b));
    }
}
