package org.touchstone.runner.boundaries;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.touchstone.api.Capability;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.ImageFormat;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.protocols.dataset.SyntheticDatasetWriter;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.runner.systems.serve.HttpApiServer;
import org.touchstone.runner.systems.serve.ServeSettings;
import org.touchstone.runner.systems.CallLimits;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.RunSystemContext;
import org.touchstone.runner.systems.SystemRegistry;
import org.touchstone.runner.systems.http.HttpClientSettings;
import org.touchstone.runner.systems.http.HttpSystemProvider;
import org.touchstone.runner.systems.inprocess.TimeLimitedProvider;
import org.touchstone.runner.systems.process.ProcessSystemProvider;
import org.touchstone.runner.systems.serve.ServedSystem;

/**
 * Measures what a boundary costs per comparison, by hand (not a test): one caller thread, the median
 * time per comparison of many calls, one comparison per call ({@code compare}) and 64 per call
 * ({@code compareMany}), for a system called directly, through the in-JVM deadline, as one worker process
 * (the Java worker), and over HTTP to {@code serve} on loopback. Two systems: {@code test-subject-oracle}
 * (templates of 6 bytes: the boundary alone) and {@code lbp} (templates of 15,116 bytes).
 *
 * <pre>
 * java -cp "$(cat cp.txt):target/classes:target/test-classes" \
 *     org.touchstone.runner.boundaries.BoundaryOverheadBenchmark
 * </pre>
 */
public final class BoundaryOverheadBenchmark {
    private static final int BATCH = 64;

    private BoundaryOverheadBenchmark() {
    }

    /**
     * @param args ignored
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Path tmp = Files.createTempDirectory("touchstone-overhead-");
        DatasetManifest manifest = ManifestLoader.load(SyntheticDatasetWriter.write(
                SyntheticSpec.parse("synthetic:subjects=20,images=4,seed=9"), tmp.resolve("data")));
        SystemRegistry registry = new SystemRegistry(BoundaryOverheadBenchmark.class.getClassLoader());
        System.out.printf(Locale.ROOT, "%-22s %-14s %12s %12s%n", "system", "boundary", "compare us", "batch64 us/cmp");
        for (String id : List.of("test-subject-oracle", "lbp")) {
            FaceSystemProvider direct = registry.require(id);
            List<Template> templates = templates(direct, manifest, tmp);
            measure(id, "direct", direct, templates, tmp);
            measure(id, "in-JVM deadline", new TimeLimitedProvider(direct, CallLimits.defaults()), templates, tmp);
            measure(id, "process", ProcessSystemProvider.load(TestWorkers.javaWorkerConfig(tmp, id, 1, Map.of()),
                    Map.of()), templates, tmp);
            try (OpenedSystem opened = OpenedSystem.open(new TimeLimitedProvider(direct, CallLimits.defaults()),
                    Optional.empty(), Capability.VERIFICATION, "serve", 2);
                 ServedSystem served = ServedSystem.of(opened);
                 HttpApiServer server = HttpApiServer.start(served, ServeSettings.loopback())) {
                measure(id, "http", HttpSystemProvider.connect(server.uri(), HttpClientSettings.defaults(),
                        CallLimits.defaults()), templates, tmp);
            }
        }
    }

    private static List<Template> templates(FaceSystemProvider provider, DatasetManifest manifest, Path tmp)
            throws Exception {
        try (FaceSystem system = provider.open(new RunSystemContext(Optional.empty(), tmp, 1))) {
            Verifier v = system.verifier().orElseThrow();
            List<Template> templates = new ArrayList<>();
            for (Sample s : manifest.samples()) {
                FaceImage image = new FaceImage(s.sampleId(), ImageFormat.PNG, Files.readAllBytes(manifest.resolve(s)));
                var made = v.createTemplate(List.of(image), TemplateRole.VERIFICATION_ENROLMENT);
                if (made.isSuccess()) {
                    templates.add(made.value());
                }
            }
            return templates;
        }
    }

    private static void measure(String id, String boundary, FaceSystemProvider provider, List<Template> templates,
                                Path tmp) throws Exception {
        try (FaceSystem system = provider.open(new RunSystemContext(Optional.empty(), tmp, 1))) {
            Verifier v = system.verifier().orElseThrow();
            int n = templates.size();
            long[] single = new long[4000];
            for (int i = -2000; i < single.length; i++) {
                int k = Math.floorMod(i, n);
                long t0 = System.nanoTime();
                v.compare(templates.get(k), templates.get((k + 1) % n));
                if (i >= 0) {
                    single[i] = System.nanoTime() - t0;
                }
            }
            long[] batched = new long[600];
            for (int i = -200; i < batched.length; i++) {
                int k = Math.floorMod(i, n);
                List<Template> block = new ArrayList<>(BATCH);
                for (int j = 0; j < BATCH; j++) {
                    block.add(templates.get((k + j) % n));
                }
                long t0 = System.nanoTime();
                v.compareMany(templates.get(k), block);
                if (i >= 0) {
                    batched[i] = System.nanoTime() - t0;
                }
            }
            System.out.printf(Locale.ROOT, "%-22s %-14s %12.2f %12.3f%n", id, boundary, median(single) / 1e3,
                    median(batched) / 1e3 / BATCH);
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }
}
