package org.touchstone.protocols.importers.fairface;

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
import org.touchstone.protocols.importers.support.AttributeImport;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.support.SourceImage;

class FairFaceLabelsTest {
    @Test
    void readsBothSplitsWithTheirSpellingsAndCountsTheMissingImage(@TempDir Path temp) throws Exception {
        FairFaceFixture fixture = new FairFaceFixture(5, 3, 3L);
        fixture.write(temp);
        AttributeImport result = FairFaceLabels.read(temp);
        assertEquals(8, result.images().size());
        assertEquals(List.of(FairFaceFixture.IMAGE_FOLDER + "/" + FairFaceFixture.MISSING), result.missingImages());
        SourceImage fourth = result.images().get(3);
        assertEquals("train/4.jpg", fourth.sampleId());
        assertEquals(FairFaceFixture.IMAGE_FOLDER + "/train/4.jpg", fourth.sourcePath());
        // Races cycle through the seven spellings: the fourth is "East Asian", with its space.
        assertEquals("East Asian", fourth.groups().get("race"));
        assertEquals(fourth.labels().get("sex"), fourth.groups().get("sex"));
        assertTrue(List.of("male", "female").contains(fourth.labels().get("sex")));
        // 8 images, races 0..6 then 0 again.
        Map<String, Integer> byRace = result.countBy("race");
        assertEquals(2, byRace.get("White"));
        assertEquals(1, byRace.get("Middle Eastern"));
        assertEquals(8, result.countBy("age_band").values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void aValueOutsideTheVocabularyIsRefusedWithItsLine(@TempDir Path temp) throws Exception {
        new FairFaceFixture(3, 2, 3L).write(temp);
        Path val = temp.resolve("fairface_label_val.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(val));
        lines.set(2, "val/2.jpg,70+,Male,White,False");
        Files.write(val, lines);
        ImportException e = assertThrows(ImportException.class, () -> FairFaceLabels.read(temp));
        assertTrue(e.getMessage().endsWith("fairface_label_val.csv:3: age: expected one of 0-2, 3-9, 10-19, 20-29,"
                + " 30-39, 40-49, 50-59, 60-69, more than 70, found '70+'"), e.getMessage());
    }

    @Test
    void aWrongHeaderOrFieldCountIsRefused(@TempDir Path temp) throws Exception {
        new FairFaceFixture(3, 2, 3L).write(temp);
        Path train = temp.resolve("fairface_label_train.csv");
        Files.writeString(train, "file,age,gender,race\ntrain/1.jpg,3-9,Male,White\n");
        ImportException header = assertThrows(ImportException.class, () -> FairFaceLabels.read(temp));
        assertTrue(header.getMessage().endsWith(":1: expected the header file,age,gender,race,service_test, found"
                + " 'file,age,gender,race'"), header.getMessage());
        Files.writeString(train, "file,age,gender,race,service_test\ntrain/1.jpg,3-9,Male\n");
        ImportException fields = assertThrows(ImportException.class, () -> FairFaceLabels.read(temp));
        assertTrue(fields.getMessage().contains(":2: expected 5 fields"), fields.getMessage());
    }

    @Test
    void aFolderWithoutLabelFilesIsNamed(@TempDir Path temp) {
        ImportException e = assertThrows(ImportException.class, () -> FairFaceLabels.read(temp));
        assertTrue(e.getMessage().contains("no FairFace label file: expected fairface_label_train.csv or"
                + " fairface_label_val.csv"), e.getMessage());
    }
}
