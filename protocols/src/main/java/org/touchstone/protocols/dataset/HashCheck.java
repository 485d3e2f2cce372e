package org.touchstone.protocols.dataset;

/** How thoroughly {@link ManifestLoader} checks the image files a manifest lists. */
public enum HashCheck {
    /** Read every file and compare its SHA-256 with the manifest. The default: it pins the dataset. */
    VERIFY,
    /**
     * Only check that every file exists and is a readable regular file. For repeated runs over a large
     * dataset already verified; the provenance still records the manifest's hash.
     */
    EXISTENCE_ONLY
}
