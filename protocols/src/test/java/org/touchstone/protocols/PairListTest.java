package org.touchstone.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.ManifestWriter;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.runformat.io.Sha256;

class PairListTest {
    private static final String HEADER = "enrolment_samples,probe_samples";

    @TempDir
    Path dir;
    private DatasetManifest manifest;
    private Path pairs;

    /** Subject p1 has samples s1, s2; subject p2 has s3, s4. */
    @BeforeEach
    void writeDataset() throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Path image = Files.writeString(dir.resolve("s" + i + ".png"), "image " + i);
            samples.add(new Sample("s" + i, i <= 2 ? "p1" : "p2", "s" + i + ".png", Sha256.hex(image), Map.of(), Map.of()));
        }
        ManifestWriter.write(dir.resolve("manifest.csv"), List.of(), samples);
        manifest = ManifestLoader.load(dir.resolve("manifest.csv"));
        pairs = dir.resolve("pairs.csv");
    }

    private List<String> problems(String... lines) throws Exception {
        Files.writeString(pairs, String.join("\n", lines) + "\n");
        return catchThrowableOfType(ProtocolException.class, () -> PairList.load(pairs, manifest)).problems()
                .stream().map(ProtocolProblem::toString).toList();
    }

    @Test
    void readsPairsInOrderAndMarksMatedOnes() throws Exception {
        Files.writeString(pairs, "# hand-picked pairs\n" + HEADER + "\ns1,s2\ns1;s2,s3;s4\r\ns4,s1;s2\n");

        assertThat(PairList.load(pairs, manifest)).containsExactly(
                new TemplatePair(List.of("s1"), List.of("s2"), true),
                new TemplatePair(List.of("s1", "s2"), List.of("s3", "s4"), false),
                new TemplatePair(List.of("s4"), List.of("s1", "s2"), false));
    }

    @Test
    void unknownSampleId() throws Exception {
        assertThat(problems(HEADER, "s1,s9")).containsExactly(pairs + ":2: probe_samples: unknown sample id 's9':"
                + " not in " + manifest.file());
    }

    @Test
    void samplesOfDifferentSubjectsOnOneSide() throws Exception {
        assertThat(problems(HEADER, "s1;s3,s2")).containsExactly(pairs + ":2: enrolment_samples: samples of"
                + " different subjects on one side (s1 shows p1, s3 shows p2); a template shows one subject");
    }

    @Test
    void emptySideAndEmptyId() throws Exception {
        assertThat(problems(HEADER, ",s2", "s1;,s2")).containsExactly(
                pairs + ":2: enrolment_samples: empty; expected one or more sample ids of one subject, separated"
                        + " by ';'",
                pairs + ":3: enrolment_samples: empty sample id in 's1;'");
    }

    @Test
    void duplicatePairNamesTheFirstLine() throws Exception {
        assertThat(problems(HEADER, "s1,s2", "s3,s4", "s1,s2")).containsExactly(
                pairs + ":4: duplicate pair (first on line 2)");
    }

    @Test
    void sampleOnBothSidesOrTwiceOnOne() throws Exception {
        assertThat(problems(HEADER, "s1;s2,s2", "s3;s3,s1")).containsExactly(
                pairs + ":2: sample s2 is on both sides; a sample is never compared with itself",
                pairs + ":3: enrolment_samples: sample 's3' is listed twice");
    }

    @Test
    void wrongHeaderOrCellCount() throws Exception {
        assertThat(problems("enrolment,probe", "s1,s2")).containsExactly(
                pairs + ":1: expected the header enrolment_samples,probe_samples, found 'enrolment,probe'");
        assertThat(problems(HEADER, "s1,s2,s3")).containsExactly(
                pairs + ":2: the row has 3 cells, expected 2 (enrolment_samples,probe_samples)");
    }

    @Test
    void noPairs() throws Exception {
        assertThat(problems("# none", HEADER)).containsExactly(
                pairs + ":2: the pair list has no pairs: expected rows after the header");
    }

    @Test
    void everyProblemIsReported() throws Exception {
        assertThat(problems(HEADER, "s1,s9", "s2,s3", "x;s1,", "s2,s3")).containsExactly(
                pairs + ":2: probe_samples: unknown sample id 's9': not in " + manifest.file(),
                pairs + ":4: enrolment_samples: unknown sample id 'x': not in " + manifest.file(),
                pairs + ":4: probe_samples: empty; expected one or more sample ids of one subject, separated by ';'",
                pairs + ":5: duplicate pair (first on line 3)");
    }
}
