package org.touchstone.runner.engine.identification;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.ProtocolProblem;
import org.touchstone.protocols.TemplateGalleries;
import org.touchstone.protocols.TemplateLists;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.protocols.support.IndexedList;
import org.touchstone.runner.engine.stage.TemplateSpec;

/**
 * The {@code template-galleries} design (IJB-B/C 1:N) as an {@link IdentificationPlan}: the galleries and the
 * probes are the dataset's own template lists, and each template is every image the templates list gives it.
 *
 * <p>Templates, in this order: each gallery's templates (gallery by gallery, list order; enrolment role), then the
 * probe list's (list order; probe role). Every probe is searched in every gallery on its own, and is mated in a
 * gallery exactly when one of that gallery's templates shows its subject: with IJB's disjoint galleries G1 and G2
 * each probe is mated in one and non-mated in the other (open set). A gallery's mated subjects are the subjects it
 * holds that some probe shows, its distractors the ones no probe shows.
 *
 * <p>Images the dataset lacks: a template is made from the images that are present, as NIST FRVT enrols what it
 * has; a template none of whose images is present keeps them all and so fails to acquire (counted as a failed
 * template: a miss when its probe is mated, no candidate when not; absent from its gallery when enrolled).
 *
 * <p>Memory: the templates list's templates (what every template-level design holds) and an int per listed
 * template; nothing per search or per (probe, gallery template) pair, which the search stage streams.
 */
final class TemplateGalleriesPlan {
    private TemplateGalleriesPlan() {
    }

    /**
     * @param design   the protocol's lists
     * @param manifest the dataset declaring them
     * @param source   the protocol's name, for errors
     * @return the plan
     * @throws ProtocolException naming file and line: a list's format, an unknown template, a template both probe
     *                           and gallery, an empty gallery or probe list
     * @throws IOException       if the dataset does not declare a list or a list has changed since import
     */
    static IdentificationPlan build(TemplateGalleries design, DatasetManifest manifest, String source)
            throws ProtocolException, IOException {
        Path templatesCsv = manifest.protocolList(design.templateList());
        Map<String, List<Sample>> templates = TemplateLists.templates(templatesCsv, manifest);
        List<String> galleryIds = new ArrayList<>();
        List<List<String>> galleryTemplates = new ArrayList<>();
        Set<String> enrolled = new HashSet<>();
        boolean shortIds = design.galleryLists().stream().map(TemplateGalleriesPlan::galleryId).distinct().count()
                == design.galleryLists().size();
        for (String name : design.galleryLists()) {
            Path list = manifest.protocolList(name);
            List<String> ids = TemplateLists.templateIds(list);
            for (String id : ids) {
                known(templates, id, list, templatesCsv);
            }
            galleryIds.add(shortIds ? galleryId(name) : name);
            galleryTemplates.add(ids);
            enrolled.addAll(ids);
        }
        Path probeCsv = manifest.protocolList(design.probeList());
        List<String> probeIds = TemplateLists.templateIds(probeCsv);
        for (int row = 0; row < probeIds.size(); row++) {
            String id = probeIds.get(row);
            known(templates, id, probeCsv, templatesCsv);
            if (enrolled.contains(id)) {
                throw new ProtocolException(new ProtocolProblem(probeCsv.toString(), 0, 0, "template_id",
                        "template " + id + " (row " + (row + 1) + ") is also in a gallery; a probe must not search"
                                + " for itself"));
            }
        }

        // One spec per distinct gallery template (a template in two galleries is made once), then the probes.
        List<String> order = new ArrayList<>(new LinkedHashSet<>(galleryTemplates.stream().flatMap(List::stream)
                .toList()));
        int enrolments = order.size();
        order.addAll(probeIds);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            index.putIfAbsent(order.get(i), i);
        }
        String[] subjectOf = order.stream().map(id -> templates.get(id).get(0).subjectId()).toArray(String[]::new);
        List<List<Sample>> samplesOf = order.stream().map(id -> usable(templates.get(id))).toList();
        List<TemplateSpec> specs = IndexedList.of(order.size(), i -> new TemplateSpec(i, TemplateSpec.idOf(i),
                subjectOf[i], samplesOf.get(i), i < enrolments, i >= enrolments));

        Set<String> probeSubjects = new HashSet<>();
        for (int i = enrolments; i < order.size(); i++) {
            probeSubjects.add(subjectOf[i]);
        }
        Set<String> matedAnywhere = new LinkedHashSet<>();
        Set<String> distractors = new LinkedHashSet<>();
        List<IdentificationPlan.GalleryPlan> galleries = new ArrayList<>();
        for (int g = 0; g < galleryIds.size(); g++) {
            List<Integer> members = galleryTemplates.get(g).stream().map(index::get).toList();
            Set<String> subjects = new LinkedHashSet<>();
            members.forEach(m -> subjects.add(subjectOf[m]));
            Set<String> mated = new LinkedHashSet<>(subjects);
            mated.retainAll(probeSubjects);
            matedAnywhere.addAll(mated);
            subjects.removeAll(probeSubjects);
            distractors.addAll(subjects);
            galleries.add(new IdentificationPlan.GalleryPlan(galleryIds.get(g), subjects.size(), members,
                    Set.copyOf(mated)));
        }
        List<String> nonMated = probeSubjects.stream().filter(s -> !matedAnywhere.contains(s)).sorted().toList();
        return new IdentificationPlan(specs, List.copyOf(matedAnywhere), nonMated, List.copyOf(distractors),
                IndexedList.range(0, enrolments), IndexedList.range(enrolments, order.size()), List.copyOf(galleries),
                0);
    }

    /**
     * The gallery's id in the run directory: the list's last {@code -}-separated part, as IJB names its galleries
     * ({@code ijbc-gallery-G1} gives {@code G1}); the whole name when two lists would share one.
     */
    static String galleryId(String listName) {
        return listName.substring(listName.lastIndexOf('-') + 1);
    }

    /** The images present, or all of them when none is (so the template fails to acquire and says which). */
    private static List<Sample> usable(List<Sample> samples) {
        List<Sample> present = samples.stream().filter(s -> !s.missing()).toList();
        return present.isEmpty() ? samples : present;
    }

    private static void known(Map<String, List<Sample>> templates, String id, Path list, Path templatesCsv)
            throws ProtocolException {
        if (!templates.containsKey(id)) {
            throw new ProtocolException(new ProtocolProblem(list.toString(), 0, 0, "template_id",
                    "unknown template '" + id + "', not in " + templatesCsv.getFileName()));
        }
    }
}
