package org.touchstone.runner.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.protocols.ProtocolDefinition;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.runner.engine.checkpoint.RunDirectoryState;
import org.touchstone.runner.engine.prepare.DatasetResolver;
import org.touchstone.runner.systems.CallLimits;
import org.touchstone.runner.systems.resolve.SystemResolver;
import org.touchstone.runner.engine.backend.Backends;
import org.touchstone.runner.engine.prepare.ExecutionSettings;
import org.touchstone.runner.engine.prepare.RunLimits;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.RunOutcome;
import org.touchstone.runner.engine.prepare.PreparedRun;

/**
 * What {@code run} and {@code demo} share: resolve protocol, system and dataset and prepare the run once
 * ({@link PreparedRun}: cheapest checks first, so a capability mismatch is refused before any data is
 * generated; then the hashes and the run directory: new, an interrupted run to resume, or this run
 * already complete), run it, and print the outcome.
 */
public final class RunService {
    // Providers: the built-in protocols and the systems on the class path are loaded when a run needs them,
    // not whenever the command line is built (--version, --help).
    private final Provider<ProtocolRepository> protocols;
    private final Provider<SystemResolver> systems;
    private final ProtocolRunner runner;

    /**
     * @param protocols built-in protocols
     * @param systems   resolves {@code --system} arguments
     * @param runner    runs any protocol
     */
    @Inject
    public RunService(Provider<ProtocolRepository> protocols, Provider<SystemResolver> systems, ProtocolRunner runner) {
        this.protocols = protocols;
        this.systems = systems;
        this.runner = runner;
    }

    /** What to run, and where its work units run. */
    record Options(String protocolRef, String systemId, String dataset, Optional<Path> out, Optional<Path> config,
                   int threads, Path dataDir, String label, Optional<String> runId,
                   Map<CallLimits.Operation, Duration> timeLimits, String backend, Map<String, String> backendOptions,
                   int galleryShardSize, RunLimits limits) {
    }

    /**
     * @param options what to run
     * @param out     where the run's lines go
     * @throws Exception what the run could not get past, for {@link CommandFailures} to turn into an exit code
     */
    void run(Options options, PrintWriter out) throws Exception {
        try {
            ProtocolDefinition protocol = protocols.get().resolve(options.protocolRef());
            FaceSystemProvider system = systems.get().resolve(options.systemId(), options.timeLimits());
            ExecutionSettings execution = new ExecutionSettings(options.backend(), options.backendOptions(),
                    Optional.of(new ExecutionSettings.SystemName(options.systemId(), options.config(),
                            options.timeLimits())), options.galleryShardSize(), options.limits());
            PreparedRun.Checked checked = PreparedRun.check(protocol, system, execution);
            DatasetManifest manifest = DatasetResolver.resolve(options.dataset(), options.dataDir(), line -> {
                out.println(line);
                out.flush();
            });
            String runId = options.runId().orElseGet(() -> ZonedDateTime.now(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")) + "-" + options.label());
            Path runDir = options.out().orElse(Path.of("runs", runId));
            PreparedRun prepared = checked.prepare(runId, manifest, options.dataset(), options.config(), runDir,
                    options.threads());
            RunDirectoryState state = prepared.directory();
            if (state.kind() == RunDirectoryState.Kind.COMPLETE) {
                out.printf("%s already holds this run (run id %s), complete: nothing to do.%n", runDir,
                        state.previousRunId().orElse("?"));
                return;
            }
            if (state.kind() == RunDirectoryState.Kind.RESUME) {
                out.printf("Resuming run %s in %s, interrupted while %s%n", state.previousRunId().orElse("?"), runDir,
                        state.previous().map(p -> p.status().text()).orElse("?"));
            }
            out.printf("Running %s with system '%s' on %,d images of %,d subjects (%s)%n", protocol.ref(),
                    system.descriptor().id(), manifest.samples().size(), manifest.subjectCount(),
                    options.backend().equals(Backends.EMBEDDED) ? options.threads() + " threads"
                            : "backend " + options.backend());
            out.flush();
            RunOutcome outcome = runner.run(prepared);
            print(outcome, out);
            Optional<NothingSucceededException> nothing = NothingSucceededException.of(outcome);
            if (nothing.isPresent()) {
                throw nothing.get();
            }
        } finally {
            out.flush();
        }
    }

    private static void print(RunOutcome o, PrintWriter out) {
        out.println();
        out.printf("Run complete in %.1f s: %s%n", o.totalSeconds(), o.runDir());
        for (String line : o.stages()) {
            out.println("  " + line);
        }
        for (String line : o.headline()) {
            out.println("  " + line);
        }
    }
}
