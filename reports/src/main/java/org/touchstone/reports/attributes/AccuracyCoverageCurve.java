package org.touchstone.reports.attributes;

import java.util.ArrayList;
import java.util.List;

/**
 * Accuracy among decided images against coverage, as the confidence threshold falls from the highest
 * stated confidence to the lowest: each point is the threshold at one distinct confidence, so the curve
 * holds every trade-off the system offers.
 *
 * @param images the coverage denominator (images with a known true label)
 * @param points in descending threshold order, that is ascending coverage
 */
public record AccuracyCoverageCurve(long images, List<Point> points) {
    /**
     * One threshold.
     *
     * @param threshold c
     * @param decided   decided images at c
     * @param correct   correct decided images at c
     */
    public record Point(double threshold, long decided, long correct) {
    }

    /**
     * @param images {@code >= 0}
     * @param points copied
     */
    public AccuracyCoverageCurve {
        points = List.copyOf(points);
    }

    /**
     * Coverage at a point.
     *
     * @param point a point of this curve
     * @return decided / images, NaN when there are no images
     */
    public double coverage(Point point) {
        return images == 0 ? Double.NaN : (double) point.decided() / images;
    }

    /**
     * Accuracy at a point.
     *
     * @param point a point of this curve
     * @return correct / decided, NaN when nothing is decided
     */
    public double accuracy(Point point) {
        return point.decided() == 0 ? Double.NaN : (double) point.correct() / point.decided();
    }

    /**
     * Keeps a point when coverage or accuracy has moved by at least {@code step} since the last point kept;
     * the first and last points are always kept. Both are shares, so the curve keeps at most about
     * 2 / step + 2 points whatever the number of images.
     *
     * @param step the least move, {@code > 0}
     * @return a curve with a subset of these points
     */
    public AccuracyCoverageCurve thin(double step) {
        if (!(step > 0)) {
            throw new IllegalArgumentException("step must be positive, was " + step);
        }
        List<Point> kept = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            Point last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (last == null || i == points.size() - 1 || Math.abs(coverage(point) - coverage(last)) >= step
                    || Math.abs(accuracy(point) - accuracy(last)) >= step) {
                kept.add(point);
            }
        }
        return new AccuracyCoverageCurve(images, kept);
    }
}
