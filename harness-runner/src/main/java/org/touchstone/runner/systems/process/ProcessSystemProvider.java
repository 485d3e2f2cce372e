package org.touchstone.runner.systems.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.FailureCode;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.runformat.io.Sha256;
import org.touchstone.runner.systems.CallLimits;
import org.touchstone.runner.systems.RunSystemContext;
import org.touchstone.runner.systems.SystemArtifact;
import org.touchstone.runner.systems.remote.EndpointFaceSystem;
import org.touchstone.runner.systems.wire.MalformedMessageException;
import org.touchstone.runner.systems.wire.WireJson;
import org.touchstone.runner.systems.wire.WorkerProtocol;
import org.touchstone.runner.systems.wire.Frame;

/**
 * A system that runs as worker processes speaking the worker protocol ({@code --system process:CONFIG}),
 * in any language. Resolving it starts one worker for the handshake, which gives the descriptor; opening
 * it starts a pool of workers (one per harness thread unless the config says otherwise; one per opened
 * instance for systems declaring {@link Concurrency#ONE_INSTANCE_PER_THREAD}), each a single-threaded
 * process.
 *
 * <p>Whatever a worker does (throws, hangs, exits, kills itself, prints to stdout, runs out of memory)
 * costs at most the call in flight, which is recorded with a failure code; the worker is replaced.
 */
public final class ProcessSystemProvider implements FaceSystemProvider, SystemArtifact.Source {
    private final ProcessSystemConfig config;
    private final CallLimits limits;
    private final SystemDescriptor descriptor;
    private final SystemArtifact artifact;
    private final AtomicInteger workerNumbers = new AtomicInteger();

    private ProcessSystemProvider(ProcessSystemConfig config, CallLimits limits, SystemDescriptor descriptor,
                                  SystemArtifact artifact) {
        this.config = config;
        this.limits = limits;
        this.descriptor = descriptor;
        this.artifact = artifact;
    }

    /**
     * Reads a config and asks a worker for the system's descriptor.
     *
     * @param configFile the config (see {@link ProcessSystemConfig})
     * @param overrides  deadlines set on the command line, which win over the config's
     * @return the provider
     * @throws IOException         if the config is invalid or cannot be read
     * @throws FaceSystemException if the worker does not start or its handshake fails
     */
    public static ProcessSystemProvider load(Path configFile, Map<CallLimits.Operation, Duration> overrides)
            throws IOException, FaceSystemException {
        ProcessSystemConfig config = ProcessSystemConfig.load(configFile);
        CallLimits limits = CallLimits.defaults().with(config.limits()).with(overrides);
        SystemArtifact.Sealing sealing = WorkerSealing.decide(config);
        SystemDescriptor descriptor = probe(config, limits, sealing);
        return new ProcessSystemProvider(config, limits, descriptor, artifactOf(config, sealing));
    }

    /** Starts one worker, completes the handshake, and stops it again. */
    private static SystemDescriptor probe(ProcessSystemConfig config, CallLimits limits, SystemArtifact.Sealing sealing)
            throws IOException, FaceSystemException {
        Path stderr = Files.createTempFile("touchstone-worker-probe-", ".stderr");
        Path scratch = Files.createTempDirectory("touchstone-worker-probe-");
        ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "touchstone-worker-probe-watchdog");
            t.setDaemon(true);
            return t;
        });
        WorkerProcess worker = WorkerProcess.launch(config, 0, Optional.of(stderr), watchdog, sealing, scratch);
        try {
            ObjectNode hello = ProcessEndpoint.request(WorkerProtocol.HELLO);
            hello.putArray("versions").add(WorkerProtocol.VERSION);
            hello.put("harness", org.touchstone.runner.systems.HarnessVersion.get());
            Frame reply = worker.call(hello, List.of(), limits.of(CallLimits.Operation.STARTUP));
            JsonNode result = WireJson.objectField(reply.header(), "result");
            long version = WireJson.integer(result, "protocol");
            if (version != WorkerProtocol.VERSION) {
                throw new MalformedMessageException("the worker chose protocol version " + version + "; this harness "
                        + "speaks " + WorkerProtocol.VERSION);
            }
            return WireJson.parseDescriptor(result.get("descriptor"));
        } catch (WorkerFault | MalformedMessageException e) {
            worker.kill();
            throw new FaceSystemException(e instanceof WorkerFault wf ? wf.code() : FailureCode.INVALID_OUTPUT,
                    "the system of " + config.file() + " did not complete the handshake: " + e.getMessage()
                            + tail(stderr), e);
        } finally {
            worker.close(limits.of(CallLimits.Operation.CLOSE));
            watchdog.shutdownNow();
            Files.deleteIfExists(stderr);
            deleteTree(scratch);
        }
    }

    private static String tail(Path stderr) {
        try {
            List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return "";
            }
            return "\nits stderr ended with:\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15),
                    lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The hash of the config and of every artifact it lists, by their paths relative to the config's
     * folder, so that it does not depend on where the system is checked out.
     */
    private static SystemArtifact artifactOf(ProcessSystemConfig config, SystemArtifact.Sealing sealing)
            throws IOException {
        MessageDigest digest = Sha256.newDigest();
        Path base = config.file().getParent();
        for (Path p : config.artifacts()) {
            String name = base.relativize(p).toString().replace('\\', '/');
            digest.update((name + "\0" + Sha256.ofTree(p) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new SystemArtifact("process:" + config.file(), Sha256.hex(digest), Optional.empty(),
                Optional.of(sealing));
    }

    /** Removes the probe's scratch folder, whatever the worker left in it. */
    private static void deleteTree(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public SystemDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public SystemArtifact artifact() {
        return artifact;
    }

    /** @return the deadlines in force */
    public CallLimits limits() {
        return limits;
    }

    @Override
    public FaceSystem open(SystemContext context) throws FaceSystemException {
        int workers = descriptor.concurrency() == Concurrency.ONE_INSTANCE_PER_THREAD ? 1
                : config.workers().orElse(Math.max(1, context.callerThreads()));
        Optional<Path> logs = context instanceof RunSystemContext run ? run.logDirectory() : Optional.empty();
        WorkerPool pool = new WorkerPool(config, descriptor, limits, workers, workerNumbers::incrementAndGet,
                context.configDirectory(), context.workingDirectory(), logs, artifact.sealing().orElseThrow());
        return new EndpointFaceSystem(descriptor, new ProcessEndpoint(pool, descriptor, context.workingDirectory()));
    }
}
