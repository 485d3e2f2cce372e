package org.touchstone.runner.engine.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.MegafaceChallengeSettings;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.importers.DatasetImporters;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.protocols.importers.megaface.MegafaceFixture;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.runformat.io.Sha256;

/** The roles megaface-c1 takes from an imported dataset's lists, and a list that names what the dataset lacks. */
class MegafacePlanTest {
    private static MegafaceChallengeSettings settings() throws ProtocolException {
        return ProtocolRepository.builtIn().resolve("megaface-c1@1.0.0").identification().orElseThrow()
                .megafaceChallenge().orElseThrow();
    }

    private static Path imported(Path temp) throws Exception {
        Path copy = MegafaceFixture.small().write(temp.resolve("copy"));
        var importer = DatasetImporters.load().get("megaface");
        ImportReport report = importer.importDataset(new ImportRequest(copy, temp.resolve("data"),
                DatasetImporters.options(importer, Map.of())));
        return report.manifest();
    }

    @Test
    void distractorListsBecomeGalleriesAndEachIdentityItsOwn(@TempDir Path temp) throws Exception {
        MegafacePlan plan = MegafacePlan.build(settings(), ManifestLoader.load(imported(temp)));
        assertThat(plan.sizes()).containsExactly(10, 100);
        assertThat(plan.missingSizes()).containsExactly(1_000, 10_000, 100_000, 1_000_000);
        // 100 distractors (the 10 are the first of the 100: one template each), then 18 FaceScrub images.
        assertThat(plan.plan().templates()).hasSize(118);
        assertThat(plan.plan().probes()).hasSize(18);
        assertThat(plan.plan().galleries()).extracting(IdentificationPlan.GalleryPlan::id).containsExactly("G0000010",
                "G0000100", "F00001", "F00002", "F00003", "F00004", "F00005", "F00006");
        assertThat(plan.plan().galleries().get(1).templates()).hasSize(100);
        assertThat(plan.plan().galleries().get(0).templates()).isEqualTo(plan.plan().galleries().get(1).templates()
                .subList(0, 10));
        // The second identity's gallery: its three images, searched by its three probes for all of them.
        assertThat(plan.plan().galleries().get(3).templates()).containsExactly(103, 104, 105);
        assertThat(plan.design().galleryProbes()[3]).containsExactly(3, 4, 5);
        assertThat(plan.design().candidateListLengths()).containsExactly(100, 100, 3, 3, 3, 3, 3, 3);
        assertThat(plan.design().galleryProbes()[0]).isNull();
        assertThat(plan.plan().templates().get(103).asEnrolment()).isTrue();
        assertThat(plan.plan().templates().get(103).asProbe()).isTrue();
        assertThat(plan.plan().templates().get(0).asProbe()).isFalse();
    }

    @Test
    void aListNamingASampleTheDatasetLacksIsAnErrorNamingFileAndLine(@TempDir Path temp) throws Exception {
        Path manifest = imported(temp);
        Path list = manifest.getParent().resolve(Files.readString(manifest).lines()
                .filter(l -> l.startsWith("# protocol-list: megaface-distractors-10 ")).findFirst().orElseThrow()
                .split(" ")[3]);
        String before = Sha256.hex(list);
        Files.writeString(list, Files.readString(list) + "megaface/nowhere.jpg\n");
        Files.writeString(manifest, Files.readString(manifest).replace(before, Sha256.hex(list)));
        ProtocolException e = catchThrowableOfType(ProtocolException.class,
                () -> MegafacePlan.build(settings(), ManifestLoader.load(manifest)));
        assertThat(e.getMessage()).contains(list.getFileName().toString()).contains(":12")
                .contains("sample 'megaface/nowhere.jpg' is not in the dataset");
    }
}
