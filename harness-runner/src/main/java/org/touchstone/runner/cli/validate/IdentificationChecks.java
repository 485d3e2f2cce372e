package org.touchstone.runner.cli.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.touchstone.api.FaceImage;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateCreator;
import org.touchstone.api.TemplateRole;
import org.touchstone.runner.cli.validate.CheckResult.Verdict;

/**
 * The identification checks, in report order: every subject's images but the last are enrolled and the
 * last searched; templates answer without faults and deterministically; the gallery builds and knows its
 * size ({@code identification.gallery}); then the searches ({@link SearchChecks}).
 */
final class IdentificationChecks {
    private IdentificationChecks() {
    }

    static void check(ValidationSubject s) {
        TemplateCreator creator = (list, role) -> s.instance().identifier().orElseThrow().createTemplate(list, role);
        Map<String, List<FaceImage>> bySubject = new LinkedHashMap<>();
        s.images().forEach(i -> bySubject.computeIfAbsent(s.subjectOf(i), k -> new ArrayList<>()).add(i));
        List<FaceImage> enrolled = new ArrayList<>();
        List<FaceImage> probes = new ArrayList<>();
        bySubject.values().forEach(list -> {
            enrolled.addAll(list.subList(0, list.size() - 1));
            probes.add(list.get(list.size() - 1));
        });
        List<Guarded.Outcome<Template>> enrolment = templates(creator, enrolled, TemplateRole.IDENTIFICATION_ENROLMENT);
        List<Guarded.Outcome<Template>> probeTemplates = templates(creator, probes, TemplateRole.IDENTIFICATION_PROBE);
        List<Guarded.Outcome<Template>> all = new ArrayList<>(enrolment);
        all.addAll(probeTemplates);
        List<FaceImage> allImages = new ArrayList<>(enrolled);
        allImages.addAll(probes);
        AnswersNotFaultsCheck.check("identification.templates", all, allImages, Guarded.Outcome::failure, s.log());
        TemplateSizeCheck.check("identification.template-size", allImages, all.stream().map(Guarded.Outcome::value)
                .toList(), s.limits().maxTemplateBytes(), s.log());
        List<Guarded.Outcome<Template>> again = templates(creator, enrolled, TemplateRole.IDENTIFICATION_ENROLMENT);
        SameAnswersCheck.check("identification.templates.deterministic",
                "the same images give the same enrolment template bytes", enrolled, i -> enrolment.get(i).answer(),
                i -> again.get(i).answer(), "a second call", s.log());

        List<GalleryEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < enrolled.size(); i++) {
            if (enrolment.get(i).ok()) {
                entries.add(new GalleryEntry(enrolled.get(i).id(), enrolment.get(i).value()));
                ids.add(enrolled.get(i).id());
            }
        }
        Gallery gallery = gallery(s, entries);
        if (gallery == null) {
            return;
        }
        List<Template> usable = new ArrayList<>();
        for (Guarded.Outcome<Template> p : probeTemplates) {
            if (p.ok()) {
                usable.add(p.value());
            }
        }
        SearchChecks.check(s, gallery, ids, usable);
        try {
            gallery.close();
        } catch (RuntimeException e) {
            // A gallery that fails to close does not change any verdict above.
        }
    }

    private static List<Guarded.Outcome<Template>> templates(TemplateCreator creator, List<FaceImage> images,
                                                            TemplateRole role) {
        List<Guarded.Outcome<Template>> made = new ArrayList<>();
        for (FaceImage image : images) {
            made.add(Guarded.call("createTemplate", () -> creator.createTemplate(List.of(image), role)));
        }
        return made;
    }

    /** {@code identification.gallery}: the gallery builds and reports its size; null when it does not build. */
    private static Gallery gallery(ValidationSubject s, List<GalleryEntry> entries) {
        Path dir;
        try {
            dir = Files.createDirectories(s.opened().context().workingDirectory().resolve("validation-gallery"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Guarded.Outcome<Gallery> built = Guarded.call("finalizeEnrolment",
                () -> s.instance().identifier().orElseThrow().finalizeEnrolment(entries, dir));
        if (!built.ok()) {
            s.log().add("identification.gallery", "a gallery can be built from the enrolment templates", true,
                    Verdict.FAIL, entries.size() + " entries: " + built.failure(), Map.of("entries", entries.size()));
            s.log().skip("identification.search", "no gallery");
            return null;
        }
        Gallery gallery = built.value();
        Guarded.Outcome<Integer> size = Guarded.call("size", () -> Result.success(gallery.size()));
        boolean sizeRight = size.ok() && size.value() == entries.size();
        s.log().add("identification.gallery", "a gallery can be built from the enrolment templates and reports its"
                        + " size", true, sizeRight ? Verdict.PASS : Verdict.FAIL, entries.size() + " entries; size() says "
                        + (size.ok() ? size.value() : size.failure()), Map.of("entries", entries.size()));
        return gallery;
    }
}
