package org.touchstone.protocols.importers.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.ManifestWriter;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.runformat.io.AtomicFiles;
import org.touchstone.runformat.io.Sha256;

/**
 * The Touchstone dataset an import writes: the images the protocol files name (each registered once, with
 * subject, labels and groups), the protocol lists, and what the import recognised. {@link #write} hashes
 * every image present, marks every absent one {@link Sample#MISSING} (the protocol file is the truth: such an
 * image is a failure to acquire in every run, never dropped), writes the lists under {@value #LISTS_FOLDER}/
 * and then the manifest, whose comments name the image root and declare each list with its SHA-256. The
 * manifest is written last and atomically, so a manifest that exists is a complete import.
 */
public final class ImportedDataset {
    /** The folder of the protocol lists, inside the output folder. */
    public static final String LISTS_FOLDER = "lists";
    /** The manifest's file name in the output folder. */
    public static final String MANIFEST = "manifest.csv";

    private final String kind;
    private final Path imageRoot;
    private final Path out;
    private final Map<String, Entry> images = new LinkedHashMap<>();
    private final List<PendingList> lists = new ArrayList<>();
    private final List<String> protocolFiles = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final List<ImportReport.ListSummary> summaries = new ArrayList<>();
    private final List<String> writtenLists = new ArrayList<>();

    private record Entry(String sampleId, String subjectId, String path, Map<String, String> labels,
                         Map<String, String> groups) {
    }

    /**
     * One comparison of a pair list, with where the protocol file states it.
     *
     * @param enrolment the enrolment sample's id (registered with {@link #image})
     * @param probe     the probe sample's id
     * @param fold      its fold, 1 and up, or 0 for a list without folds
     * @param source    the protocol file
     * @param line      its line there (for errors)
     */
    public record Pair(String enrolment, String probe, int fold, Path source, int line) {
    }

    private record PendingList(String name, List<Pair> pairs, boolean folds) {
    }

    /**
     * @param kind      the importer's kind (recorded in the manifest)
     * @param imageRoot the user's folder that image paths are relative to
     * @param out       the output folder
     */
    public ImportedDataset(String kind, Path imageRoot, Path out) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.imageRoot = imageRoot.toAbsolutePath().normalize();
        this.out = out.toAbsolutePath().normalize();
    }

    /** @return the folder image paths are relative to */
    public Path imageRoot() {
        return imageRoot;
    }

    /**
     * Registers an image a protocol file names; registering the same id again is allowed when it names the
     * same image of the same subject.
     *
     * @param sampleId  its sample id (unique in the dataset, without ';')
     * @param subjectId the subject shown
     * @param path      its path relative to the image root, '/' separated
     * @param labels    ground-truth labels ({@code label:} columns)
     * @param groups    demographic groups ({@code group:} columns)
     * @return the sample id
     * @throws IllegalArgumentException if the id was registered for another image or subject
     */
    public String image(String sampleId, String subjectId, String path, Map<String, String> labels,
                        Map<String, String> groups) {
        Entry entry = new Entry(sampleId, subjectId, path, new TreeMap<>(labels), new TreeMap<>(groups));
        Entry earlier = images.putIfAbsent(sampleId, entry);
        if (earlier != null && !(earlier.subjectId.equals(subjectId) && earlier.path.equals(path))) {
            throw new IllegalArgumentException("sample " + sampleId + " registered as " + earlier.path + " of "
                    + earlier.subjectId + " and as " + path + " of " + subjectId);
        }
        return sampleId;
    }

    /** @return the subject of a registered sample */
    public String subjectOf(String sampleId) {
        return Objects.requireNonNull(images.get(sampleId), sampleId).subjectId;
    }

    /**
     * Adds a pair list, written as {@value #LISTS_FOLDER}/NAME.csv (with a {@code fold} column when
     * {@code folds}) and declared in the manifest as protocol list NAME.
     *
     * @param name  the list's name, which a protocol's {@code dataset_list} names
     * @param pairs the pairs, in protocol-file order
     * @param folds whether the pairs carry folds
     * @return a summary of the list: pairs, genuine and impostor, per fold
     * @throws ImportException if a pair compares an image with itself or repeats an earlier pair (naming both
     *                         lines), which Touchstone's pair lists refuse
     */
    public ImportReport.ListSummary pairList(String name, List<Pair> pairs, boolean folds) throws ImportException {
        Map<String, Pair> seen = new HashMap<>();
        for (Pair p : pairs) {
            if (p.enrolment.equals(p.probe)) {
                throw new ImportException(p.source, p.line, "the pair compares image " + p.enrolment
                        + " with itself; a pair needs two images");
            }
            Pair first = seen.putIfAbsent(p.enrolment + "\n" + p.probe, p);
            if (first != null) {
                throw new ImportException(p.source, p.line, "the pair " + p.enrolment + " / " + p.probe
                        + " repeats line " + first.line + "; each comparison is listed once");
            }
        }
        lists.add(new PendingList(name, List.copyOf(pairs), folds));
        ImportReport.ListSummary summary = new ImportReport.ListSummary(name,
                out.resolve(LISTS_FOLDER).resolve(name + ".csv"), counts(pairs, folds));
        summaries.add(summary);
        return summary;
    }

    private List<String> counts(List<Pair> pairs, boolean folds) {
        Map<Integer, long[]> byFold = new TreeMap<>();
        for (Pair p : pairs) {
            long[] c = byFold.computeIfAbsent(folds ? p.fold : 0, k -> new long[2]);
            c[subjectOf(p.enrolment).equals(subjectOf(p.probe)) ? 0 : 1]++;
        }
        List<String> lines = new ArrayList<>();
        long genuine = byFold.values().stream().mapToLong(c -> c[0]).sum();
        long impostor = byFold.values().stream().mapToLong(c -> c[1]).sum();
        lines.add(String.format(Locale.ROOT, "%,d pairs: %,d genuine, %,d impostor%s", genuine + impostor, genuine,
                impostor, folds ? ", " + byFold.size() + " folds" : ""));
        if (folds) {
            byFold.forEach((fold, c) -> lines.add(String.format(Locale.ROOT, "fold %d: %,d genuine, %,d impostor",
                    fold, c[0], c[1])));
        }
        return lines;
    }

    /**
     * The file of a list the importer writes itself, streaming, because it is too large to hold as
     * {@link Pair}s (IJB-C's 15.6 million template pairs); declare it with {@link #writtenList} once written.
     *
     * @param name the list's name
     * @return {@value #LISTS_FOLDER}/NAME.csv in the output folder (the folder is created)
     * @throws IOException if the folder cannot be created
     */
    public Path listFile(String name) throws IOException {
        Files.createDirectories(out.resolve(LISTS_FOLDER));
        return out.resolve(LISTS_FOLDER).resolve(name + ".csv");
    }

    /**
     * Declares a list the importer wrote to {@link #listFile}: {@link #write} hashes it and declares it in the
     * manifest like the lists it writes itself.
     *
     * @param name   the list's name, which a protocol's {@code dataset_list} names
     * @param counts what it holds, one line each, for the report
     * @return its summary
     */
    public ImportReport.ListSummary writtenList(String name, List<String> counts) {
        writtenLists.add(name);
        ImportReport.ListSummary summary = new ImportReport.ListSummary(name,
                out.resolve(LISTS_FOLDER).resolve(name + ".csv"), counts);
        summaries.add(summary);
        return summary;
    }

    /** @param line what a protocol file was recognised as ({@link OfficialFiles#recognise}) */
    public void protocolFile(String line) {
        protocolFiles.add(line);
        comments.add("protocol-file: " + line);
    }

    /** @param note something the user must know, printed and recorded in the manifest */
    public void note(String note) {
        notes.add(note);
        comments.add("note: " + note);
    }

    /**
     * Hashes the images, writes the lists and the manifest.
     *
     * @return the import's report
     * @throws IOException if a file cannot be read or written
     */
    public ImportReport write() throws IOException {
        Files.createDirectories(out.resolve(LISTS_FOLDER));
        List<Entry> entries = List.copyOf(images.values());
        String[] hashes = new String[entries.size()];
        try {
            IntStream.range(0, entries.size()).parallel().forEach(i -> {
                Path file = imageRoot.resolve(entries.get(i).path).normalize();
                try {
                    hashes[i] = Files.isRegularFile(file) ? Sha256.hex(file) : Sample.MISSING;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Sample> samples = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> subjects = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            samples.add(new Sample(e.sampleId, e.subjectId, e.path, hashes[i], e.labels, e.groups));
            subjects.add(e.subjectId);
            if (Sample.MISSING.equals(hashes[i])) {
                missing.add(e.path);
            }
        }
        List<String> header = new ArrayList<>();
        header.add("generator: touchstone-import " + kind + " 1");
        header.add(ManifestLoader.IMAGE_ROOT + " " + imageRoot);
        for (PendingList list : lists) {
            Path file = out.resolve(LISTS_FOLDER).resolve(list.name + ".csv");
            StringBuilder csv = new StringBuilder(list.folds ? "enrolment_samples,probe_samples,fold\n"
                    : "enrolment_samples,probe_samples\n");
            for (Pair p : list.pairs) {
                csv.append(p.enrolment).append(',').append(p.probe);
                if (list.folds) {
                    csv.append(',').append(p.fold);
                }
                csv.append('\n');
            }
            byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(file, bytes);
            header.add(ManifestLoader.PROTOCOL_LIST + " " + list.name + " " + LISTS_FOLDER + "/" + list.name
                    + ".csv sha256=" + Sha256.hex(bytes));
        }
        for (String name : writtenLists) {
            Path file = out.resolve(LISTS_FOLDER).resolve(name + ".csv");
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("list " + name + " was declared but not written to " + file);
            }
            header.add(ManifestLoader.PROTOCOL_LIST + " " + name + " " + LISTS_FOLDER + "/" + name + ".csv sha256="
                    + Sha256.hex(file));
        }
        if (!missing.isEmpty()) {
            header.add(String.format(Locale.ROOT, "missing: %d image(s) named by the protocol files are not in the"
                    + " copy (sha256 'missing'): failures to acquire in every run", missing.size()));
        }
        header.addAll(comments);
        Path manifest = out.resolve(MANIFEST);
        ManifestWriter.write(manifest, header, samples);
        return new ImportReport(kind, manifest, imageRoot, samples.size(), subjects.size(), missing,
                summaries, protocolFiles, notes);
    }
}
