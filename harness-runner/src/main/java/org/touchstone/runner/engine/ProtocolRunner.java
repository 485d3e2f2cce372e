package org.touchstone.runner.engine;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.touchstone.api.ApiVersion;
import org.touchstone.api.Capability;
import org.touchstone.api.FaceSystemException;
import org.touchstone.protocols.ProtocolDefinition;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.reports.ReportSummary;
import org.touchstone.reports.RunReports;
import org.touchstone.runner.systems.HarnessVersion;
import org.touchstone.runner.engine.analysis.AnalysisRunner;
import org.touchstone.runner.engine.backend.BackendContext;
import org.touchstone.runner.engine.backend.BackendSession;
import org.touchstone.runner.engine.backend.SystemRecipe;
import org.touchstone.runner.engine.identification.IdentificationRunner;
import org.touchstone.runner.engine.checkpoint.Checkpoints;
import org.touchstone.runner.engine.checkpoint.RunDirectoryConflictException;
import org.touchstone.runner.engine.checkpoint.RunDirectoryState;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runformat.io.AtomicFiles;
import org.touchstone.runformat.RunFiles;
import org.touchstone.runformat.descriptor.DescriptorJson;
import org.touchstone.runformat.runjson.DatasetBlock;
import org.touchstone.runformat.runjson.EnvironmentBlock;
import org.touchstone.runformat.runjson.ExecutionBlock;
import org.touchstone.runformat.runjson.HarnessBlock;
import org.touchstone.runformat.runjson.ProtocolBlock;
import org.touchstone.runformat.runjson.RunJson;
import org.touchstone.runformat.runjson.RunJsonFile;
import org.touchstone.runformat.runjson.SeedsBlock;
import org.touchstone.runformat.runjson.SystemBlock;
import org.touchstone.runner.systems.CapabilityMismatchException;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.SystemArtifact;
import org.touchstone.runner.engine.timing.CallTimings;
import org.touchstone.runner.engine.timing.ResourceMonitor;
import org.touchstone.runformat.runjson.ResourcesBlock;
import org.touchstone.runner.engine.verification.VerificationRunner;
import org.touchstone.runner.engine.stage.CapabilityRunner;
import org.touchstone.runner.engine.prepare.PreparedRun;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.stage.StageSummary;
import org.touchstone.runner.engine.stage.ExecutionContext;

/**
 * Runs any protocol end to end, from a {@link PreparedRun} (whose preparation checked the capability, the
 * backend and the run directory, and hashed the system, once). It has the capability's runner plan the
 * work (so a protocol that does not fit the dataset fails before anything is written), creates the run
 * directory with its provenance,
 * opens the system and the execution backend, runs the capability's stages (their work plans on the
 * backend, the rest on a pool of worker threads), has the reports module compute every number from
 * the raw files, and completes {@code run.json} with every file's hash. A run that fails leaves
 * {@code run.json} with status {@code failed} and the error.
 *
 * <p>A run directory holding an interrupted run of the same protocol, dataset and system (status
 * {@code running} or {@code failed}) is resumed: the stages' checkpoints give back what was done, and the
 * run ends with the files an uninterrupted run would have written (but for latencies and times).
 */
public final class ProtocolRunner {
    private final Progress progress;
    private final Map<Capability, CapabilityRunner> runners = new EnumMap<>(Capability.class);

    /** @param progress where stage progress goes */
    @Inject
    public ProtocolRunner(Progress progress) {
        this.progress = progress;
        for (CapabilityRunner r : List.of(new VerificationRunner(), new IdentificationRunner(), new AnalysisRunner())) {
            runners.put(r.capability(), r);
        }
    }

    /**
     * Prepares and runs a request: for callers that check nothing beforehand.
     *
     * @param request the resolved run
     * @return what the run produced
     * @throws IOException                 if the run directory cannot be written or the dataset read
     * @throws CapabilityMismatchException if the system cannot run the protocol
     * @throws FaceSystemException         if the system cannot be opened
     * @throws ProtocolException           if the protocol does not fit the dataset
     * @throws InterruptedException        if interrupted
     */
    public RunOutcome run(RunRequest request) throws IOException, CapabilityMismatchException, FaceSystemException,
            ProtocolException, InterruptedException {
        return run(PreparedRun.of(request));
    }

    /**
     * @param prepared the run, checked: the pre-flight checks are not repeated
     * @return what the run produced
     * @throws IOException                   if the run directory cannot be written or the dataset read
     * @throws RunDirectoryConflictException if the run directory holds this run, already complete
     * @throws CapabilityMismatchException   if the system does not implement what it declares
     * @throws FaceSystemException           if the system cannot be opened
     * @throws ProtocolException             if the protocol does not fit the dataset
     * @throws InterruptedException          if interrupted
     */
    public RunOutcome run(PreparedRun prepared) throws IOException, CapabilityMismatchException, FaceSystemException,
            ProtocolException, InterruptedException {
        long startNs = System.nanoTime();
        RunRequest request = prepared.request();
        ProtocolDefinition protocol = request.protocol();
        CapabilityRunner.Planned planned = runners.get(protocol.capability()).plan(request);
        RunDirectoryState state = prepared.directory();
        if (state.kind() == RunDirectoryState.Kind.COMPLETE) {
            throw new RunDirectoryConflictException("run directory " + request.runDir() + " holds this run, already"
                    + " complete");
        }
        Path runDir = Files.createDirectories(request.runDir());

        // A resumed run keeps its id and start, and records when it was resumed.
        List<String> resumed = new ArrayList<>();
        state.previous().ifPresent(previous -> {
            if (previous.resumed() != null) {
                resumed.addAll(previous.resumed());
            }
            resumed.add(now());
        });
        RunJson json = RunJson.started(state.previousRunId().orElse(request.runId()),
                new HarnessBlock(HarnessVersion.get(), ApiVersion.VERSION), protocolBlock(protocol),
                planned.evaluation(), planned.dataset(datasetBlock(request)), systemBlock(prepared),
                EnvironmentBlock.ofThisMachine(), new SeedsBlock(protocol.seed()),
                state.previous().map(RunJson::started).orElse(now()), resumed);
        RunJsonFile.write(runDir, json);
        AtomicFiles.write(runDir.resolve(RunFiles.PROTOCOL_YAML), protocol.bytes());
        Checkpoints checkpoints = Checkpoints.of(runDir);

        try {
            StageSummary stages;
            CallTimings timings = CallTimings.recording();
            ExecutorService pool = Executors.newFixedThreadPool(request.threads(), workerThreads());
            try (ResourceMonitor monitor = ResourceMonitor.start(request.threads());
                 OpenedSystem system = OpenedSystem.open(request.system(), request.configSource(),
                    protocol.capability(), protocol.ref(), request.threads(),
                    Optional.of(runDir.resolve(RunFiles.LOGS_DIRECTORY)));
                 BackendSession session = prepared.backend().open(new BackendContext(json.runId(), runDir,
                         system, recipe(request, system), request.threads(), request.execution().backendOptions(),
                         timings))) {
                json = json.withSystem(json.system().withRuntimeProperties(runtimeProperties(system)));
                stages = planned.execute(new ExecutionContext(request, runDir, system, pool, progress,
                        checkpoints, session, timings));
                // Measured before the system closes, while its worker processes (if any) still live.
                json = json.withStages(stages.stagesBlock(), ExecutionBlock.of(request.threads(),
                        system.instanceCount(), session.describe(), request.execution().limits().maxTemplateBytes(),
                        request.execution().limits().maxImagePixels()), monitor.stop().block().withExecutors(
                        session.executorResources().stream().map(e -> new ResourcesBlock.Executor(e.executorId(),
                                e.host(), e.peakHeapBytes(), e.maxHeapBytes(), e.peakRssBytes(), e.cpuSeconds(),
                                e.jitCpuSeconds())).toList()));
            } finally {
                pool.shutdownNow();
            }
            timings.write(runDir.resolve(CallTimings.FILE));

            // The reports read run.json from disk: give them everything but what depends on them
            // (status, end time, file hashes), so that they regenerate byte for byte from the final run.json.
            RunJsonFile.write(runDir, json);
            ReportSummary summary = RunReports.generate(runDir);

            json = json.completed(now(), RunJsonFile.hashFiles(runDir));
            RunJsonFile.write(runDir, json);
            checkpoints.discard();
            return new RunOutcome(runDir, (System.nanoTime() - startNs) / 1e9, stages.lines(), stages.figures(),
                    summary.headline(), stages.summaries());
        } catch (IOException | RuntimeException | Error | FaceSystemException | CapabilityMismatchException
                 | InterruptedException e) {
            RunJsonFile.write(runDir, json.failed(String.valueOf(e.getMessage() != null ? e.getMessage() : e), now()));
            throw e;
        }
    }

    private static ProtocolBlock protocolBlock(ProtocolDefinition protocol) {
        return new ProtocolBlock(protocol.id(), protocol.version().toString(), protocol.sha256(), protocol.source(),
                protocol.title(), protocol.description());
    }

    private static DatasetBlock datasetBlock(RunRequest request) {
        DatasetManifest manifest = request.manifest();
        return DatasetBlock.of(manifest.file().toAbsolutePath().toString(), manifest.sha256(), request.datasetSpec(),
                manifest.samples().size(), manifest.subjectCount());
    }

    /** The system as run.json records it, with the hashes the preparation computed. */
    private static SystemBlock systemBlock(PreparedRun prepared) {
        SystemArtifact artifact = prepared.artifact();
        return DescriptorJson.toRunRecord(prepared.system().descriptor(),
                artifact.toRunRecord(), prepared.configSha256().orElse(null));
    }

    /** How executors of a distributed backend open the system the driver opened, when it was named. */
    private static Optional<SystemRecipe> recipe(RunRequest request, OpenedSystem system) {
        return request.execution().system().map(name -> new SystemRecipe(SystemRecipe.withAbsolutePath(name.spec()),
                name.config().map(p -> p.toAbsolutePath().toString()).orElse(null), name.timeLimits(),
                request.protocol().capability(), request.protocol().ref(), system.descriptor().id(),
                system.descriptor().version()));
    }

    /** What the opened system reports about itself; a system that throws here is recorded, not fatal. */
    private static Map<String, String> runtimeProperties(OpenedSystem system) {
        Map<String, String> runtime = new LinkedHashMap<>();
        try {
            Map<String, String> properties = system.instance().runtimeProperties();
            if (properties != null) {
                runtime.putAll(properties);
            }
        } catch (FaceSystemException | RuntimeException e) {
            runtime.put(SystemBlock.RUNTIME_PROPERTIES_ERROR, "runtimeProperties() failed: " + e);
        }
        return runtime;
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
