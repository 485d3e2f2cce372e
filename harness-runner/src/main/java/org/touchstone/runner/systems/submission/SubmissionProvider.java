package org.touchstone.runner.systems.submission;

import java.util.Optional;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.runner.systems.SystemArtifact;

/**
 * A checked submission's system: the unpacked system's provider, whose provenance names the archive's hash and
 * the vendor's key, and for a {@code jar:} system, that it ran unsealed in the harness's JVM.
 */
public final class SubmissionProvider implements FaceSystemProvider, SystemArtifact.Source {
    private final FaceSystemProvider unpacked;
    private final SystemArtifact artifact;

    /**
     * @param archive  how the submission was named ({@code submission:FILE})
     * @param checked  the checked submission
     * @param unpacked its unpacked system's provider
     */
    public SubmissionProvider(String archive, SubmissionArchive.Checked checked, FaceSystemProvider unpacked) {
        this.unpacked = unpacked;
        SystemArtifact inner = SystemArtifact.of(unpacked);
        Optional<SystemArtifact.Sealing> sealing = inner.sealing().isPresent() ? inner.sealing()
                : Optional.of(new SystemArtifact.Sealing(false, "a jar: system runs in the harness's JVM and cannot be "
                        + "sealed; pack it as a process: worker (touchstone worker) to seal it"));
        this.artifact = new SystemArtifact(archive, inner.sha256(), Optional.of(new SystemArtifact.Submission(
                checked.archiveSha256(), checked.signer().fingerprint())), sealing);
    }

    @Override
    public SystemDescriptor descriptor() {
        return unpacked.descriptor();
    }

    @Override
    public FaceSystem open(SystemContext context) throws FaceSystemException {
        return unpacked.open(context);
    }

    @Override
    public SystemArtifact artifact() {
        return artifact;
    }
}
