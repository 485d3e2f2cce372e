package org.touchstone.protocols.importers.support;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One image a dataset's protocol or label files name, as an importer found it in the user's copy: the
 * manifest row it becomes, with its path still relative to the copy's root (images are never copied).
 *
 * @param sampleId   the manifest sample id
 * @param subjectId  the person shown
 * @param sourcePath the image's path relative to the copy's root, {@code /}-separated
 * @param present    false when the copy lacks the file: a failure to acquire, counted, never dropped
 * @param labels     ground truth per standard or {@code x-} attribute ({@code label:} columns)
 * @param groups     demographic groups ({@code group:} columns)
 */
public record SourceImage(String sampleId, String subjectId, String sourcePath, boolean present,
                          Map<String, String> labels, Map<String, String> groups) {
    /** Copies the maps, sorted. */
    public SourceImage {
        Objects.requireNonNull(sampleId, "sampleId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(sourcePath, "sourcePath");
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        groups = Collections.unmodifiableSortedMap(new TreeMap<>(groups));
    }
}
