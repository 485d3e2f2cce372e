package org.touchstone.protocols.dataset;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One row of a dataset manifest: an image of a subject, its checksum, its ground-truth attribute
 * labels and its demographic group labels. See {@code docs/dataset-manifest.md}.
 *
 * @param sampleId  unique id of the image within the dataset
 * @param subjectId the person shown; samples with equal subject ids are mated
 * @param path      the image's path relative to the manifest, with '/' separators
 * @param sha256    lower-case hex SHA-256 of the image file's bytes; empty in a procedural dataset, whose
 *                  images are rendered rather than stored; {@value #MISSING} for an image the dataset's
 *                  protocol names but the copy lacks (a failure to acquire, the dataset's)
 * @param labels    ground truth per attribute name (column {@code label:<attribute>}), sorted by name
 * @param groups    demographic group per grouping column (column {@code group:<name>}), sorted by name
 */
public record Sample(String sampleId, String subjectId, String path, String sha256,
                     Map<String, String> labels, Map<String, String> groups) {
    /** The {@code sha256} of a sample whose image the dataset lacks. */
    public static final String MISSING = "missing";

    /** @return true when the dataset lacks this sample's image: a failure to acquire whenever it is used */
    public boolean missing() {
        return MISSING.equals(sha256);
    }

    /** Canonical form: maps are copied into sorted, unmodifiable maps. */
    public Sample {
        Objects.requireNonNull(sampleId, "sampleId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        groups = Collections.unmodifiableSortedMap(new TreeMap<>(groups));
    }
}
