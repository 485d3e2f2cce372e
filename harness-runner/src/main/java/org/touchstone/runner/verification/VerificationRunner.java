package org.touchstone.runner.verification;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.touchstone.runner.checkpoint.Checkpoints;
import org.touchstone.runner.checkpoint.RunDirectoryConflictException;
import org.touchstone.runner.checkpoint.RunDirectoryState;
import org.touchstone.runner.checkpoint.RunIdentity;
import org.touchstone.runner.checkpoint.TemplateLog;
import org.touchstone.api.ApiVersion;
import org.touchstone.api.Capability;
import org.touchstone.api.FaceSystemException;
import org.touchstone.protocols.ProtocolDefinition;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.VerificationSettings;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.reports.ReportSummary;
import org.touchstone.reports.RunReports;
import org.touchstone.reports.RunDirectoryException;
import org.touchstone.runner.HarnessVersion;
import org.touchstone.runner.progress.Progress;
import org.touchstone.runner.rundir.AtomicFiles;
import org.touchstone.runner.rundir.Hashing;
import org.touchstone.runner.rundir.RunJson;
import org.touchstone.runner.systems.CapabilityMismatchException;
import org.touchstone.runner.systems.GuardedVerifier;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.SystemArtifact;

/**
 * Runs a verification (1:1) protocol end to end: plans templates and pairs, creates templates and
 * compares pairs in parallel through the guarded SPI, writes the raw outputs and provenance of the run
 * directory, then has the reports module compute every number from those files.
 *
 * <p>A run directory holding an interrupted run of the same protocol, dataset and system (status
 * {@code running} or {@code failed}) is resumed: its checkpoints give back every template made and every
 * comparison unit written, and the run ends with the same files an uninterrupted run would have written
 * (but for latencies and times). Its run id and start time are kept; {@code resumed} lists when it was
 * resumed.
 */
public final class VerificationRunner {
    /** Folder of the run directory where adapters keep logs (the stderr of subprocess workers). */
    public static final String LOGS = "logs";

    private final Progress progress;

    /** @param progress where stage progress goes */
    @Inject
    public VerificationRunner(Progress progress) {
        this.progress = progress;
    }

    /**
     * @param request the resolved run
     * @return what the run produced
     * @throws IOException                 if the run directory cannot be written or the dataset read; a
     *                                     {@link RunDirectoryConflictException} if the run directory holds
     *                                     something else, another run, or this run already complete
     * @throws CapabilityMismatchException if the system cannot run the protocol
     * @throws FaceSystemException         if the system cannot be opened
     * @throws ProtocolException           if the protocol does not fit the dataset
     * @throws RunDirectoryException       if the reports reject the raw outputs
     * @throws InterruptedException        if interrupted
     */
    public RunOutcome run(RunRequest request) throws IOException, CapabilityMismatchException,
            FaceSystemException, ProtocolException, RunDirectoryException, InterruptedException {
        long startNs = System.nanoTime();
        ProtocolDefinition protocol = request.protocol();
        VerificationSettings settings = protocol.verification().orElseThrow(() -> new CapabilityMismatchException(
                "protocol " + protocol.ref() + " is not a verification protocol"));
        OpenedSystem.requireCapability(request.system().descriptor(), Capability.VERIFICATION, protocol.ref());
        RunDirectoryState state = RunDirectoryState.inspect(request.runDir(), RunIdentity.of(protocol,
                request.manifest(), request.system(), request.configSource()));
        if (state.kind() == RunDirectoryState.Kind.COMPLETE) {
            throw new RunDirectoryConflictException("run directory " + request.runDir() + " holds this run, already "
                    + "complete");
        }
        Path runDir = Files.createDirectories(request.runDir());

        RunJson json = new RunJson(state.previousRunId().orElse(request.runId()));
        describe(json, request, settings);
        json.root().put("started", state.previous().map(p -> p.path("started").asText()).orElse(now()));
        if (state.kind() == RunDirectoryState.Kind.RESUME) {
            ArrayNode resumed = json.root().putArray("resumed");
            state.previous().get().path("resumed").forEach(resumed::add);
            resumed.add(now());
        }
        json.write(runDir);
        AtomicFiles.write(runDir.resolve("protocol.yaml"), protocol.bytes());
        Checkpoints checkpoints = Checkpoints.of(runDir);

        try {
            VerificationPlan plan = VerificationPlan.build(settings, request.manifest());
            json.section("dataset").put("unused_samples", plan.unusedSamples());
            json.section("dataset").put("templates", plan.templates().size());
            ExecutorService pool = Executors.newFixedThreadPool(request.threads(), workerThreads());
            long templateNs;
            long comparisonNs;
            TemplateStage.Templates templates;
            ComparisonStage.Counts counts;
            try (OpenedSystem system = OpenedSystem.open(request.system(), request.configSource(),
                    Capability.VERIFICATION, protocol.ref(), request.threads(), Optional.of(runDir.resolve(LOGS)))) {
                GuardedVerifier verifier = new GuardedVerifier(system);
                recordRuntimeProperties(json, system);
                long t0 = System.nanoTime();
                try (TemplateLog log = checkpoints.templates("templates")) {
                    templates = new TemplateStage(pool, progress).run(plan, request.manifest(), verifier, runDir, log);
                }
                long t1 = System.nanoTime();
                counts = new ComparisonStage(pool, progress, request.threads()).run(plan, templates, verifier,
                        checkpoints);
                long t2 = System.nanoTime();
                templateNs = t1 - t0;
                comparisonNs = t2 - t1;
                ObjectNode execution = json.section("execution");
                execution.put("threads", request.threads());
                execution.put("system_instances", system.instanceCount());
                execution.put("backend", "embedded-thread-pool");
            } finally {
                pool.shutdownNow();
            }
            ObjectNode stages = json.section("stages");
            ObjectNode t = stages.putObject("templates");
            t.put("calls", Stream.of(templates.enrolment(), templates.probe())
                    .flatMap(Stream::of).filter(o -> o != null).count());
            t.put("failures", templates.failures());
            t.put("seconds", templateNs / 1e9);
            ObjectNode c = stages.putObject("comparisons");
            c.put("pairs", counts.pairs());
            c.put("compared", counts.compared());
            c.put("comparison_failures", counts.failedComparisons());
            c.put("not_compared", counts.notCompared());
            c.put("seconds", comparisonNs / 1e9);
            c.put("comparisons_per_second", comparisonNs > 0 ? counts.compared() / (comparisonNs / 1e9) : 0);

            ReportSummary summary = RunReports.generate(runDir);

            json.status("complete");
            json.root().put("finished", now());
            json.hashFiles(runDir);
            json.write(runDir);
            checkpoints.discard();
            return new RunOutcome(runDir, t.get("calls").asLong(), templates.failures(), counts.pairs(),
                    counts.compared(), comparisonNs / 1e9, (System.nanoTime() - startNs) / 1e9, summary.headline());
        } catch (IOException | RuntimeException | Error | FaceSystemException | CapabilityMismatchException
                 | ProtocolException | InterruptedException e) {
            json.status("failed");
            json.root().put("error", String.valueOf(e.getMessage() != null ? e.getMessage() : e));
            json.root().put("finished", now());
            json.write(runDir);
            throw e;
        }
    }

    private static void describe(RunJson json, RunRequest request, VerificationSettings settings) throws IOException {
        ObjectNode harness = json.section("harness");
        harness.put("version", HarnessVersion.get());
        harness.put("api_version", ApiVersion.VERSION);

        ProtocolDefinition protocol = request.protocol();
        ObjectNode p = json.section("protocol");
        p.put("id", protocol.id());
        p.put("version", protocol.version().toString());
        p.put("sha256", protocol.sha256());
        p.put("source", protocol.source());

        ObjectNode evaluation = json.section("evaluation");
        evaluation.put("capability", "verification");
        ArrayNode targets = evaluation.putArray("fmr_targets");
        settings.fmrTargets().forEach(targets::add);
        evaluation.set("thresholds", settings.vendorThresholds()
                ? RunJson.thresholds(request.system().descriptor().thresholds(), Capability.VERIFICATION)
                : json.root().arrayNode());
        evaluation.put("failure_policy", "non-match");
        ArrayNode groupColumns = evaluation.putArray("group_columns");
        request.manifest().groupColumns().forEach(groupColumns::add);

        DatasetManifest manifest = request.manifest();
        ObjectNode d = json.section("dataset");
        d.put("manifest", manifest.file().toAbsolutePath().toString());
        d.put("sha256", manifest.sha256());
        d.put("spec", request.datasetSpec());
        d.put("samples", manifest.samples().size());
        d.put("subjects", manifest.subjectCount());

        String configHash = request.configSource().isPresent()
                ? Hashing.sha256OfTree(request.configSource().get()) : null;
        json.system(request.system().descriptor(), SystemArtifact.of(request.system()), configHash);
        json.environment();
        json.section("seeds").put("protocol", protocol.seed());
    }

    /** What the opened system reports about itself; a system that throws here is recorded, not fatal. */
    private static void recordRuntimeProperties(RunJson json, OpenedSystem system) {
        ObjectNode runtime = json.section("system").putObject("runtime_properties");
        try {
            java.util.Map<String, String> properties = system.instance().runtimeProperties();
            if (properties != null) {
                properties.forEach(runtime::put);
            }
        } catch (FaceSystemException | RuntimeException e) {
            runtime.put("error", "runtimeProperties() failed: " + e);
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "touchstone-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
