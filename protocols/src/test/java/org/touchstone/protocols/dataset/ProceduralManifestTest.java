package org.touchstone.protocols.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.runformat.io.Sha256;
import org.touchstone.protocols.dataset.SyntheticDatasetWriter;
import org.touchstone.protocols.synthetic.SyntheticFaceRenderer;
import org.touchstone.protocols.synthetic.SyntheticSpec;

/** A procedural manifest is the written dataset of the same spec, without the files. */
class ProceduralManifestTest {
    private static final SyntheticSpec SPEC = SyntheticSpec.parse("synthetic:subjects=12,images=2,seed=7");

    @TempDir
    static Path folder;
    private static DatasetManifest stored;
    private static DatasetManifest procedural;
    private static Path proceduralFile;

    @BeforeAll
    static void writeBoth() throws Exception {
        stored = ManifestLoader.load(SyntheticDatasetWriter.write(SPEC, folder.resolve("stored")));
        proceduralFile = SyntheticDatasetWriter.writeProcedural(SPEC, folder.resolve("procedural"));
        procedural = ManifestLoader.load(proceduralFile);
    }

    @Test
    void theFileNamesGeneratorSpecAndTheHashesOfFourImages() throws IOException {
        List<String> lines = Files.readAllLines(proceduralFile);
        assertThat(lines).hasSize(7);
        assertThat(lines.subList(0, 3)).containsExactly("# touchstone-manifest 1",
                "# procedural: touchstone-synthetic " + SyntheticFaceRenderer.GENERATOR_VERSION,
                "# spec: " + SPEC.canonical());
        // First, last and two in between, each with the hash its written file has.
        assertThat(lines.subList(3, 7)).extracting(l -> l.split(" ")[2])
                .containsExactly("S00001-01", "S00004-02", "S00008-02", "S00012-02");
        for (String line : lines.subList(3, 7)) {
            String[] parts = line.split(" ");
            assertThat(parts[3]).isEqualTo(stored.sample(parts[2]).orElseThrow().sha256());
        }
        assertThat(Files.list(proceduralFile.getParent())).containsExactly(proceduralFile);
    }

    @Test
    void itsSamplesAreTheWrittenDatasetsWithoutTheirHashes() throws IOException {
        assertThat(procedural.proceduralSpec()).contains(SPEC);
        assertThat(stored.proceduralSpec()).isEmpty();
        assertThat(procedural.samples()).hasSize(24);
        assertThat(procedural.subjectCount()).isEqualTo(12);
        assertThat(procedural.subjectIds()).isEqualTo(stored.subjectIds());
        assertThat(procedural.labelColumns()).isEqualTo(stored.labelColumns());
        assertThat(procedural.groupColumns()).isEqualTo(stored.groupColumns());
        for (int i = 0; i < 24; i++) {
            Sample s = stored.samples().get(i);
            Sample p = procedural.samples().get(i);
            assertThat(p).isEqualTo(new Sample(s.sampleId(), s.subjectId(), s.path(), "", s.labels(), s.groups()));
            assertThat(Sha256.hex(procedural.readImage(p))).isEqualTo(s.sha256());
        }
        assertThat(procedural.samplesOf(4)).isEqualTo(procedural.samples().subList(8, 10));
        assertThat(procedural.sample("S00005-02")).contains(procedural.samples().get(9));
        assertThat(procedural.sample("S00013-01")).isEmpty();
        int subject = 0;
        for (var entry : procedural.samplesBySubject().entrySet()) {
            assertThat(entry.getKey()).isEqualTo(stored.subjectIds().get(subject));
            assertThat(entry.getValue()).isEqualTo(procedural.samplesOf(subject++));
        }
        assertThat(subject).isEqualTo(12);
        assertThat(List.copyOf(procedural.samplesBySubject().keySet())).isEqualTo(stored.subjectIds());
        assertThat(procedural.samplesBySubject().get("S00003")).isEqualTo(procedural.samplesOf(2));
        assertThat(procedural.samplesBySubject().containsKey("S00013")).isFalse();
    }

    @Test
    void aMillionSubjectsCostNothingUntilUsed() throws Exception {
        Path file = SyntheticDatasetWriter.writeProcedural(SyntheticSpec.parse(
                "synthetic:subjects=1002000,images=3,seed=7"), folder.resolve("million"));
        DatasetManifest million = ManifestLoader.load(file);
        assertThat(million.samples()).hasSize(3_006_000);
        assertThat(million.subjectCount()).isEqualTo(1_002_000);
        assertThat(million.samplesOf(1_001_999).get(2).sampleId()).isEqualTo("S1002000-03");
    }

    private static List<String> problems(String... lines) throws IOException {
        Path file = folder.resolve("bad.csv");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return catchThrowableOfType(ManifestException.class, () -> ManifestLoader.load(file)).problems().stream()
                .map(p -> p.toString().substring(file.toAbsolutePath().toString().length() + 1)).toList();
    }

    @Test
    void generatorVersionSpecChecksAndRowsAreValidated() throws IOException {
        String version = "# procedural: touchstone-synthetic " + SyntheticFaceRenderer.GENERATOR_VERSION;
        String spec = "# spec: " + SPEC.canonical();
        assertThat(problems("# touchstone-manifest 1", "# procedural: touchstone-synthetic 999", spec))
                .singleElement().asString().startsWith("2: made for generator 'touchstone-synthetic 999', but this"
                        + " version of Touchstone renders 'touchstone-synthetic " + SyntheticFaceRenderer.GENERATOR_VERSION);
        assertThat(problems("# touchstone-manifest 1", "# procedural: other-faces 1", spec)).containsExactly(
                "2: unknown generator 'other-faces 1': this version of Touchstone renders 'touchstone-synthetic "
                        + SyntheticFaceRenderer.GENERATOR_VERSION + "'");
        assertThat(problems("# touchstone-manifest 1", version)).containsExactly("2: a procedural manifest needs a"
                + " '# spec: synthetic:...' line naming what to render");
        assertThat(problems("# touchstone-manifest 1", version, "# spec: synthetic:subjects=5,images=2,seed=7"))
                .containsExactly("3: synthetic spec key 'subjects' must be 10..10000000, was 5");
        assertThat(problems("# touchstone-manifest 1", version, spec, "sample_id,subject_id,path,sha256"))
                .containsExactly("4: a procedural manifest has no header row and no samples: its samples are those"
                        + " of its spec");
        assertThat(problems("# touchstone-manifest 1", version, spec, "# check: S00001-01 abc",
                "# check: S00099-01 " + "0".repeat(64))).containsExactly(
                "4: expected 'check: SAMPLE_ID SHA256' (64 lower-case hex digits), found 'check: S00001-01 abc'",
                "5: 'S00099-01' is not a sample of " + SPEC.canonical());
    }

    @Test
    void anImageThatRendersDifferentlyIsCaughtUnlessOnlyExistenceIsChecked() throws Exception {
        Path file = folder.resolve("tampered.csv");
        String hash = stored.sample("S00002-01").orElseThrow().sha256();
        String wrong = (hash.charAt(0) == '0' ? "1" : "0") + hash.substring(1);
        Files.writeString(file, "# touchstone-manifest 1\n# procedural: touchstone-synthetic "
                + SyntheticFaceRenderer.GENERATOR_VERSION + "\n# spec: " + SPEC.canonical() + "\n# check: S00002-01 "
                + wrong + "\n");
        assertThat(catchThrowableOfType(ManifestException.class, () -> ManifestLoader.load(file)).problems())
                .singleElement().asString().contains(":4: sha256: SHA-256 mismatch for S00002-01: the manifest says "
                        + wrong + " but this JDK renders it as " + hash);
        assertThat(ManifestLoader.load(file, HashCheck.EXISTENCE_ONLY).samples()).hasSize(24);
    }

    @Test
    void largeSpecsAreNotWrittenAsFiles() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> SyntheticDatasetWriter.write(
                SyntheticSpec.parse("synthetic:subjects=100001,images=1,seed=7"), folder.resolve("big"))))
                .hasMessageContaining("more than 100000 subjects are not written as files (100001 asked): make it"
                        + " procedural");
    }
}
