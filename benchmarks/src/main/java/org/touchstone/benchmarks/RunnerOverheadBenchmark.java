package org.touchstone.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.touchstone.runner.engine.backend.BackendContext;
import org.touchstone.runner.engine.backend.BackendSession;
import org.touchstone.runner.engine.backend.EmbeddedBackend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceImage;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;
import org.touchstone.protocols.ProtocolDefinition;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ImageSource;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.runner.engine.checkpoint.Checkpoints;
import org.touchstone.runner.engine.prepare.DatasetResolver;
import org.touchstone.runner.engine.stage.CapabilityRunner;
import org.touchstone.runner.engine.stage.ExecutionContext;
import org.touchstone.runner.engine.stage.StageSummary;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.engine.timing.CallTimings;
import org.touchstone.runner.engine.verification.VerificationRunner;

/**
 * What the runner costs per comparison: verification@1.0.0 (all templates against all; 800 images give
 * 1,600 template calls and 319,600 comparisons) with a {@link TrivialVerifier} that does almost nothing,
 * so that nearly all the time is the harness's (or, {@code -p verifier=cosine-512}, a 512-float cosine
 * matcher). Three ways, one run per invocation:
 * <ul>
 *   <li>{@code bareLoop}: the same calls in a plain loop on one thread (read each image, make both
 *       templates, then {@code compareMany} per probe in blocks of 64, scores kept in an array);</li>
 *   <li>{@code stages}: the runner's stages ({@code VerificationRunner} on an {@code ExecutionContext}: the
 *       guards, timing, batching, checkpoints, templates.csv and comparisons.csv) on {@link #threads}
 *       threads;</li>
 *   <li>{@code wholeRun}: {@code ProtocolRunner.run}, the stages plus run.json, the reports (metrics,
 *       tables, figures, the report card) and the file hashes.</li>
 * </ul>
 * The runner's overhead is the ratio of a way's time to {@code bareLoop}'s. Each prints its time per
 * comparison, and {@code bareLoop} and {@code stages} also the time of their comparisons alone (the loop's
 * second half; the comparison stage's wall time from run.json's {@code stages}), whose ratio is the
 * runner's cost per comparison without the templates. The dataset is generated into {@code data/}
 * (relative to the working folder) once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Djava.awt.headless=true", "--add-opens=java.base/java.nio=ALL-UNNAMED"})
@Warmup(iterations = 4)
@Measurement(iterations = 7)
public class RunnerOverheadBenchmark {
    /** JMH instantiates the state. */
    public RunnerOverheadBenchmark() {
    }

    /** The dataset (the demo's). */
    @Param("synthetic:subjects=200,images=4,seed=7")
    public String dataset;

    /** Threads the runner's ways run on. */
    @Param("1")
    public int threads;

    /**
     * The verifier: {@code trivial} ({@link TrivialVerifier}, almost nothing, so the time is the harness's) or
     * {@code cosine-512} ({@link CosineVerifier}, a fast embedding matcher: whether the harness lets it run
     * at least half as fast as in the bare loop).
     */
    @Param("trivial")
    public String verifier;

    private InProcessVerifier system;
    private ProtocolDefinition protocol;
    private DatasetManifest manifest;
    private Path scratch;
    private long comparisons;
    private long started;
    private String way;
    private int runs;
    private double comparisonSeconds = Double.NaN;

    /**
     * Resolves the protocol and the dataset.
     *
     * @throws Exception if they cannot be read or generated
     */
    @Setup(Level.Trial)
    public void prepare() throws Exception {
        system = switch (verifier) {
            case "trivial" -> new TrivialVerifier();
            case "cosine-512" -> new CosineVerifier(512);
            default -> throw new IllegalArgumentException("verifier: expected trivial or cosine-512, got " + verifier);
        };
        protocol = ProtocolRepository.builtIn().resolve("verification@1.0.0");
        manifest = DatasetResolver.resolve(dataset, Path.of("data"), System.out::println);
        long n = manifest.samples().size();
        comparisons = n * (n - 1) / 2;
        scratch = Files.createTempDirectory("touchstone-overhead-");
    }

    /**
     * Starts the clock.
     *
     * @param params the benchmark being run, for the printout
     */
    @Setup(Level.Iteration)
    public void start(BenchmarkParams params) {
        way = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        started = System.nanoTime();
    }

    /**
     * Prints the time per comparison and deletes the run's files.
     *
     * @throws IOException if they cannot be deleted
     */
    @TearDown(Level.Iteration)
    public void report() throws IOException {
        double ns = System.nanoTime() - started;
        System.out.printf(Locale.ROOT, "%n%s: %.1f ns per comparison (%,d comparisons, %.3f s)%s%n", way,
                ns / comparisons, comparisons, ns / 1e9, Double.isNaN(comparisonSeconds) ? ""
                        : String.format(Locale.ROOT, "; comparisons alone: %.1f ns per comparison",
                        comparisonSeconds * 1e9 / comparisons));
        comparisonSeconds = Double.NaN;
        deleteBelow(scratch);
    }

    /** Deletes the scratch folder. */
    @TearDown(Level.Trial)
    public void clean() throws IOException {
        deleteBelow(scratch);
        Files.deleteIfExists(scratch);
    }

    private RunRequest request() {
        return new RunRequest("overhead", protocol, manifest, dataset, system, Optional.empty(),
                scratch.resolve("run-" + runs++), threads);
    }

    /**
     * The calls alone.
     *
     * @return the sum of the scores
     */
    @Benchmark
    public double bareLoop() {
        List<Sample> samples = manifest.samples();
        Template[] enrolments = new Template[samples.size()];
        Template[] probes = new Template[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            List<FaceImage> image = List.of(ImageSource.of(manifest, samples.get(i)).readUnchecked());
            enrolments[i] = system.createTemplate(image, TemplateRole.VERIFICATION_ENROLMENT).value();
            probes[i] = system.createTemplate(image, TemplateRole.VERIFICATION_PROBE).value();
        }
        Verifier matcher = system;
        long compareStart = System.nanoTime();
        double[] scores = new double[(int) comparisons];
        int slot = 0;
        List<Template> block = new ArrayList<>(64);
        for (int p = 1; p < probes.length; p++) {
            for (int k0 = 0; k0 < p; k0 += 64) {
                block.clear();
                for (int k = k0; k < Math.min(p, k0 + 64); k++) {
                    block.add(enrolments[k]);
                }
                for (ComparisonResult r : matcher.compareMany(probes[p], block)) {
                    scores[slot++] = r.similarity();
                }
            }
        }
        comparisonSeconds = (System.nanoTime() - compareStart) / 1e9;
        double sum = 0;
        for (double s : scores) {
            sum += s;
        }
        return sum;
    }

    /**
     * The runner's stages alone.
     *
     * @return the stages' summary
     * @throws Exception if the run fails
     */
    @Benchmark
    public Object stages() throws Exception {
        RunRequest request = request();
        Path runDir = Files.createDirectories(request.runDir());
        CapabilityRunner.Planned planned = new VerificationRunner().plan(request);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CallTimings timings = CallTimings.recording();
        try (OpenedSystem opened = OpenedSystem.open(system, Optional.empty(), Capability.VERIFICATION,
                protocol.ref(), threads);
             BackendSession backend = new EmbeddedBackend().open(new BackendContext("overhead", runDir, opened,
                     Optional.empty(), threads, Map.of(), timings))) {
            StageSummary summary = planned.execute(new ExecutionContext(request, runDir, opened, pool,
                    Progress.silent(), Checkpoints.of(runDir), backend, timings));
            comparisonSeconds = summary.stagesBlock().comparisons().seconds();
            return summary;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A whole run, reports included.
     *
     * @return the outcome
     * @throws Exception if the run fails
     */
    @Benchmark
    public Object wholeRun() throws Exception {
        return new ProtocolRunner(Progress.silent()).run(request());
    }

    private static void deleteBelow(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
