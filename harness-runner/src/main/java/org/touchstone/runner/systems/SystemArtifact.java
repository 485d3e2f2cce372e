package org.touchstone.runner.systems;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import org.touchstone.runner.rundir.Hashing;

/**
 * Where a system's code came from and its content hash, for provenance: the jar (or classes folder)
 * holding the provider class.
 *
 * @param location the jar or folder, or a description when unknown
 * @param sha256   content hash of that jar or folder tree, or empty when unknown
 */
public record SystemArtifact(String location, String sha256) {
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
            return new SystemArtifact(path.toString(), Hashing.sha256OfTree(path));
        } catch (URISyntaxException | IOException | IllegalArgumentException e) {
            return new SystemArtifact(source.getLocation().toString(), "");
        }
    }
}
