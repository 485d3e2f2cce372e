package org.touchstone.runner.engine.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.ProtocolDefinition;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.reference.lbp.LbpCompactSystemProvider;
import org.touchstone.runner.engine.prepare.DatasetResolver;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;

/**
 * A protocol with fixed subject counts (5 mated, 5 non-mated, at most 25 distractors; galleries of 10 and
 * 25 distractors), run on the same synthetic spec stored as files and procedural (rendered on demand):
 * the two runs are one run, but for latencies.
 */
class FixedCountsProceduralTest {
    private static final String SPEC = "synthetic:subjects=40,images=3,seed=11";
    /** Also used by {@link SearchStageResumeTest}. */
    static final String PROTOCOL = """
            schema: touchstone-protocol/1
            id: counts-test
            version: 1.0.0
            capability: identification
            title: T
            description: D
            seed: 5
            identification:
              enrolment_images: 1
              subject_counts:
                mated: 5
                non_mated: 5
                distractors: 25
              distractor_counts: [10, 25]
              candidate_list_length: 5
              ranks: [1, 5]
              fpir_targets: [1.0e-1]
              vendor_thresholds: true
              failure_policy: non-match
            """;

    @TempDir
    static Path folder;
    static ProtocolDefinition protocol;
    static DatasetManifest stored;
    static DatasetManifest procedural;

    @BeforeAll
    static void load() throws Exception {
        Path file = folder.resolve("counts-test-1.0.0.yaml");
        Files.writeString(file, PROTOCOL);
        protocol = ProtocolRepository.builtIn().resolve(file.toString());
        stored = DatasetResolver.resolve(SPEC, folder.resolve("data"), line -> { });
        procedural = DatasetResolver.resolve(DatasetResolver.PROCEDURAL_PREFIX + SPEC, folder.resolve("data"),
                line -> { });
    }

    @Test
    void theCountsAreTakenWhateverTheDatasetsSizeAndTheRestIsUnused() throws ProtocolException {
        IdentificationPlan plan = IdentificationPlan.build(protocol.identification().orElseThrow(), protocol.seed(),
                procedural, protocol.source());
        assertThat(plan.matedSubjects()).hasSize(5);
        assertThat(plan.nonMatedSubjects()).hasSize(5);
        assertThat(plan.distractors()).hasSize(25);
        assertThat(plan.unusedSubjects()).isEqualTo(5);
        // 30 enrolment templates, then 2 probes per mated and 3 per non-mated subject.
        assertThat(plan.templates()).hasSize(30 + 10 + 15);
        assertThat(plan.probes()).hasSize(25).startsWith(30);
        assertThat(plan.galleries()).extracting(g -> g.id() + ":" + g.templates().size())
                .containsExactly("G0000010:15", "G0000025:30");
        assertThat(plan.templates().get(31).samples().get(0).sampleId())
                .isEqualTo(plan.matedSubjects().get(0) + "-03");
        // The same plan on the files (whose samples differ only by their hashes).
        IdentificationPlan onFiles = IdentificationPlan.build(protocol.identification().orElseThrow(), protocol.seed(),
                stored, protocol.source());
        assertThat(onFiles.matedSubjects()).isEqualTo(plan.matedSubjects());
        assertThat(onFiles.nonMatedSubjects()).isEqualTo(plan.nonMatedSubjects());
        assertThat(onFiles.distractors()).isEqualTo(plan.distractors());
        assertThat(onFiles.templates()).extracting(t -> t.templateId() + "=" + t.samples().get(0).sampleId())
                .isEqualTo(plan.templates().stream().map(t -> t.templateId() + "=" + t.samples().get(0).sampleId())
                        .toList());
    }

    @Test
    void aDatasetThatCannotGiveTheProbeSetIsRefused() throws Exception {
        DatasetManifest single = DatasetResolver.resolve(DatasetResolver.PROCEDURAL_PREFIX
                + "synthetic:subjects=40,images=1,seed=11", folder.resolve("data"), line -> { });
        // One image each: no subject can be mated, and the walk fills the mated role first, so none is reached.
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> IdentificationPlan.build(
                protocol.identification().orElseThrow(), protocol.seed(), single, protocol.source()));
        assertThat(e.getMessage()).contains("identification.subject_counts: the dataset (40 subjects) gives 0 mated"
                + " subjects (each needs more than 1 images) and 0 non-mated subjects (the protocol needs 5 and 5)");
    }

    @Test
    void aProceduralDatasetRunsExactlyAsItsWrittenFiles(@TempDir Path runs) throws Exception {
        Path fromFiles = run(stored, runs.resolve("stored"));
        Path rendered = run(procedural, runs.resolve("procedural"));
        for (String file : List.of("templates.csv", "galleries.csv", "searches.csv", "candidates.csv")) {
            assertThat(withoutLatencies(rendered.resolve(file))).as(file)
                    .isEqualTo(withoutLatencies(fromFiles.resolve(file)));
        }
        assertThat(csv(rendered.resolve("galleries.csv"))).extracting(g -> g.get("distractor_subjects"))
                .containsExactly("10", "25");
        assertThat(csv(rendered.resolve("searches.csv"))).hasSize(2 * 25);
    }

    private static Path run(DatasetManifest manifest, Path runDir) throws Exception {
        new ProtocolRunner(Progress.silent()).run(new RunRequest("counts", protocol, manifest, SPEC,
                new LbpCompactSystemProvider(), Optional.empty(), runDir, 2));
        return runDir;
    }

    private static List<String> withoutLatencies(Path file) throws IOException {
        return csv(file).stream().map(r -> {
            return String.join(",", r.toMap().entrySet().stream().filter(e -> !e.getKey().equals("latency_ns"))
                    .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList());
        }).toList();
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
