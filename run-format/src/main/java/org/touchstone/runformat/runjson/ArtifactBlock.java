package org.touchstone.runformat.runjson;

/**
 * run.json's {@code system.artifact}: where the system's code came from.
 *
 * @param location a jar, a {@code process:} config, a URL or the built-in provider's name
 * @param sha256   a content hash of that code, empty when it cannot be known
 */
public record ArtifactBlock(String location, String sha256) {
}
