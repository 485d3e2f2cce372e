package org.touchstone.runner.systems;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.runformat.io.Sha256;

/**
 * Where a system's code came from and its content hash, for provenance: the jar (or classes folder)
 * holding the provider class.
 *
 * @param location   the jar or folder, or a description when unknown
 * @param sha256     content hash of that jar or folder tree, or empty when unknown
 * @param submission the signed submission it was unpacked from, if any
 * @param sealing    whether its worker processes run sealed off, for systems that run in worker processes
 */
public record SystemArtifact(String location, String sha256, Optional<Submission> submission,
                             Optional<Sealing> sealing) {
    /**
     * @param location where the code came from
     * @param sha256   its content hash, or empty
     */
    public SystemArtifact(String location, String sha256) {
        this(location, sha256, Optional.empty(), Optional.empty());
    }

    /**
     * A checked submission's identity.
     *
     * @param archiveSha256        the SHA-256 of the archive as received
     * @param vendorKeyFingerprint the fingerprint of the key whose signature over it holds
     */
    public record Submission(String archiveSha256, String vendorKeyFingerprint) {
    }

    /**
     * Whether worker processes run sealed off.
     *
     * @param sealed true when they have no network and nothing writable but their scratch folder
     * @param how    how they are sealed, or why they are not
     */
    public record Sealing(boolean sealed, String how) {
    }

    /** @return run.json's {@code system.artifact} */
    public org.touchstone.runformat.runjson.ArtifactBlock toRunRecord() {
        return new org.touchstone.runformat.runjson.ArtifactBlock(location, sha256,
                submission.map(Submission::archiveSha256).orElse(null),
                submission.map(Submission::vendorKeyFingerprint).orElse(null),
                sealing.map(Sealing::sealed).orElse(null), sealing.map(Sealing::how).orElse(null));
    }

    /**
     * @param newSubmission the submission this code was unpacked from
     * @return a copy naming it
     */
    public SystemArtifact withSubmission(Submission newSubmission) {
        return new SystemArtifact(location, sha256, Optional.of(newSubmission), sealing);
    }

    /**
     * Implemented by providers that stand for code elsewhere (a subprocess, a service, a wrapped
     * provider), which know better than their own class where the system under test comes from.
     */
    public interface Source {
        /** @return where the system's code comes from, and its content hash */
        SystemArtifact artifact();
    }

    /**
     * @param provider a system's provider
     * @return the artifact it declares as a {@link Source}, else the jar or folder holding its class
     */
    public static SystemArtifact of(FaceSystemProvider provider) {
        return provider instanceof Source source ? source.artifact() : of(provider.getClass());
    }

    /**
     * @param providerClass the provider's class
     * @return its artifact
     */
    public static SystemArtifact of(Class<?> providerClass) {
        CodeSource source = providerClass.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return new SystemArtifact("unknown (no code source)", "");
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            if (!Files.exists(path)) {
                return new SystemArtifact(path.toString(), "");
            }
            return new SystemArtifact(path.toString(), Sha256.ofTree(path));
        } catch (URISyntaxException | IOException | IllegalArgumentException e) {
            return new SystemArtifact(source.getLocation().toString(), "");
        }
    }
}
