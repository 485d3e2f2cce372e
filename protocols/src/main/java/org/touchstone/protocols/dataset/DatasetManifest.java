package org.touchstone.protocols.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.touchstone.protocols.support.IndexedList;
import org.touchstone.protocols.synthetic.SyntheticFaceRenderer;
import org.touchstone.protocols.synthetic.SyntheticLabels;
import org.touchstone.protocols.synthetic.SyntheticSpec;

/**
 * A validated dataset manifest: every sample it lists, with ids, paths and hashes checked. Immutable.
 * Obtain one from {@link ManifestLoader}. See {@code docs/dataset-manifest.md}.
 *
 * <p>A manifest is either <em>stored</em> (one row per image file, with its hash) or <em>procedural</em>
 * (a generator and its spec; the images are rendered when read, see {@link #proceduralSpec()}). Both look
 * the same through this class, but a procedural manifest makes its samples on demand rather than holding
 * them, so that a dataset of millions of images costs no memory until its images are used.
 */
public final class DatasetManifest {
    private final Path file;
    private final Path root;
    private final String sha256;
    private final List<String> comments;
    private final List<String> labelColumns;
    private final List<String> groupColumns;
    private final Contents contents;

    /** A stored manifest: its rows, whose paths are relative to {@code root}. */
    DatasetManifest(Path file, Path root, String sha256, List<String> comments, List<String> labelColumns,
                    List<String> groupColumns, List<Sample> samples) {
        this(file, root, sha256, comments, labelColumns, groupColumns, new StoredContents(samples));
    }

    private DatasetManifest(Path file, Path root, String sha256, List<String> comments, List<String> labelColumns,
                            List<String> groupColumns, Contents contents) {
        this.file = file.toAbsolutePath().normalize();
        this.root = root == null ? this.file.getParent() : root.toAbsolutePath().normalize();
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.comments = List.copyOf(comments);
        this.labelColumns = labelColumns.stream().sorted().toList();
        this.groupColumns = groupColumns.stream().sorted().toList();
        this.contents = contents;
    }

    /** A procedural manifest of the synthetic generator: the samples of its spec, rendered on demand. */
    static DatasetManifest procedural(Path file, String sha256, List<String> comments, SyntheticSpec spec) {
        SyntheticFaceRenderer renderer = new SyntheticFaceRenderer(spec);
        SyntheticLabels any = renderer.labels(0, 0);
        return new DatasetManifest(file, null, sha256, comments, List.copyOf(any.labels().keySet()),
                List.copyOf(any.groups().keySet()), new ProceduralContents(renderer));
    }

    /** @return the manifest file, absolute and normalized */
    public Path file() {
        return file;
    }

    /**
     * @return the folder sample paths are relative to: the manifest's folder, or the image root its
     *         {@value ManifestLoader#IMAGE_ROOT} comment names (an imported dataset's images stay where the
     *         user keeps them)
     */
    public Path root() {
        return root;
    }

    /**
     * @return the samples the manifest marks {@link Sample#MISSING}: images the dataset's protocol names
     *         but the copy lacks, in manifest order
     */
    public List<Sample> missingSamples() {
        return samples().stream().filter(Sample::missing).toList();
    }

    /**
     * A list of the dataset's own protocol (an imported benchmark's pairs and folds), declared by a
     * {@value ManifestLoader#PROTOCOL_LIST} comment {@code NAME PATH sha256=HEX}, its path relative to the
     * manifest's folder. The manifest's hash pins the list through the hash the comment gives.
     *
     * @param name the list's name, such as {@code lfw-view2}
     * @return whether the manifest declares a list of that name (whether its file is intact is checked when
     *         it is read)
     */
    public boolean declaresProtocolList(String name) {
        for (String comment : comments) {
            if (comment.startsWith(ManifestLoader.PROTOCOL_LIST)) {
                String[] parts = comment.substring(ManifestLoader.PROTOCOL_LIST.length()).trim().split("\\s+");
                if (parts.length > 0 && parts[0].equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A list of the dataset's own protocol: see {@link #declaresProtocolList(String)} for how it is declared.
     *
     * @param name the list's name, such as {@code lfw-view2}
     * @return the list file, absolute, checked against its hash
     * @throws IOException if the manifest declares no such list, its file is missing, leaves the manifest's
     *                     folder or no longer has the declared hash
     */
    public Path protocolList(String name) throws IOException {
        List<String> declared = new ArrayList<>();
        for (String comment : comments) {
            if (!comment.startsWith(ManifestLoader.PROTOCOL_LIST)) {
                continue;
            }
            String[] parts = comment.substring(ManifestLoader.PROTOCOL_LIST.length()).trim().split("\\s+");
            if (parts.length != 3 || !parts[2].startsWith("sha256=")) {
                throw new IOException(file + ": malformed comment '# " + comment + "': expected '"
                        + ManifestLoader.PROTOCOL_LIST + " NAME PATH sha256=HEX'");
            }
            declared.add(parts[0]);
            if (!parts[0].equals(name)) {
                continue;
            }
            Path folder = file.getParent();
            Path list = folder.resolve(parts[1]).normalize();
            if (!list.startsWith(folder) || parts[1].startsWith("/")) {
                throw new IOException(file + ": protocol list '" + parts[1] + "' leaves the manifest's folder");
            }
            if (!Files.isRegularFile(list)) {
                throw new IOException(file + ": protocol list " + name + " not found: " + list);
            }
            String expected = parts[2].substring("sha256=".length());
            String actual = org.touchstone.runformat.io.Sha256.hex(list);
            if (!actual.equals(expected)) {
                throw new IOException("protocol list " + list + " has changed since the import: its bytes hash to "
                        + actual + ", the manifest " + file + " says " + expected);
            }
            return list;
        }
        throw new IOException("the dataset " + file + " has no protocol list '" + name + "'"
                + (declared.isEmpty() ? " (it declares none: import the benchmark with 'touchstone dataset import')"
                : "; it has " + String.join(", ", declared)));
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

    /** @return every sample, in manifest order (made on each access in a procedural manifest) */
    public List<Sample> samples() {
        return contents.samples();
    }

    /**
     * @return each subject's samples in manifest order; subjects in the order of their first appearance.
     *         Prefer {@link #subjectIds()} and {@link #samplesOf(int)} for large datasets: they make no map.
     */
    public Map<String, List<Sample>> samplesBySubject() {
        return contents.samplesBySubject();
    }

    /** @return the subject ids in the order of their first appearance in the manifest */
    public List<String> subjectIds() {
        return contents.subjectIds();
    }

    /**
     * @param subjectIndex a position in {@link #subjectIds()}
     * @return that subject's samples, in manifest order
     * @throws IndexOutOfBoundsException if there is no such subject
     */
    public List<Sample> samplesOf(int subjectIndex) {
        return contents.samplesOf(subjectIndex);
    }

    /**
     * @param sample a sample of this manifest
     * @return the absolute path of its image file (where it would be, for a procedural manifest)
     */
    public Path resolve(Sample sample) {
        return root.resolve(sample.path()).normalize();
    }

    /**
     * The image's encoded bytes, as the dataset defines them: the file's bytes, or for a procedural
     * manifest the image rendered now (the same bytes its file would hold, were the dataset written).
     *
     * @param sample a sample of this manifest
     * @return the encoded image
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if the sample is not one of this manifest's
     */
    public byte[] readImage(Sample sample) throws IOException {
        return contents.read(this, sample);
    }

    /**
     * @param sampleId a sample id
     * @return the sample with that id, or empty if the manifest has none
     */
    public Optional<Sample> sample(String sampleId) {
        return contents.sample(sampleId);
    }

    /** @return the number of distinct subjects */
    public int subjectCount() {
        return contents.subjectIds().size();
    }

    /** @return the generator spec of a procedural manifest, empty for a stored one */
    public Optional<SyntheticSpec> proceduralSpec() {
        return contents instanceof ProceduralContents p ? Optional.of(p.renderer.spec()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "DatasetManifest[" + file + (proceduralSpec().isPresent() ? ", procedural" : "") + ", "
                + samples().size() + " samples, " + subjectCount() + " subjects]";
    }

    /** Where the samples come from. */
    private interface Contents {
        List<Sample> samples();

        Map<String, List<Sample>> samplesBySubject();

        List<String> subjectIds();

        List<Sample> samplesOf(int subjectIndex);

        Optional<Sample> sample(String sampleId);

        byte[] read(DatasetManifest manifest, Sample sample) throws IOException;
    }

    /** The rows of a stored manifest, indexed. */
    private static final class StoredContents implements Contents {
        private final List<Sample> samples;
        private final Map<String, List<Sample>> samplesBySubject;
        private final List<String> subjectIds;
        private final List<List<Sample>> samplesOfSubject;
        private final Map<String, Sample> samplesById;

        StoredContents(List<Sample> rows) {
            this.samples = List.copyOf(rows);
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
            this.subjectIds = List.copyOf(bySubject.keySet());
            this.samplesOfSubject = List.copyOf(bySubject.values());
            this.samplesById = Collections.unmodifiableMap(byId);
        }

        @Override
        public List<Sample> samples() {
            return samples;
        }

        @Override
        public Map<String, List<Sample>> samplesBySubject() {
            return samplesBySubject;
        }

        @Override
        public List<String> subjectIds() {
            return subjectIds;
        }

        @Override
        public List<Sample> samplesOf(int subjectIndex) {
            return samplesOfSubject.get(subjectIndex);
        }

        @Override
        public Optional<Sample> sample(String sampleId) {
            return Optional.ofNullable(samplesById.get(sampleId));
        }

        @Override
        public byte[] read(DatasetManifest manifest, Sample sample) throws IOException {
            return Files.readAllBytes(manifest.resolve(sample));
        }
    }

    /**
     * The samples of a synthetic spec, made when asked for: subject {@code s}, image {@code i} is sample
     * {@code s * imagesPerSubject + i}, with the ids, path and labels the stored dataset would have and
     * no hash (its image is rendered, not read).
     */
    private static final class ProceduralContents implements Contents {
        private final SyntheticFaceRenderer renderer;
        private final SyntheticSpec spec;

        ProceduralContents(SyntheticFaceRenderer renderer) {
            this.renderer = renderer;
            this.spec = renderer.spec();
        }

        private Sample make(int subject, int image) {
            SyntheticLabels labels = renderer.labels(subject, image);
            return new Sample(spec.sampleId(subject, image), spec.subjectId(subject),
                    spec.imagePath(subject, image), "", labels.labels(), labels.groups());
        }

        @Override
        public List<Sample> samples() {
            return IndexedList.of(spec.imageCount(), i -> make(i / spec.imagesPerSubject(), i % spec.imagesPerSubject()));
        }

        @Override
        public List<String> subjectIds() {
            return IndexedList.of(spec.subjects(), spec::subjectId);
        }

        @Override
        public List<Sample> samplesOf(int subjectIndex) {
            Objects.checkIndex(subjectIndex, spec.subjects());
            return IndexedList.of(spec.imagesPerSubject(), image -> make(subjectIndex, image));
        }

        @Override
        public Map<String, List<Sample>> samplesBySubject() {
            return new AbstractMap<>() {
                @Override
                public List<Sample> get(Object key) {
                    int s = key instanceof String id ? spec.subjectIndexOf(id) : -1;
                    return s < 0 ? null : samplesOf(s);
                }

                @Override
                public boolean containsKey(Object key) {
                    return key instanceof String id && spec.subjectIndexOf(id) >= 0;
                }

                @Override
                public int size() {
                    return spec.subjects();
                }

                @Override
                public Set<Entry<String, List<Sample>>> entrySet() {
                    return new AbstractSet<>() {
                        @Override
                        public Iterator<Entry<String, List<Sample>>> iterator() {
                            return new Iterator<>() {
                                private int next;

                                @Override
                                public boolean hasNext() {
                                    return next < spec.subjects();
                                }

                                @Override
                                public Entry<String, List<Sample>> next() {
                                    if (!hasNext()) {
                                        throw new NoSuchElementException();
                                    }
                                    int s = next++;
                                    return Map.entry(spec.subjectId(s), samplesOf(s));
                                }
                            };
                        }

                        @Override
                        public int size() {
                            return spec.subjects();
                        }
                    };
                }
            };
        }

        @Override
        public Optional<Sample> sample(String sampleId) {
            int index = spec.sampleIndexOf(sampleId);
            return index < 0 ? Optional.empty()
                    : Optional.of(make(index / spec.imagesPerSubject(), index % spec.imagesPerSubject()));
        }

        @Override
        public byte[] read(DatasetManifest manifest, Sample sample) {
            int index = spec.sampleIndexOf(sample.sampleId());
            if (index < 0) {
                throw new IllegalArgumentException("sample " + sample.sampleId() + " is not in " + manifest.file);
            }
            return renderer.renderSamplePng(index);
        }
    }
}
