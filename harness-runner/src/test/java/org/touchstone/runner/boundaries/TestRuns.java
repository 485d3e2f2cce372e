package org.touchstone.runner.boundaries;

import java.nio.file.Path;
import java.util.Optional;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.SyntheticDatasetWriter;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.engine.RunOutcome;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.ProtocolRunner;

/** Verification runs of synthetic data, as the tests of the boundaries make them. */
public final class TestRuns {
    private TestRuns() {
    }

    /**
     * @param spec a synthetic dataset spec
     * @param dir  where to write it
     * @return its manifest
     * @throws Exception if it cannot be written or read
     */
    public static DatasetManifest dataset(String spec, Path dir) throws Exception {
        return ManifestLoader.load(SyntheticDatasetWriter.write(SyntheticSpec.parse(spec), dir));
    }

    /**
     * Runs verification@1.0.0 on two threads.
     *
     * @param runId    the run's id (the same id gives comparable metrics.json files)
     * @param manifest the dataset
     * @param system   the system
     * @param runDir   the run directory
     * @return the outcome
     * @throws Exception if the run fails
     */
    public static RunOutcome verification(String runId, DatasetManifest manifest, FaceSystemProvider system,
                                          Path runDir) throws Exception {
        return new ProtocolRunner(Progress.silent()).run(new RunRequest(runId,
                ProtocolRepository.builtIn().resolve("verification@1.0.0"), manifest, "synthetic", system,
                Optional.empty(), runDir, 2));
    }
}
