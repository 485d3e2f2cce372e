package org.touchstone.runformat.runjson;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * run.json's {@code system.artifact}: where the system's code came from, and how it was confined.
 *
 * @param location             a jar, a {@code process:} config, a submission, a URL or the built-in provider's name
 * @param sha256               a content hash of that code, empty when it cannot be known
 * @param submissionSha256     for a {@code submission:} system, the SHA-256 of the submission archive as received
 * @param vendorKeyFingerprint for a {@code submission:} system, the fingerprint of the key that signed it
 * @param sealed               for a {@code process:} or {@code submission:} system, whether its workers ran sealed
 *                             off (no network, nothing writable but their scratch folder)
 * @param sealing              how they were sealed, or why they were not
 */
public record ArtifactBlock(String location, String sha256,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String submissionSha256,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String vendorKeyFingerprint,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean sealed,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String sealing) {
    /**
     * An artifact that is neither a submission nor run in worker processes.
     *
     * @param location where the code came from
     * @param sha256   its content hash, or empty
     */
    public ArtifactBlock(String location, String sha256) {
        this(location, sha256, null, null, null, null);
    }
}
