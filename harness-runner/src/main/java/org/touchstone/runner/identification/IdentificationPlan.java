package org.touchstone.runner.identification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.touchstone.protocols.IdentificationSettings;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.ProtocolProblem;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.runner.execution.TemplateSpec;

/**
 * What an identification protocol does on a dataset: which subjects are mated, non-mated and
 * distractors, which templates that needs, and which galleries the distractor sweep builds.
 *
 * <p>The split: subjects, in manifest order, are shuffled with the protocol's seed (Fisher-Yates with
 * {@link SplittableRandom}). Walking the shuffled order, a subject with more than
 * {@code enrolment_images} images becomes mated until round(n x mated) are; then subjects become
 * non-mated until round(n x non_mated) are; every later subject with at least {@code enrolment_images}
 * images is a distractor, in shuffled order (which is the order galleries add them in). Subjects that
 * fit no role are unused and counted.
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
     */
    public record GalleryPlan(String id, int distractors, List<Integer> templates) {
    }

    /**
     * @param settings the protocol's settings
     * @param seed     the protocol's seed
     * @param manifest the dataset
     * @param source   the protocol's name, for errors
     * @return the plan
     * @throws ProtocolException if the dataset cannot give at least one mated and one non-mated subject
     */
    public static IdentificationPlan build(IdentificationSettings settings, long seed, DatasetManifest manifest,
                                           String source) throws ProtocolException {
        Map<String, List<Sample>> bySubject = manifest.samplesBySubject();
        List<String> subjects = new ArrayList<>(bySubject.keySet());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = subjects.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = subjects.get(i);
            subjects.set(i, subjects.get(j));
            subjects.set(j, t);
        }
        int n = subjects.size();
        int matedWanted = (int) Math.round(n * settings.split().mated());
        int nonMatedWanted = (int) Math.round(n * settings.split().nonMated());
        int e = settings.enrolmentImages();
        List<String> mated = new ArrayList<>();
        List<String> nonMated = new ArrayList<>();
        List<String> distractors = new ArrayList<>();
        int unused = 0;
        for (String s : subjects) {
            int images = bySubject.get(s).size();
            if (mated.size() < matedWanted) {
                if (images > e) {
                    mated.add(s);
                } else {
                    unused++;
                }
            } else if (nonMated.size() < nonMatedWanted) {
                nonMated.add(s);
            } else if (images >= e) {
                distractors.add(s);
            } else {
                unused++;
            }
        }
        if (mated.isEmpty() || nonMated.isEmpty()) {
            throw new ProtocolException(new ProtocolProblem(source, 0, 0, "identification.subject_split",
                    "the dataset (" + n + " subjects) gives " + mated.size() + " mated subjects (each needs more than "
                            + e + " images) and " + nonMated.size() + " non-mated subjects; at least one of each is"
                            + " needed"));
        }

        List<TemplateSpec> templates = new ArrayList<>();
        List<Integer> enrolment = new ArrayList<>();
        for (String s : concat(mated, distractors)) {
            enrolment.add(add(templates, s, bySubject.get(s).subList(0, e), true));
        }
        List<Integer> probes = new ArrayList<>();
        for (String s : mated) {
            List<Sample> samples = bySubject.get(s);
            for (Sample sample : samples.subList(e, samples.size())) {
                probes.add(add(templates, s, List.of(sample), false));
            }
        }
        for (String s : nonMated) {
            for (Sample sample : bySubject.get(s)) {
                probes.add(add(templates, s, List.of(sample), false));
            }
        }

        List<GalleryPlan> galleries = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int c : settings.distractorCounts()) {
            if (c < distractors.size()) {
                counts.add(c);
            }
        }
        counts.add(distractors.size());
        for (int c : counts) {
            galleries.add(new GalleryPlan(String.format("G%07d", c), c, enrolment.subList(0, mated.size() + c)));
        }
        return new IdentificationPlan(List.copyOf(templates), List.copyOf(mated), List.copyOf(nonMated),
                List.copyOf(distractors), List.copyOf(enrolment), List.copyOf(probes), List.copyOf(galleries), unused);
    }

    private static int add(List<TemplateSpec> templates, String subject, List<Sample> samples, boolean enrolment) {
        int index = templates.size();
        templates.add(new TemplateSpec(index, TemplateSpec.idOf(index), subject, samples, enrolment, !enrolment));
        return index;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
