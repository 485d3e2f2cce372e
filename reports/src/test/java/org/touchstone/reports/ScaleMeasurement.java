package org.touchstone.reports;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.touchstone.reports.verification.DPrime;
import org.touchstone.reports.verification.DetCurve;
import org.touchstone.reports.verification.EqualErrorRate;
import org.touchstone.reports.verification.ErrorRates;
import org.touchstone.reports.verification.FmrOperatingPoint;
import org.touchstone.reports.verification.ScoreHistogram;
import org.touchstone.reports.verification.SortedScoreDistribution;

/**
 * Measures time and heap of the metrics on N comparisons, run by hand (not a test):
 * {@code ScaleMeasurement metrics N} times the metric code on scores already in memory;
 * {@code ScaleMeasurement run DIR [SUBJECTS]} writes a synthetic run of SUBJECTS^2 comparisons and times
 * {@link RunReports#generate(Path)} on it, reading included. Heap is the sum of the heap pools' peaks
 * (an upper bound on the true peak), reset after warm-up data is generated.
 */
public final class ScaleMeasurement {
    private ScaleMeasurement() {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("metrics")) {
            metrics(Long.parseLong(args[1]));
        } else {
            // "run DIR SUBJECTS" writes the synthetic run first; "run DIR" reuses one already written.
            Path runDir = args.length > 2 ? SyntheticRun.write(Path.of(args[1]), Integer.parseInt(args[2]), 7)
                    : Path.of(args[1]);
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            ReportSummary summary = RunReports.generate(runDir);
            report("RunReports.generate (read + compute + write)", start);
            summary.headline().forEach(System.out::println);
        }
    }

    private static void metrics(long n) {
        SplittableRandom random = new SplittableRandom(1);
        long genuine = Math.max(1, n / 1000);
        SortedScoreDistribution.Builder builder = SortedScoreDistribution.builder();
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        for (long i = 0; i < n; i++) {
            if (i < genuine) {
                builder.addGenuine(0.7 + 0.1 * random.nextGaussian());
            } else {
                builder.addImpostor(0.3 + 0.1 * random.nextGaussian());
            }
        }
        SortedScoreDistribution scores = builder.build();
        report("collect + sort " + n + " scores", start);
        start = System.nanoTime();
        List<FmrOperatingPoint> points = FmrOperatingPoint.find(scores, 0.1, 0.01, 1e-3, 1e-4, 1e-5, 1e-6);
        report("FNMR at 6 FMR targets", start);
        start = System.nanoTime();
        EqualErrorRate eer = EqualErrorRate.interpolated(scores).orElseThrow();
        report("interpolated EER", start);
        start = System.nanoTime();
        EqualErrorRate rocch = EqualErrorRate.rocch(scores).orElseThrow();
        report("ROCCH EER", start);
        start = System.nanoTime();
        DetCurve det = DetCurve.sample(scores, 0.001);
        report("DET curve (" + det.points().size() + " points kept)", start);
        start = System.nanoTime();
        ErrorRates.at(scores, 0.5);
        DPrime.of(scores);
        ScoreHistogram.of(scores, 50);
        report("rates at a threshold, d', histogram", start);
        System.out.printf(Locale.ROOT, "EER %.5f, ROCCH %.5f, FNMR@1e-3 %.5f%n", eer.rate(), rocch.rate(),
                points.get(2).rates().fnmr().rate());
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static void report(String what, long start) {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%-50s %8.2f s   heap peak so far %6d MB%n", what,
                (System.nanoTime() - start) / 1e9, peak >> 20);
    }
}
