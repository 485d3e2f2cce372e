package org.touchstone.runner.engine.prepare;

import java.nio.file.Path;
import java.util.Optional;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.protocols.ProtocolDefinition;
import org.touchstone.protocols.dataset.DatasetManifest;

/**
 * Everything a run needs, resolved and validated.
 *
 * @param runId        the run's id
 * @param protocol     the protocol
 * @param manifest     the dataset
 * @param datasetSpec  how the dataset was named on the command line (a path or a synthetic spec)
 * @param system       the system under test
 * @param configSource the system's configuration folder, if any
 * @param runDir       the run directory to create
 * @param threads      worker threads
 * @param execution    where the work units run
 */
public record RunRequest(String runId, ProtocolDefinition protocol, DatasetManifest manifest, String datasetSpec,
                         FaceSystemProvider system, Optional<Path> configSource, Path runDir, int threads,
                         ExecutionSettings execution) {
    /**
     * A run on the embedded backend.
     *
     * @param runId        the run's id
     * @param protocol     the protocol
     * @param manifest     the dataset
     * @param datasetSpec  how the dataset was named on the command line
     * @param system       the system under test
     * @param configSource the system's configuration folder, if any
     * @param runDir       the run directory to create
     * @param threads      worker threads
     */
    public RunRequest(String runId, ProtocolDefinition protocol, DatasetManifest manifest, String datasetSpec,
                      FaceSystemProvider system, Optional<Path> configSource, Path runDir, int threads) {
        this(runId, protocol, manifest, datasetSpec, system, configSource, runDir, threads, ExecutionSettings.EMBEDDED);
    }
}
