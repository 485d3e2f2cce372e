package org.touchstone.protocols.importers.megaface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.support.ImportedDataset;
import org.touchstone.protocols.importers.support.SourceImage;

class MegafaceDevkitTest {
    @Test
    void readsProbesAndNestedDistractorListsAndCountsTheMissingOne(@TempDir Path temp) throws Exception {
        new MegafaceFixture(3, 2, 4L).write(temp.resolve("copy"));
        MegafaceDevkit.Result result = MegafaceDevkit.run(temp.resolve("copy"), MegafaceDevkit.DEFAULT_MEGAFACE_IMAGES,
                MegafaceDevkit.DEFAULT_FACESCRUB_IMAGES, new ImportedDataset("megaface", temp.resolve("copy"), temp.resolve("out")));
        assertEquals(6, result.probeImages());
        assertEquals(3, result.identities());
        assertEquals(Map.of(10, 10, 100, 100), result.distractorsBySize());
        // 6 probes + 100 distinct distractors (the 10 are the first of the 100).
        assertEquals(106, result.images().size());
        assertEquals(List.of("FlickrFinal2/" + MegafaceFixture.distractorPath(99)), result.missingImages());
        SourceImage probe = result.images().get(0);
        assertEquals("facescrub/Actor_A_Name/Actor_A_Name_1.png", probe.sampleId());
        assertEquals("facescrub-Actor_A_Name", probe.subjectId());
        assertEquals("facescrub_images/Actor_A_Name/Actor_A_Name_1.png", probe.sourcePath());
        SourceImage distractor = result.images().get(6);
        assertEquals("megaface/" + MegafaceFixture.distractorPath(0), distractor.sampleId());
        assertEquals("megaface-" + MegafaceFixture.distractorPath(0), distractor.subjectId());
        List<String> ten = Files.readAllLines(temp.resolve("out/lists").resolve(MegafaceDevkit.writtenDistractorList(10) + ".csv"));
        assertEquals(11, ten.size());
        assertEquals("megaface/" + MegafaceFixture.distractorPath(9), ten.get(10));
        List<String> probes = Files.readAllLines(temp.resolve("out/lists").resolve(MegafaceDevkit.PROBES + ".csv"));
        assertEquals("facescrub/Actor_C_Name/Actor_C_Name_2.png,Actor_C_Name", probes.get(6));
    }

    @Test
    void unequalParallelListsAndBrokenJsonAreRefused(@TempDir Path temp) throws Exception {
        new MegafaceFixture(2, 2, 4L).write(temp);
        Path list = temp.resolve("devkit/templatelists").resolve(MegafaceDevkit.FACESCRUB_LIST);
        Files.writeString(list, "{\"path\": [\"a/a_1.png\", \"a/a_2.png\"], \"id\": [\"a\"]}");
        ImportException unequal = assertThrows(ImportException.class, () -> MegafaceDevkit.run(temp,
                "FlickrFinal2", "facescrub_images", new ImportedDataset("megaface", temp, temp.resolve("out"))));
        assertTrue(unequal.getMessage().contains("'path' has 2 entries but 'id' has 1"), unequal.getMessage());
        Files.writeString(list, "{\"path\": [\"a/a_1.png\",\n \"a/a_2.png\" \"id\": []}");
        ImportException broken = assertThrows(ImportException.class, () -> MegafaceDevkit.run(temp,
                "FlickrFinal2", "facescrub_images", new ImportedDataset("megaface", temp, temp.resolve("out"))));
        assertEquals(2, broken.line());
        assertTrue(broken.getMessage().contains("not valid JSON"), broken.getMessage());
    }

    @Test
    void aFolderWithoutTheDevkitIsNamed(@TempDir Path temp) {
        ImportException e = assertThrows(ImportException.class, () -> MegafaceDevkit.run(temp,
                "FlickrFinal2", "facescrub_images", new ImportedDataset("megaface", temp, temp.resolve("out"))));
        assertTrue(e.getMessage().contains("not a MegaFace devkit"), e.getMessage());
    }
}
