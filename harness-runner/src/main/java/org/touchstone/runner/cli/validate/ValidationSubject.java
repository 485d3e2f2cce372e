package org.touchstone.runner.cli.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FailureCode;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.runner.cli.validate.BadImages.BadImage;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.SystemFault;

/**
 * What every check of a capability works on: the opened system, the validation faces and the bad inputs,
 * how many threads the concurrency checks use, the time limits, and where verdicts go.
 *
 * @param opened  the system, opened
 * @param faces   the validation faces' manifest
 * @param images  its images, in manifest order
 * @param bad     inputs no system should choke on, by name
 * @param threads threads for the concurrency checks
 * @param limits  the time limits
 * @param log     where verdicts go
 */
record ValidationSubject(OpenedSystem opened, DatasetManifest faces, List<FaceImage> images,
                         Map<String, BadImage> bad, int threads, ValidationLimits limits, CheckLog log) {
    /**
     * @param image one of the validation images
     * @return the subject it shows
     */
    String subjectOf(FaceImage image) {
        return faces.sample(image.id()).map(Sample::subjectId).orElse(image.id());
    }

    /** @return the calling thread's instance of the system */
    FaceSystem instance() {
        try {
            return opened.instance();
        } catch (FaceSystemException e) {
            throw new SystemFault(FailureCode.SYSTEM_CRASHED, "could not open another instance: " + e.getMessage(), e);
        }
    }

    /**
     * Runs tasks from {@link #threads} threads at once, in a shuffled but fixed order.
     *
     * @param tasks each returns null when it agrees with the serial answer, else what differed
     * @return what differed
     */
    List<String> runConcurrently(List<Callable<String>> tasks) {
        List<Callable<String>> shuffled = new ArrayList<>(tasks);
        Collections.shuffle(shuffled, new Random(42));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "touchstone-validate");
            t.setDaemon(true);
            return t;
        });
        try {
            List<String> differences = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(shuffled)) {
                try {
                    String d = f.get();
                    if (d != null) {
                        differences.add(d);
                    }
                } catch (ExecutionException e) {
                    differences.add("a call threw " + e.getCause());
                }
            }
            return differences;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * @param values measurements
     * @return their median, NaN when there are none
     */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
