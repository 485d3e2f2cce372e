package org.touchstone.protocols.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated dataset manifest: every sample it lists, with ids, paths and hashes checked. Immutable.
 * Obtain one from {@link ManifestLoader}. See {@code docs/dataset-manifest.md}.
 */
public final class DatasetManifest {
    private final Path file;
    private final Path root;
    private final String sha256;
    private final List<String> comments;
    private final List<String> labelColumns;
    private final List<String> groupColumns;
    private final List<Sample> samples;
    private final Map<String, List<Sample>> samplesBySubject;
    private final Map<String, Sample> samplesById;

    DatasetManifest(Path file, String sha256, List<String> comments, List<String> labelColumns,
                    List<String> groupColumns, List<Sample> samples) {
        this.file = file.toAbsolutePath().normalize();
        this.root = this.file.getParent();
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.comments = List.copyOf(comments);
        this.labelColumns = labelColumns.stream().sorted().toList();
        this.groupColumns = groupColumns.stream().sorted().toList();
        this.samples = List.copyOf(samples);
        Map<String, List<Sample>> bySubject = new LinkedHashMap<>();
        Map<String, Sample> byId = new HashMap<>();
        for (Sample s : this.samples) {
            bySubject.computeIfAbsent(s.subjectId(), k -> new ArrayList<>()).add(s);
            if (byId.putIfAbsent(s.sampleId(), s) != null) {
                throw new IllegalArgumentException("duplicate sample id " + s.sampleId());
            }
        }
        bySubject.replaceAll((subject, list) -> List.copyOf(list));
        this.samplesBySubject = Collections.unmodifiableMap(bySubject);
        this.samplesById = Collections.unmodifiableMap(byId);
    }

    /** @return the manifest file, absolute and normalized */
    public Path file() {
        return file;
    }

    /** @return the folder holding the manifest; sample paths are relative to it */
    public Path root() {
        return root;
    }

    /** @return the SHA-256 of the manifest file's bytes, 64 lower-case hex digits: the dataset's identity */
    public String sha256() {
        return sha256;
    }

    /**
     * @return the free comment lines of the manifest, in order, without the leading {@code "# "} and
     *         without the format line {@value ManifestWriter#FORMAT_LINE}
     */
    public List<String> comments() {
        return comments;
    }

    /** @return the attribute names of the {@code label:} columns, without the prefix, sorted */
    public List<String> labelColumns() {
        return labelColumns;
    }

    /** @return the names of the {@code group:} columns, without the prefix, sorted */
    public List<String> groupColumns() {
        return groupColumns;
    }

    /** @return every sample, in manifest order */
    public List<Sample> samples() {
        return samples;
    }

    /**
     * @return each subject's samples in manifest order; subjects in the order of their first appearance
     *         (an unmodifiable {@link LinkedHashMap})
     */
    public Map<String, List<Sample>> samplesBySubject() {
        return samplesBySubject;
    }

    /**
     * @param sample a sample of this manifest
     * @return the absolute path of its image file
     */
    public Path resolve(Sample sample) {
        return root.resolve(sample.path()).normalize();
    }

    /**
     * @param sampleId a sample id
     * @return the sample with that id, or empty if the manifest has none
     */
    public Optional<Sample> sample(String sampleId) {
        return Optional.ofNullable(samplesById.get(sampleId));
    }

    /** @return the number of distinct subjects */
    public int subjectCount() {
        return samplesBySubject.size();
    }

    @Override
    public String toString() {
        return "DatasetManifest[" + file + ", " + samples.size() + " samples, " + subjectCount() + " subjects]";
    }
}
