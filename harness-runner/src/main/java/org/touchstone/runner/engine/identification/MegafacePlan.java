package org.touchstone.runner.engine.identification;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.touchstone.protocols.MegafaceChallengeSettings;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.ProtocolProblem;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.protocols.support.IndexedList;
import org.touchstone.runner.engine.stage.TemplateSpec;

/**
 * MegaFace Challenge 1 on an imported dataset (design {@code megaface-c1}): the roles come from the dataset's
 * lists, not from a subject split.
 *
 * <p>Templates, in this order: one enrolment template per distractor named by any of the measured lists (each
 * once, in the order the lists, smallest first, name them), then one template per probe image of an identity
 * with at least two images, made in both roles. Galleries: one per distractor list the dataset has
 * ({@code G<count>}, its distractors' templates, searched by every probe for K candidates), then one per
 * identity ({@code F<n>}, that identity's enrolment templates, searched by its own probes for all of them: the
 * genuine scores). The reports put the two together: the rank of enrolled image g for probe p in a gallery of
 * distractors is one more than the number of p's distractor candidates scoring at least as high as g.
 *
 * @param plan   the templates and galleries, as the search stage runs them (mated subjects = the identities)
 * @param design which probes search which gallery, for how many candidates
 * @param sizes  the distractor counts measured (those of the protocol whose list the dataset has)
 * @param missingSizes the protocol's counts whose list the dataset lacks
 */
record MegafacePlan(IdentificationPlan plan, SearchStage.GalleryDesign design, List<Integer> sizes,
                    List<Integer> missingSizes) {

    /** The id of the gallery of one identity's own images. */
    static String identityGallery(int identity) {
        return String.format("F%05d", identity + 1);
    }

    /**
     * @param settings the protocol's challenge settings
     * @param manifest the imported dataset
     * @return the plan
     * @throws ProtocolException if the dataset lacks the probe list or every distractor list, or a list names a
     *                           sample the dataset does not have or is malformed
     */
    static MegafacePlan build(MegafaceChallengeSettings settings, DatasetManifest manifest) throws ProtocolException {
        // Probes: identities in the order the list first names them, each with its images in list order.
        Map<String, List<Sample>> identities = new LinkedHashMap<>();
        Path probeList = list(manifest, settings.probeList());
        readList(probeList, List.of("sample_id", "identity"), (record, sample) ->
                identities.computeIfAbsent(sample.subjectId(), k -> new ArrayList<>()).add(sample), manifest);
        int unused = 0;
        List<String> identityIds = new ArrayList<>();
        List<Sample> probeSamples = new ArrayList<>();
        List<int[]> identityProbes = new ArrayList<>();
        for (Map.Entry<String, List<Sample>> identity : identities.entrySet()) {
            if (identity.getValue().size() < 2) {
                unused++;   // no pair to measure: the devkit's loop over an identity's other images is empty
                continue;
            }
            int[] positions = new int[identity.getValue().size()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = probeSamples.size();
                probeSamples.add(identity.getValue().get(i));
            }
            identityIds.add(identity.getKey());
            identityProbes.add(positions);
        }
        if (identityProbes.isEmpty()) {
            throw problem(manifest, "the list " + settings.probeList() + " (" + probeList + ") has no identity with"
                    + " two or more images: MegaFace Challenge 1 has no pair to measure");
        }

        // Distractors: each list the dataset has; a sample named by several lists is one template.
        List<Integer> sizes = new ArrayList<>();
        List<Integer> missingSizes = new ArrayList<>();
        List<Sample> distractorSamples = new ArrayList<>();
        Map<String, Integer> distractorIndex = new HashMap<>();
        List<int[]> galleryDistractors = new ArrayList<>();
        for (int count : settings.distractorCounts()) {
            String name = settings.distractorListOf(count);
            if (!manifest.declaresProtocolList(name)) {
                missingSizes.add(count);
                continue;
            }
            IntArray members = new IntArray();
            readList(list(manifest, name), List.of("sample_id"), (record, sample) -> {
                Integer index = distractorIndex.get(sample.sampleId());
                if (index == null) {
                    index = distractorSamples.size();
                    distractorIndex.put(sample.sampleId(), index);
                    distractorSamples.add(sample);
                }
                members.add(index);
            }, manifest);
            sizes.add(count);
            galleryDistractors.add(members.toArray());
        }
        if (sizes.isEmpty()) {
            throw problem(manifest, "the dataset declares none of the distractor lists "
                    + settings.distractorListOf(settings.distractorCounts().get(0)) + " .. "
                    + settings.distractorListOf(settings.distractorCounts().get(settings.distractorCounts().size() - 1))
                    + ": import it with 'touchstone dataset import megaface'");
        }
        int distractors = distractorSamples.size();
        int probes = probeSamples.size();
        Sample[] distractorArray = distractorSamples.toArray(Sample[]::new);
        Sample[] probeArray = probeSamples.toArray(Sample[]::new);
        List<TemplateSpec> templates = IndexedList.of(distractors + probes, index -> index < distractors
                ? new TemplateSpec(index, TemplateSpec.idOf(index), distractorArray[index].subjectId(),
                List.of(distractorArray[index]), true, false)
                : new TemplateSpec(index, TemplateSpec.idOf(index), probeArray[index - distractors].subjectId(),
                List.of(probeArray[index - distractors]), true, true));

        List<IdentificationPlan.GalleryPlan> galleries = new ArrayList<>();
        int n = sizes.size() + identityProbes.size();
        int[][] galleryProbes = new int[n][];
        int[] lengths = new int[n];
        int[] matedSubjects = new int[n];
        boolean[] matedGallery = new boolean[n];
        for (int g = 0; g < sizes.size(); g++) {
            int[] members = galleryDistractors.get(g);
            galleries.add(new IdentificationPlan.GalleryPlan(String.format("G%07d", sizes.get(g)), members.length,
                    IndexedList.of(members.length, i -> members[i])));
            lengths[g] = settings.candidateListLength();
        }
        for (int i = 0; i < identityProbes.size(); i++) {
            int g = sizes.size() + i;
            int[] positions = identityProbes.get(i);
            galleries.add(new IdentificationPlan.GalleryPlan(identityGallery(i), 0,
                    IndexedList.of(positions.length, k -> distractors + positions[k])));
            galleryProbes[g] = positions;
            // Every image of the identity, the probe's own enrolment template among them: all its genuine scores.
            lengths[g] = positions.length;
            matedSubjects[g] = 1;
            matedGallery[g] = true;
        }
        List<String> distractorSubjects = IndexedList.of(distractors, i -> distractorArray[i].subjectId());
        IdentificationPlan plan = new IdentificationPlan(templates, List.copyOf(identityIds), List.of(),
                distractorSubjects, IndexedList.range(0, distractors + probes),
                IndexedList.range(distractors, distractors + probes), List.copyOf(galleries), unused);
        return new MegafacePlan(plan, new SearchStage.GalleryDesign(galleryProbes, lengths, matedSubjects,
                matedGallery), List.copyOf(sizes), List.copyOf(missingSizes));
    }

    private interface Row {
        void accept(CSVRecord record, Sample sample);
    }

    /** Reads a list of {@code sample_id,...} rows, each naming a sample of the dataset. */
    private static void readList(Path file, List<String> header, Row row, DatasetManifest manifest)
            throws ProtocolException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
            if (!csv.getHeaderNames().equals(header)) {
                throw problem(file, 1, "expected the header " + String.join(",", header) + ", found "
                        + String.join(",", csv.getHeaderNames()));
            }
            for (CSVRecord record : csv) {
                long line = record.getRecordNumber() + 1;
                if (record.size() != header.size()) {
                    throw problem(file, line, "expected " + header.size() + " cells (" + String.join(",", header)
                            + "), found " + record.size());
                }
                String id = record.get(0);
                Sample sample = manifest.sample(id).orElseThrow(() -> problem(file, line, "sample '" + id
                        + "' is not in the dataset " + manifest.file()));
                row.accept(record, sample);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw problem(file, 0, "cannot read the list: " + e.getMessage());
        }
    }

    private static Path list(DatasetManifest manifest, String name) throws ProtocolException {
        try {
            return manifest.protocolList(name);
        } catch (IOException e) {
            throw problem(manifest, e.getMessage());
        }
    }

    private static ProtocolException problem(DatasetManifest manifest, String message) {
        return new ProtocolException(new ProtocolProblem(manifest.file().toString(), 0, 0, null, message));
    }

    private static ProtocolException problem(Path file, long line, String message) {
        return new ProtocolException(new ProtocolProblem(file.toString(), (int) line, 0, null, message));
    }

    /** A growable array of ints: a million distractors without a million boxed integers. */
    private static final class IntArray {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
