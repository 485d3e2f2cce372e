package org.touchstone.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.touchstone.api.Capability;

/** The identification and analysis sections: the built-in protocols and each kind of bad input. */
class CapabilitySettingsTest {
    /** Line 8 is identification, line 9 enrolment_images, 10 subject_split, 14 distractor_counts. */
    private static final String IDENTIFICATION = """
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
              vendor_thresholds: true
              failure_policy: non-match
            """;

    /** Line 8 is analysis, line 9 attributes, 10 confidence_thresholds. */
    private static final String ANALYSIS = """
            schema: touchstone-protocol/1
            id: attr-test
            version: 1.0.0
            capability: analysis
            title: T
            description: D
            seed: 1
            analysis:
              attributes: [sex, smile]
              confidence_thresholds: [0.5, 0.9]
              vendor_thresholds: false
              age_thresholds: [18]
              calibration_bins: 10
              group_columns: [sex, skin_tone]
              intersections: [[sex, skin_tone]]
              equivalence_margin: 0.02
              failure_policy: undecided
            """;

    private static ProtocolDefinition parse(String yaml) throws ProtocolException {
        return ProtocolLoader.parse("p.yaml", yaml.getBytes(StandardCharsets.UTF_8), null);
    }

    private static List<String> problems(String yaml) {
        return catchThrowableOfType(ProtocolException.class, () -> parse(yaml))
                .problems().stream().map(ProtocolProblem::toString).toList();
    }

    private static String edit(String yaml, String from, String to) {
        assertThat(yaml).contains(from);
        return yaml.replace(from, to);
    }

    @Test
    void builtInIdentificationProtocolLoads() throws Exception {
        ProtocolDefinition p = ProtocolRepository.builtIn().resolve("identification@1.0.0");
        assertThat(p.capability()).isEqualTo(Capability.IDENTIFICATION);
        IdentificationSettings s = p.identification().orElseThrow();
        assertThat(s.split()).isEqualTo(new SubjectSplit(0.25, 0.25, 0.5));
        assertThat(s.enrolmentImages()).isEqualTo(1);
        assertThat(s.distractorCounts()).startsWith(0, 10, 100).endsWith(1_000_000);
        assertThat(s.candidateListLength()).isEqualTo(20);
        assertThat(s.ranks()).containsExactly(1, 5, 10, 20);
        assertThat(s.fpirTargets()).contains(3.0e-3);
        assertThat(p.verification()).isEmpty();
        assertThat(p.analysis()).isEmpty();
    }

    @Test
    void builtInAttributesProtocolLoads() throws Exception {
        ProtocolDefinition p = ProtocolRepository.builtIn().resolve("attributes");
        assertThat(p.ref()).isEqualTo("attributes@1.0.0");
        assertThat(p.capability()).isEqualTo(Capability.ANALYSIS);
        AnalysisSettings s = p.analysis().orElseThrow();
        assertThat(s.attributes()).containsExactly("sex", "age", "smile", "eyeglasses");
        assertThat(s.confidenceThresholds()).containsExactly(0.5, 0.8, 0.9, 0.99);
        assertThat(s.groupColumns()).isEmpty();
        assertThat(s.intersections()).containsExactly(List.of("sex", "skin_tone"));
        assertThat(s.failurePolicy()).isEqualTo(AnalysisFailurePolicy.UNDECIDED);
    }

    @Test
    void validSectionsBecomeTheirModels() throws Exception {
        assertThat(parse(IDENTIFICATION).identification().orElseThrow().distractorCounts()).containsExactly(0, 10);
        AnalysisSettings a = parse(ANALYSIS).analysis().orElseThrow();
        assertThat(a.groupColumns()).isEqualTo(Optional.of(List.of("sex", "skin_tone")));
        assertThat(a.ageThresholds()).containsExactly(18);
    }

    @Test
    void aSubjectSplitMustSumToOne() {
        assertThat(problems(edit(IDENTIFICATION, "distractors: 0.25", "distractors: 0.5"))).containsExactly(
                "p.yaml:10:3: identification.subject_split: the fractions must sum to 1, they sum to 1.25");
        assertThat(problems(edit(IDENTIFICATION, "mated: 0.5\n", "mated: 0.0\n"))).containsExactly(
                "p.yaml:11:5: identification.subject_split.mated: expected a fraction in (0, 1), found 0.0");
        assertThat(problems(edit(IDENTIFICATION, "    distractors: 0.25\n", "    distractors: 0.25\n    extra: 1\n")))
                .singleElement().asString().contains("identification.subject_split.extra: unknown field");
    }

    @Test
    void theMegafaceProtocolFixesItsSubjectsByNumber() throws Exception {
        ProtocolDefinition p = ProtocolRepository.builtIn().resolve("identification-megaface@1.0.0");
        IdentificationSettings s = p.identification().orElseThrow();
        assertThat(s.split()).isEqualTo(new SubjectCounts(1000, 1000, 1_000_000));
        assertThat(s.split().quotas(5_000_000)).isEqualTo(new SubjectAllocation.Quotas(1000, 1000, 1_000_000));
        assertThat(s.split().exact()).isTrue();
        assertThat(s.distractorCounts()).containsExactly(10, 100, 1000, 10_000, 100_000, 1_000_000);
        assertThat(s.fpirTargets()).containsExactly(1.0e-1, 1.0e-2, 1.0e-3);
    }

    @Test
    void subjectCountsReplaceTheSplit() throws Exception {
        String counts = edit(IDENTIFICATION, "  subject_split:\n    mated: 0.5\n    non_mated: 0.25\n    distractors: 0.25\n",
                "  subject_counts:\n    mated: 5\n    non_mated: 3\n    distractors: 10\n");
        SubjectAllocation split = parse(counts).identification().orElseThrow().split();
        assertThat(split).isEqualTo(new SubjectCounts(5, 3, 10));
        assertThat(split.quotas(100)).isEqualTo(new SubjectAllocation.Quotas(5, 3, 10));
        // Fractions scale with the dataset and leave every other subject to the distractors.
        assertThat(new SubjectSplit(0.5, 0.25, 0.25).quotas(10)).isEqualTo(new SubjectAllocation.Quotas(5, 3,
                Integer.MAX_VALUE));

        assertThat(problems(edit(counts, "distractor_counts: [0, 10]", "distractor_counts: [0, 10, 11]")))
                .containsExactly("p.yaml:14:30: identification.distractor_counts[2]: gallery of 11 distractors exceeds"
                        + " subject_counts.distractors (10): it could never be built");
        assertThat(problems(edit(counts, "mated: 5", "mated: 0"))).containsExactly(
                "p.yaml:11:5: identification.subject_counts.mated: expected a whole number >= 1, found 0");
        assertThat(problems(edit(counts, "distractors: 10", "distractors: 0.5"))).containsExactly(
                "p.yaml:13:5: identification.subject_counts.distractors: expected a whole number, found the number 0.5");
        assertThat(problems(edit(counts, "    non_mated: 3\n", ""))).containsExactly(
                "p.yaml:10:3: identification.subject_counts.non_mated: missing; expected a number of subjects >= 1");
    }

    @Test
    void exactlyOneOfSplitAndCountsIsGiven() {
        assertThat(problems(edit(IDENTIFICATION, "  distractor_counts:", "  subject_counts:\n    mated: 5\n"
                + "    non_mated: 3\n    distractors: 10\n  distractor_counts:"))).containsExactly(
                "p.yaml:14:3: identification.subject_counts: give either subject_split (fractions of the dataset) or"
                        + " subject_counts (numbers of subjects), not both");
        assertThat(problems(edit(IDENTIFICATION, "  subject_split:\n    mated: 0.5\n    non_mated: 0.25\n"
                + "    distractors: 0.25\n", ""))).singleElement().asString()
                .startsWith("p.yaml:8:1: identification: missing subject_split or subject_counts;");
    }

    @Test
    void ranksMustAscendAndFitTheCandidateList() {
        assertThat(problems(edit(IDENTIFICATION, "ranks: [1, 5, 10]", "ranks: [1, 20, 5]"))).containsExactly(
                "p.yaml:16:14: identification.ranks[1]: rank 20 exceeds the candidate list length 10",
                "p.yaml:16:18: identification.ranks[2]: values must be strictly ascending, but 5 follows 20");
        assertThat(problems(edit(IDENTIFICATION, "candidate_list_length: 10", "candidate_list_length: 0")))
                .contains("p.yaml:15:3: identification.candidate_list_length: expected a whole number >= 1, found 0");
    }

    @Test
    void fpirTargetsAndDistractorCountsAreChecked() {
        assertThat(problems(edit(IDENTIFICATION, "fpir_targets: [1.0e-1, 1.0e-2]", "fpir_targets: [1.0e-2, 1.0e-1]")))
                .containsExactly("p.yaml:17:26: identification.fpir_targets[1]: targets must be in descending order,"
                        + " but 0.1 follows 0.01");
        assertThat(problems(edit(IDENTIFICATION, "distractor_counts: [0, 10]", "distractor_counts: [10, 10]")))
                .containsExactly("p.yaml:14:27: identification.distractor_counts[1]: values must be strictly"
                        + " ascending, but 10 follows 10");
        assertThat(problems(edit(IDENTIFICATION, "failure_policy: non-match", "failure_policy: undecided")))
                .containsExactly("p.yaml:19:3: identification.failure_policy: expected one of non-match, found"
                        + " 'undecided'");
    }

    @Test
    void attributesMustBeKnownAndUnique() {
        assertThat(problems(edit(ANALYSIS, "attributes: [sex, smile]", "attributes: [gender, smile, smile, x-hat]")))
                .containsExactly(
                        "p.yaml:9:16: analysis.attributes[0]: expected a standard attribute (sex, age, smile,"
                                + " eyeglasses, sunglasses, beard, mustache, eyes_open, mouth_open, emotion) or a"
                                + " vendor attribute 'x-...', found 'gender'",
                        "p.yaml:9:31: analysis.attributes[2]: duplicate attribute 'smile'");
    }

    @Test
    void confidenceThresholdsBinsGroupsAndMarginAreChecked() {
        assertThat(problems(edit(ANALYSIS, "confidence_thresholds: [0.5, 0.9]", "confidence_thresholds: [0.9, 1.5]")))
                .containsExactly("p.yaml:10:32: analysis.confidence_thresholds[1]: expected a confidence in [0, 1],"
                        + " found 1.5");
        assertThat(problems(edit(ANALYSIS, "calibration_bins: 10", "calibration_bins: 1")))
                .containsExactly("p.yaml:13:3: analysis.calibration_bins: expected a whole number from 2 to 100,"
                        + " found 1");
        assertThat(problems(edit(ANALYSIS, "group_columns: [sex, skin_tone]", "group_columns: some")))
                .containsExactly("p.yaml:14:3: analysis.group_columns: expected 'all' or a non-empty list of group"
                        + " column names, found text 'some'");
        assertThat(problems(edit(ANALYSIS, "intersections: [[sex, skin_tone]]", "intersections: [[sex]]")))
                .containsExactly("p.yaml:15:19: analysis.intersections[0]: expected two or more distinct group"
                        + " column names, found [sex]");
        assertThat(problems(edit(ANALYSIS, "equivalence_margin: 0.02", "equivalence_margin: 0")))
                .singleElement().asString().contains("analysis.equivalence_margin");
    }
}
