package org.touchstone.runner.engine.identification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.touchstone.protocols.IdentificationSettings;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.ProtocolProblem;
import org.touchstone.protocols.SubjectAllocation;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.support.IndexedList;
import org.touchstone.runner.engine.stage.TemplateSpec;

/**
 * What an identification protocol does on a dataset: which subjects are mated, non-mated and
 * distractors, which templates that needs, and which galleries the distractor sweep builds.
 *
 * <p>The split: subjects, in manifest order, are shuffled with the protocol's seed (Fisher-Yates with
 * {@link SplittableRandom}). Walking the shuffled order, a subject with more than
 * {@code enrolment_images} images becomes mated until the mated quota is met (round(n x mated) for a
 * {@code subject_split}, the number for {@code subject_counts}); then subjects become non-mated until
 * theirs is; every later subject with at least {@code enrolment_images} images is a distractor, in
 * shuffled order (which is the order galleries add them in), up to the distractor quota (none for a
 * split). Subjects that fit no role are unused and counted.
 *
 * <p>Templates, in this order: the enrolment templates of mated subjects, then of distractors; then one
 * probe template per remaining image of each mated subject and per image of each non-mated subject.
 *
 * @param templates         every template, in plan order (index = position)
 * @param matedSubjects     mated subject ids, in shuffled order
 * @param nonMatedSubjects  non-mated subject ids
 * @param distractors       distractor subject ids, in the order galleries add them
 * @param enrolment         for each enrolled subject (mated first, then distractors): its template index
 * @param probes            probe template indexes
 * @param galleries         the galleries of the sweep, smallest first
 * @param unusedSubjects    subjects that fit no role
 */
public record IdentificationPlan(List<TemplateSpec> templates, List<String> matedSubjects,
                                 List<String> nonMatedSubjects, List<String> distractors, List<Integer> enrolment,
                                 List<Integer> probes, List<GalleryPlan> galleries, int unusedSubjects) {

    /**
     * One gallery of the sweep.
     *
     * @param id          e.g. {@code G0000100}
     * @param distractors distractor subjects it holds (the first this many)
     * @param templates   indexes of the enrolment templates it holds: every mated subject's, then the
     *                    distractors'
     * @param matedSubjects the subjects whose probes are mated searches in this gallery; null when they are the
     *                    plan's mated subjects (the subject-split design, where every gallery holds them all)
     */
    public record GalleryPlan(String id, int distractors, List<Integer> templates, java.util.Set<String> matedSubjects) {
        /**
         * A gallery holding every mated subject of the plan.
         *
         * @param id          its id
         * @param distractors distractor subjects it holds
         * @param templates   its enrolment template indexes
         */
        public GalleryPlan(String id, int distractors, List<Integer> templates) {
            this(id, distractors, templates, null);
        }
    }

    /**
     * @param settings the protocol's settings
     * @param seed     the protocol's seed
     * @param manifest the dataset
     * @param source   the protocol's name, for errors
     * @return the plan; its lists are views computed from a few arrays of subject indexes, so that a plan
     *         of millions of templates holds no object per template (a {@link TemplateSpec} is made when asked for)
     * @throws ProtocolException if the dataset cannot give at least one mated and one non-mated subject, or
     *                           the mated and non-mated subjects a protocol with fixed counts asks for
     */
    public static IdentificationPlan build(IdentificationSettings settings, long seed, DatasetManifest manifest,
                                           String source) throws ProtocolException {
        List<String> subjectIds = manifest.subjectIds();
        int n = subjectIds.size();
        // The same swaps as shuffling the list of subject ids, on their indexes.
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        SubjectAllocation.Quotas quotas = settings.split().quotas(n);
        int e = settings.enrolmentImages();
        IntArray mated = new IntArray();
        IntArray nonMated = new IntArray();
        IntArray distractors = new IntArray();
        int unused = 0;
        for (int s : order) {
            int images = manifest.samplesOf(s).size();
            if (mated.size < quotas.mated()) {
                if (images > e) {
                    mated.add(s);
                } else {
                    unused++;
                }
            } else if (nonMated.size < quotas.nonMated()) {
                nonMated.add(s);
            } else if (images >= e && distractors.size < quotas.distractors()) {
                distractors.add(s);
            } else {
                unused++;
            }
        }
        boolean quotaMissed = settings.split().exact() && (mated.size < quotas.mated() || nonMated.size < quotas.nonMated());
        if (mated.size == 0 || nonMated.size == 0 || quotaMissed) {
            String wanted = settings.split().exact() ? " (the protocol needs " + quotas.mated() + " and "
                    + quotas.nonMated() + ")" : "; at least one of each is needed";
            throw new ProtocolException(new ProtocolProblem(source, 0, 0, settings.split().exact()
                    ? "identification.subject_counts" : "identification.subject_split",
                    "the dataset (" + n + " subjects) gives " + mated.size + " mated subjects (each needs more than "
                            + e + " images) and " + nonMated.size + " non-mated subjects" + wanted));
        }

        // Templates, in order: enrolment of mated subjects then distractors (the first e images), then one
        // probe per remaining image of each mated subject and per image of each non-mated subject.
        int enrolled = mated.size + distractors.size;
        IntArray subjectOf = new IntArray();
        IntArray imageOf = new IntArray();
        for (IntArray group : List.of(mated, distractors)) {
            for (int i = 0; i < group.size; i++) {
                subjectOf.add(group.values[i]);
                imageOf.add(0);
            }
        }
        for (int i = 0; i < mated.size; i++) {
            for (int image = e; image < manifest.samplesOf(mated.values[i]).size(); image++) {
                subjectOf.add(mated.values[i]);
                imageOf.add(image);
            }
        }
        for (int i = 0; i < nonMated.size; i++) {
            for (int image = 0; image < manifest.samplesOf(nonMated.values[i]).size(); image++) {
                subjectOf.add(nonMated.values[i]);
                imageOf.add(image);
            }
        }
        int total = subjectOf.size;
        List<TemplateSpec> templates = IndexedList.of(total, index -> {
            int subject = subjectOf.values[index];
            int first = imageOf.values[index];
            boolean enrolment = index < enrolled;
            return new TemplateSpec(index, TemplateSpec.idOf(index), subjectIds.get(subject),
                    manifest.samplesOf(subject).subList(first, first + (enrolment ? e : 1)), enrolment, !enrolment);
        });
        List<Integer> enrolment = IndexedList.range(0, enrolled);

        List<GalleryPlan> galleries = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int c : settings.distractorCounts()) {
            if (c < distractors.size) {
                counts.add(c);
            }
        }
        counts.add(distractors.size);
        for (int c : counts) {
            galleries.add(new GalleryPlan(String.format("G%07d", c), c, enrolment.subList(0, mated.size + c)));
        }
        return new IdentificationPlan(templates, mated.ids(subjectIds), nonMated.ids(subjectIds),
                distractors.ids(subjectIds), enrolment, IndexedList.range(enrolled, total), List.copyOf(galleries),
                unused);
    }

    /** A growable array of ints: a million subjects or templates without a million boxed integers. */
    private static final class IntArray {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        /** @return the subject ids at these subject indexes, as a view */
        List<String> ids(List<String> subjectIds) {
            int[] fixed = Arrays.copyOf(values, size);
            return IndexedList.of(fixed.length, i -> subjectIds.get(fixed[i]));
        }
    }
}
