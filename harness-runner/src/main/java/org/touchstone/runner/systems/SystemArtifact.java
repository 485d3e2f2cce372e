package org.touchstone.runner.systems;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.runformat.io.Sha256;

/**
 * Where a system's code came from and its content hash, for provenance: the jar (or classes folder)
 * holding the provider class.
 *
 * @param location the jar or folder, or a description when unknown
 * @param sha256   content hash of that jar or folder tree, or empty when unknown
 */
public record SystemArtifact(String location, String sha256) {
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
