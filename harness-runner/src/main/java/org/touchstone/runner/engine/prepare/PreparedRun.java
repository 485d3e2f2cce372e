package org.touchstone.runner.engine.prepare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.protocols.ProtocolDefinition;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.runformat.io.Sha256;
import org.touchstone.runner.engine.backend.Backends;
import org.touchstone.runner.engine.backend.ExecutionBackend;
import org.touchstone.runner.engine.checkpoint.RunDirectoryConflictException;
import org.touchstone.runner.engine.checkpoint.RunDirectoryState;
import org.touchstone.runner.engine.checkpoint.RunIdentity;
import org.touchstone.runner.systems.CapabilityMismatchException;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.SystemArtifact;

/**
 * A run checked and ready to start, made once and handed to the engine: the request, the execution
 * backend found, the hashes of the system's code and configuration folder, and what the run directory
 * holds. Every pre-flight check runs here, once per run: the capability, the backend, the hashes (a
 * system's jar and configuration folder are read once, however large) and the run directory.
 *
 * <p>Preparing takes two steps so that a command line can refuse what needs no data before it
 * generates or reads a dataset: {@link #check} (capability and backend), then {@link Checked#prepare}.
 *
 * @param request      what was asked for
 * @param backend      where the run's work units will run
 * @param artifact     where the system's code comes from, and its hash
 * @param configSha256 the hash of the system's configuration folder, when it has one
 * @param directory    what the run directory holds: a new run, an interrupted one to resume, or this run
 *                     already complete
 */
public record PreparedRun(RunRequest request, ExecutionBackend backend, SystemArtifact artifact,
                          Optional<String> configSha256, RunDirectoryState directory) {
    /** No nulls. */
    public PreparedRun {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(configSha256, "configSha256");
        Objects.requireNonNull(directory, "directory");
    }

    /**
     * The checks that need no dataset.
     *
     * @param protocol  the protocol
     * @param system    the system under test
     * @param execution where the work units are to run
     * @return the checked pair, to prepare a run of
     * @throws CapabilityMismatchException if the system lacks the protocol's capability
     * @throws IllegalArgumentException    if the backend is unknown or does not take the options given
     */
    public static Checked check(ProtocolDefinition protocol, FaceSystemProvider system, ExecutionSettings execution)
            throws CapabilityMismatchException {
        OpenedSystem.requireCapability(system.descriptor(), protocol.capability(), protocol.ref());
        return new Checked(protocol, system, execution, Backends.find(execution.backend(), execution.backendOptions()));
    }

    /**
     * Checks and prepares a request in one go.
     *
     * @param request what to run
     * @return the prepared run
     * @throws CapabilityMismatchException   if the system lacks the protocol's capability
     * @throws RunDirectoryConflictException if the run directory holds something else
     * @throws IOException                   if the system's code, its configuration or the run directory
     *                                       cannot be read
     */
    public static PreparedRun of(RunRequest request) throws CapabilityMismatchException, IOException {
        return check(request.protocol(), request.system(), request.execution()).prepare(request.runId(),
                request.manifest(), request.datasetSpec(), request.configSource(), request.runDir(),
                request.threads());
    }

    /** @return the protocol */
    public ProtocolDefinition protocol() {
        return request.protocol();
    }

    /** @return the dataset */
    public DatasetManifest manifest() {
        return request.manifest();
    }

    /** @return the system under test */
    public FaceSystemProvider system() {
        return request.system();
    }

    /** @return the run directory */
    public Path runDir() {
        return request.runDir();
    }

    /**
     * A protocol and a system that fit, and a backend that exists.
     *
     * @param protocol  the protocol
     * @param system    the system, which offers the protocol's capability
     * @param execution where the work units are to run
     * @param backend   the backend found for it
     */
    public record Checked(ProtocolDefinition protocol, FaceSystemProvider system, ExecutionSettings execution,
                          ExecutionBackend backend) {
        /**
         * Hashes the system's code and configuration once, and looks at the run directory.
         *
         * @param runId        the run's id (a resumed run keeps the one it started with)
         * @param manifest     the dataset
         * @param datasetSpec  how the dataset was named on the command line
         * @param configSource the system's configuration folder, if any
         * @param runDir       the run directory
         * @param threads      worker threads
         * @return the prepared run
         * @throws RunDirectoryConflictException if the run directory holds something else or another run
         * @throws IOException                   if something cannot be read
         */
        public PreparedRun prepare(String runId, DatasetManifest manifest, String datasetSpec,
                                   Optional<Path> configSource, Path runDir, int threads) throws IOException {
            RunRequest request = new RunRequest(runId, protocol, manifest, datasetSpec, system, configSource, runDir,
                    threads, execution);
            SystemArtifact artifact = SystemArtifact.of(system);
            Optional<String> configSha256 = configSource.isPresent()
                    ? Optional.of(Sha256.ofTree(configSource.get())) : Optional.empty();
            RunDirectoryState directory = RunDirectoryState.inspect(runDir, new RunIdentity(protocol.sha256(),
                    manifest.sha256(), system.descriptor().id(), artifact.sha256(), configSha256.orElse("")));
            return new PreparedRun(request, backend, artifact, configSha256, directory);
        }
    }
}
