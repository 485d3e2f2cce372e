package org.touchstone.protocols.importers.ijb;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.touchstone.protocols.importers.support.ImportedDataset;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.support.SourceImage;

/**
 * Turns an {@code IJB_release} copy into template-level protocol lists and the images of a manifest.
 *
 * <h2>Subjects</h2>
 * insightface's meta files carry no subject ids: the 1:1 pair file says only whether two templates are
 * genuine. A template's subject is therefore the connected component of the genuine pairs it belongs to,
 * named after the 1:N lists' {@code SUBJECT_ID} when they give one ({@code s<SUBJECT_ID>}), otherwise after
 * the component's smallest template id ({@code t<tid>}). So every genuine pair is mated and, checked in a
 * second pass, every impostor pair is not; a pair file contradicting itself is refused with its line.
 *
 * <h2>Lists written (under the dataset's {@code lists/}, declared in its manifest)</h2>
 * <ul>
 *   <li>{@code ijbc-templates}: {@code template_id,sample_id,media_id}, one row per image in the meta file's
 *       order; a template is all of its rows.</li>
 *   <li>{@code ijbc-1to1}: {@code enrolment_template,probe_template,mated}, the 1:1 pairs in the pair file's
 *       order ({@code tid1} enrols, {@code tid2} probes), streamed through and never held.</li>
 *   <li>{@code ijbc-gallery-G1}, {@code ijbc-gallery-G2} (IJB-B: S1, S2) and {@code ijbc-probes-mixed}:
 *       {@code template_id}, when the copy has the 1:N lists.</li>
 * </ul>
 * Images the copy lacks stay in the manifest, marked missing: the protocol file is the truth.
 */
public final class IjbImport {
    private IjbImport() {
    }

    /**
     * @param variant IJB-B or IJB-C
     * @return the templates list's name, {@code ijbc-templates}
     */
    public static String templatesList(IjbVariant variant) {
        return variant.kind() + "-templates";
    }

    /**
     * @param variant IJB-B or IJB-C
     * @return the 1:1 pair list's name, {@code ijbc-1to1}
     */
    public static String pairsList(IjbVariant variant) {
        return variant.kind() + "-1to1";
    }

    /**
     * @param variant IJB-B or IJB-C
     * @param gallery a gallery name such as {@code G1}
     * @return its list's name, {@code ijbc-gallery-G1}
     */
    public static String galleryList(IjbVariant variant, String gallery) {
        return variant.kind() + "-gallery-" + gallery;
    }

    /**
     * @param variant IJB-B or IJB-C
     * @return the mixed probe list's name, {@code ijbc-probes-mixed}
     */
    public static String mixedProbesList(IjbVariant variant) {
        return variant.kind() + "-probes-mixed";
    }

    /**
     * What an import found.
     *
     * @param images            every image the meta file names, in its order (missing ones marked)
     * @param templates         templates
     * @param subjects          subjects (components of genuine pairs)
     * @param genuinePairs      genuine 1:1 pairs
     * @param impostorPairs     impostor 1:1 pairs
     * @param enrolmentTemplates distinct {@code tid1} of the pair file
     * @param galleryTemplates  templates per 1:N gallery, empty when the copy has no 1:N lists
     * @param mixedProbes       templates of the mixed probe list, 0 without 1:N lists
     * @param missingImages     images named but absent from {@code loose_crop/}
     * @param templatesWithoutImages templates all of whose images are missing (failures to acquire)
     * @param protocolFiles     the meta files read, by name
     */
    public record Result(List<SourceImage> images, int templates, int subjects, long genuinePairs,
                         long impostorPairs, int enrolmentTemplates, Map<String, Integer> galleryTemplates,
                         int mixedProbes, List<String> missingImages, int templatesWithoutImages,
                         Map<String, Path> protocolFiles) {
        /** @return all 1:1 pairs */
        public long pairs() {
            return genuinePairs + impostorPairs;
        }
    }

    /**
     * Reads the release and writes the lists into the dataset's list files (declared there).
     *
     * @param release the release found in the user's copy
     * @param dataset the imported dataset receiving the lists (images are registered by the caller)
     * @param pathPrefix prefix of the images' paths relative to the copy's root (the release folder's path
     *                   from the folder the user named, e.g. {@code "IJBC/"} or {@code ""})
     * @return what was found
     * @throws ImportException if a meta file cannot be parsed or contradicts another
     * @throws IOException           if a file cannot be read or written
     */
    public static Result run(IjbRelease release, ImportedDataset dataset, String pathPrefix) throws ImportException, IOException {
        IjbVariant variant = release.variant();
        Path faceFile = release.meta(variant.faceTemplateMediaFile());
        Map<String, Path> protocolFiles = new LinkedHashMap<>();
        protocolFiles.put(variant.faceTemplateMediaFile(), faceFile);
        protocolFiles.put(variant.templatePairFile(), release.templatePairFile());
        List<IjbRelease.Face> faces = release.faces();

        Map<Integer, Integer> index = new HashMap<>();
        List<Integer> templateIds = new ArrayList<>();
        for (IjbRelease.Face face : faces) {
            index.computeIfAbsent(face.templateId(), t -> {
                templateIds.add(t);
                return templateIds.size() - 1;
            });
        }
        int n = templateIds.size();
        int[] listedSubject = new int[n];
        java.util.Arrays.fill(listedSubject, Integer.MIN_VALUE);
        Map<String, List<Integer>> galleries = new LinkedHashMap<>();
        List<Integer> probes = new ArrayList<>();
        readOneToN(release, index, listedSubject, galleries, probes, protocolFiles);

        // Pass 1: link genuine pairs into subjects.
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        long[] counts = new long[2];
        java.util.BitSet enrolments = new java.util.BitSet(n);
        Path pairFile = release.templatePairFile();
        release.pairs((line, enrolment, probe, genuine) -> {
            int a = known(index, enrolment, pairFile, line, "tid1", faceFile);
            int b = known(index, probe, pairFile, line, "tid2", faceFile);
            enrolments.set(a);
            counts[genuine ? 0 : 1]++;
            if (genuine) {
                parent[find(parent, a)] = find(parent, b);
            }
        });
        if (counts[0] + counts[1] == 0) {
            throw new ImportException(pairFile, 0, "no pairs; expected lines 'tid1 tid2 label'");
        }

        String[] subjectOf = subjects(parent, templateIds, listedSubject, release);
        int subjects = (int) java.util.Arrays.stream(subjectOf).distinct().count();

        // Pass 2: check impostors against the subjects, and copy the pairs through in order.
        try (BufferedWriter pairs = Files.newBufferedWriter(dataset.listFile(pairsList(variant)),
                StandardCharsets.UTF_8)) {
            pairs.write("enrolment_template,probe_template,mated\n");
            release.pairs((line, enrolment, probe, genuine) -> {
                int a = index.get(enrolment);
                int b = index.get(probe);
                if (!genuine && subjectOf[a].equals(subjectOf[b])) {
                    throw new ImportException(pairFile, line, "templates " + enrolment + " and " + probe
                            + " are labelled impostor (0), but genuine pairs elsewhere in the file, or the 1:N lists,"
                            + " make them the same subject (" + subjectOf[a] + ")");
                }
                pairs.write(Integer.toString(enrolment));
                pairs.write(',');
                pairs.write(Integer.toString(probe));
                pairs.write(genuine ? ",true\n" : ",false\n");
            });
        }

        List<SourceImage> images = new ArrayList<>(faces.size());
        List<String> missing = new ArrayList<>();
        int[] presentPerTemplate = new int[n];
        Path imageFolder = release.root().resolve(IjbRelease.IMAGES_FOLDER);
        try (BufferedWriter templates = Files.newBufferedWriter(dataset.listFile(templatesList(variant)),
                StandardCharsets.UTF_8)) {
            templates.write("template_id,sample_id,media_id\n");
            for (IjbRelease.Face face : faces) {
                int t = index.get(face.templateId());
                boolean present = Files.isRegularFile(imageFolder.resolve(face.imageName()));
                if (present) {
                    presentPerTemplate[t]++;
                } else {
                    missing.add(IjbRelease.IMAGES_FOLDER + "/" + face.imageName());
                }
                String sampleId = face.imageName();
                images.add(new SourceImage(sampleId, variant.kind() + "-" + subjectOf[t],
                        pathPrefix + IjbRelease.IMAGES_FOLDER + "/" + face.imageName(), present, Map.of(), Map.of()));
                templates.write(face.templateId() + "," + sampleId + "," + face.mediaId() + "\n");
            }
        }
        int withoutImages = (int) java.util.Arrays.stream(presentPerTemplate).filter(c -> c == 0).count();

        Map<String, Integer> gallerySizes = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> gallery : galleries.entrySet()) {
            String name = galleryList(variant, gallery.getKey());
            writeTemplateList(dataset.listFile(name), gallery.getValue());
            dataset.writtenList(name, List.of(String.format(Locale.ROOT, "%,d gallery templates", gallery.getValue().size())));
            gallerySizes.put(gallery.getKey(), gallery.getValue().size());
        }
        if (!galleries.isEmpty()) {
            writeTemplateList(dataset.listFile(mixedProbesList(variant)), probes);
            dataset.writtenList(mixedProbesList(variant), List.of(String.format(Locale.ROOT, "%,d probe templates",
                    probes.size())));
        }
        dataset.writtenList(templatesList(variant), List.of(String.format(Locale.ROOT,
                "%,d templates of %,d images (%,d missing), %,d subjects; %,d templates have no image in the copy",
                n, faces.size(), missing.size(), subjects, withoutImages)));
        dataset.writtenList(pairsList(variant), List.of(String.format(Locale.ROOT,
                "%,d pairs: %,d genuine, %,d impostor; %,d enrolment templates", counts[0] + counts[1], counts[0],
                counts[1], enrolments.cardinality())));
        return new Result(List.copyOf(images), n, subjects, counts[0], counts[1], enrolments.cardinality(),
                gallerySizes, probes.size(), List.copyOf(missing), withoutImages, protocolFiles);
    }

    /** Reads the 1:N lists, all or none, recording each template's subject. */
    private static void readOneToN(IjbRelease release, Map<Integer, Integer> index, int[] listedSubject,
                                   Map<String, List<Integer>> galleries, List<Integer> probes,
                                   Map<String, Path> protocolFiles) throws ImportException, IOException {
        IjbVariant variant = release.variant();
        List<String> names = new ArrayList<>();
        variant.galleries().forEach(g -> names.add(variant.galleryFile(g)));
        names.add(variant.mixedProbeFile());
        List<Optional<Path>> found = names.stream().map(release::findList).toList();
        if (found.stream().allMatch(Optional::isEmpty)) {
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            if (found.get(i).isEmpty()) {
                throw new ImportException(release.root().resolve(IjbRelease.META_FOLDER), 0, "has some 1:N lists"
                        + " but not " + names.get(i) + "; expected all of " + String.join(", ", names));
            }
        }
        Path faceFile = release.meta(variant.faceTemplateMediaFile());
        for (int i = 0; i < names.size(); i++) {
            Path file = found.get(i).orElseThrow();
            protocolFiles.put(names.get(i), file);
            List<Integer> target = i < variant.galleries().size()
                    ? galleries.computeIfAbsent(variant.galleries().get(i), g -> new ArrayList<>()) : probes;
            for (IjbRelease.ListedTemplate entry : IjbRelease.readList(file)) {
                int t = known(index, entry.templateId(), file, entry.line(), "TEMPLATE_ID", faceFile);
                if (listedSubject[t] != Integer.MIN_VALUE && listedSubject[t] != entry.subjectId()) {
                    throw new ImportException(file, entry.line(), "template " + entry.templateId() + " shows subject "
                            + entry.subjectId() + " here but subject " + listedSubject[t] + " in another 1:N list");
                }
                listedSubject[t] = entry.subjectId();
                target.add(entry.templateId());
            }
        }
    }

    private static int known(Map<Integer, Integer> index, int templateId, Path file, int line, String field,
                             Path faceFile) throws ImportException {
        Integer i = index.get(templateId);
        if (i == null) {
            throw new ImportException(file, line, field + ": template " + templateId + " has no images in "
                    + faceFile.getFileName() + "; expected a template listed there");
        }
        return i;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Names each component after its listed subject, else its smallest template id. */
    private static String[] subjects(int[] parent, List<Integer> templateIds, int[] listedSubject, IjbRelease release)
            throws ImportException {
        int n = templateIds.size();
        int[] subject = new int[n];
        int[] smallest = new int[n];
        java.util.Arrays.fill(subject, Integer.MIN_VALUE);
        java.util.Arrays.fill(smallest, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            smallest[root] = Math.min(smallest[root], templateIds.get(i));
            if (listedSubject[i] != Integer.MIN_VALUE) {
                if (subject[root] != Integer.MIN_VALUE && subject[root] != listedSubject[i]) {
                    throw new ImportException(release.templatePairFile(), 0, "genuine pairs link template "
                            + templateIds.get(i) + " (subject " + listedSubject[i] + " in the 1:N lists) with a template of"
                            + " subject " + subject[root] + "; the 1:N lists and the pair labels disagree");
                }
                subject[root] = listedSubject[i];
            }
        }
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            names[i] = subject[root] != Integer.MIN_VALUE ? "s" + subject[root] : "t" + smallest[root];
        }
        return names;
    }

    private static void writeTemplateList(Path file, List<Integer> templates) throws ImportException, IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("template_id\n");
            for (int t : templates) {
                writer.write(t + "\n");
            }
        }
    }
}
