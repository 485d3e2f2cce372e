package org.touchstone.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The identification design megaface-c1: the released protocol, and what the section refuses. */
class MegafaceChallengeSettingsTest {
    private static final String MEGAFACE = """
            schema: touchstone-protocol/1
            id: mf-test
            version: 1.0.0
            capability: identification
            title: T
            description: D
            seed: 1
            identification:
              design: megaface-c1
              probe_list: megaface-facescrub
              distractor_list: "megaface-distractors-{count}"
              distractor_counts: [10, 100]
              candidate_list_length: 10
              ranks: [1, 5]
              far_targets: [1.0e-3]
              failure_policy: non-match
            """;

    private static ProtocolDefinition parse(String yaml) throws ProtocolException {
        return ProtocolLoader.parse("p.yaml", yaml.getBytes(StandardCharsets.UTF_8), null);
    }

    private static List<String> problems(String yaml) {
        return catchThrowableOfType(ProtocolException.class, () -> parse(yaml))
                .problems().stream().map(ProtocolProblem::toString).toList();
    }

    @Test
    void theReleasedProtocolReadsTheImportersLists() throws Exception {
        MegafaceChallengeSettings s = ProtocolRepository.builtIn().resolve("megaface-c1@1.0.0").identification()
                .orElseThrow().megafaceChallenge().orElseThrow();
        assertThat(s.probeList()).isEqualTo("megaface-facescrub");
        assertThat(s.distractorListOf(1_000_000)).isEqualTo("megaface-distractors-1000000");
        assertThat(s.distractorCounts()).containsExactly(10, 100, 1_000, 10_000, 100_000, 1_000_000);
        assertThat(s.farTargets()).containsExactly(1.0e-6);
        assertThat(s.ranks()).containsExactly(1, 5, 10);
        assertThat(s.candidateListLength()).isEqualTo(100);
    }

    @Test
    void aValidSectionBecomesItsModel() throws Exception {
        IdentificationSettings s = parse(MEGAFACE).identification().orElseThrow();
        assertThat(s.megafaceChallenge().orElseThrow().distractorListOf(10)).isEqualTo("megaface-distractors-10");
        assertThat(s.split()).isNull();
        assertThat(s.candidateListLength()).isEqualTo(10);
        // The subject-split design is unchanged by the new fields.
        assertThat(ProtocolRepository.builtIn().resolve("identification@1.0.0").identification().orElseThrow()
                .megafaceChallenge()).isEmpty();
    }

    @Test
    void subjectSplitFieldsAndUnknownDesignsAreRefused() {
        assertThat(problems(MEGAFACE.replace("  probe_list:", "  enrolment_images: 1\n  probe_list:")))
                .anySatisfy(p -> assertThat(p).contains("identification.enrolment_images").contains("not used with"
                        + " design megaface-c1"));
        assertThat(problems(MEGAFACE.replace("design: megaface-c1", "design: megaface-c2")))
                .anySatisfy(p -> assertThat(p).contains("identification.design").contains("megaface-c2"));
        assertThat(problems(MEGAFACE.replace("{count}", "all")))
                .anySatisfy(p -> assertThat(p).contains("identification.distractor_list").contains("{count}"));
        assertThat(problems(MEGAFACE.replace("ranks: [1, 5]", "ranks: [1, 50]")))
                .anySatisfy(p -> assertThat(p).contains("rank 50 exceeds the candidate list length 10"));
        assertThat(problems(MEGAFACE.replace("  far_targets: [1.0e-3]\n", "")))
                .anySatisfy(p -> assertThat(p).contains("identification.far_targets").contains("missing"));
    }
}
