package org.touchstone.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The identification design template-galleries (IJB 1:N): the built-in protocols and each kind of bad input. */
class TemplateGalleriesSettingsTest {
    /** Line 9 is design, 10 template_list, 11 gallery_lists, 12 probe_list, 16 fnir_rank, 17 average_galleries. */
    private static final String PROTOCOL = """
            schema: touchstone-protocol/1
            id: ijb-test
            version: 1.0.0
            capability: identification
            title: T
            description: D
            seed: 1
            identification:
              design: template-galleries
              template_list: ijbc-templates
              gallery_lists: [ijbc-gallery-G1, ijbc-gallery-G2]
              probe_list: ijbc-probes-mixed
              candidate_list_length: 10
              ranks: [1, 5, 10]
              fpir_targets: [1.0e-1, 1.0e-2]
              fnir_rank: 1
              average_galleries: true
              vendor_thresholds: true
              failure_policy: non-match
            """;

    private static ProtocolDefinition parse(String yaml) throws ProtocolException {
        return ProtocolLoader.parse("p.yaml", yaml.getBytes(StandardCharsets.UTF_8), null);
    }

    private static List<String> problems(String yaml) {
        return catchThrowableOfType(ProtocolException.class, () -> parse(yaml))
                .problems().stream().map(ProtocolProblem::toString).toList();
    }

    private static String edit(String from, String to) {
        assertThat(PROTOCOL).contains(from);
        return PROTOCOL.replace(from, to);
    }

    @Test
    void theBuiltInIjbProtocolsNameTheImportersLists() throws ProtocolException {
        for (String variant : List.of("ijbb", "ijbc")) {
            // Ids are lower-case; the spelling the benchmark is known by resolves too.
            ProtocolDefinition p = ProtocolRepository.builtIn().resolve(variant + "-1toN@1.0.0");
            assertThat(p.ref()).isEqualTo(variant + "-1ton@1.0.0");
            TemplateGalleries t = p.identification().orElseThrow().templateGalleries().orElseThrow();
            List<String> galleries = variant.equals("ijbb") ? List.of("S1", "S2") : List.of("G1", "G2");
            assertThat(t.templateList()).isEqualTo(variant + "-templates");
            assertThat(t.galleryLists()).containsExactly(variant + "-gallery-" + galleries.get(0),
                    variant + "-gallery-" + galleries.get(1));
            assertThat(t.probeList()).isEqualTo(variant + "-probes-mixed");
            assertThat(t.fnirRank()).isEqualTo(1);
            assertThat(t.averaged()).isTrue();
            assertThat(p.identification().orElseThrow().ranks()).containsExactly(1, 5, 10);
            assertThat(p.identification().orElseThrow().fpirTargets()).containsExactly(1e-1, 1e-2);
        }
    }

    @Test
    void aValidProtocolParses() throws ProtocolException {
        IdentificationSettings s = parse(PROTOCOL).identification().orElseThrow();
        assertThat(s.templateGalleries()).isPresent();
        assertThat(s.split()).isNull();
        assertThat(s.distractorCounts()).isEmpty();
    }

    @Test
    void theSubjectSplitFieldsAreRefused() {
        assertThat(problems(edit("  probe_list: ijbc-probes-mixed\n",
                "  probe_list: ijbc-probes-mixed\n  distractor_counts: [0, 10]\n")))
                .singleElement().asString().contains("identification.distractor_counts: not used with design"
                        + " template-galleries");
    }

    @Test
    void badListsRankAndDesignAreRefused() {
        assertThat(problems(edit("design: template-galleries", "design: galleries")))
                .singleElement().asString().contains("identification.design: expected template-galleries");
        assertThat(problems(edit("[ijbc-gallery-G1, ijbc-gallery-G2]", "[ijbc-gallery-G1, ijbc-gallery-G1]")))
                .singleElement().asString().contains("identification.gallery_lists[1]: gallery list"
                        + " ijbc-gallery-G1 is named twice");
        assertThat(problems(edit("[ijbc-gallery-G1, ijbc-gallery-G2]", "[ijbc-gallery-G1, ijbc-probes-mixed]")))
                .singleElement().asString().contains("the probe list cannot also be a gallery");
        assertThat(problems(edit("fnir_rank: 1", "fnir_rank: 11")))
                .singleElement().asString().contains("identification.fnir_rank: rank 11 exceeds the candidate list"
                        + " length 10");
        assertThat(problems(edit("  average_galleries: true\n", "")))
                .singleElement().asString().contains("identification.average_galleries");
    }

    @Test
    void theTemplateGalleryFieldsNeedTheirDesign() {
        String subjectSplit = """
                schema: touchstone-protocol/1
                id: id-test
                version: 1.0.0
                capability: identification
                title: T
                description: D
                seed: 1
                identification:
                  enrolment_images: 1
                  subject_split:
                    mated: 0.5
                    non_mated: 0.25
                    distractors: 0.25
                  distractor_counts: [0, 10]
                  candidate_list_length: 10
                  ranks: [1, 5, 10]
                  fpir_targets: [1.0e-1, 1.0e-2]
                  fnir_rank: 1
                  vendor_thresholds: true
                  failure_policy: non-match
                """;
        assertThat(problems(subjectSplit)).singleElement().asString()
                .contains("identification.fnir_rank: only used with design template-galleries");
    }
}
