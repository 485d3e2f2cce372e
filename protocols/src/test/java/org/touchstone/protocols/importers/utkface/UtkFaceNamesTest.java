package org.touchstone.protocols.importers.utkface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.importers.support.AttributeImport;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.support.SourceImage;

class UtkFaceNamesTest {
    @Test
    void labelsComeFromTheNamesAndTheKnownMalformedNameIsReportedNotGuessed(@TempDir Path temp) throws Exception {
        new UtkFaceFixture(6, 5L).write(temp);
        AttributeImport result = UtkFaceNames.read(temp);
        assertEquals(7, result.images().size());
        String malformed = UtkFaceNames.KNOWN_MALFORMED.get(0);
        assertEquals(1, result.reported().size());
        assertTrue(result.reported().get("UTKFace/" + malformed).contains("known malformed"));
        SourceImage kept = result.images().stream().filter(i -> i.sampleId().equals(malformed)).findFirst().orElseThrow();
        assertEquals("39", kept.labels().get("age"));
        assertEquals("female", kept.labels().get("sex"));
        assertEquals("30-39", kept.groups().get("age_band"));
        assertFalse(kept.groups().containsKey("race"));
        // A well-formed name: age, gender code and race code decoded.
        SourceImage any = result.images().stream().filter(i -> !i.sampleId().equals(malformed)).findFirst().orElseThrow();
        String[] fields = any.sampleId().split("_");
        assertEquals(fields[0], any.labels().get("age"));
        assertEquals(fields[1].equals("0") ? "male" : "female", any.labels().get("sex"));
        assertEquals(UtkFaceNames.RACES.get(Integer.parseInt(fields[2])), any.groups().get("race"));
        assertEquals("UTKFace/" + any.sampleId(), any.sourcePath());
        assertEquals(0, result.missingImages().size());
    }

    @Test
    void anUnknownNameShapeIsRefusedNamingTheFile(@TempDir Path temp) throws Exception {
        Path folder = new UtkFaceFixture(2, 5L).write(temp);
        Files.writeString(folder.resolve("25_2_0_20170109150557335.jpg.chip.jpg"), "x");
        ImportException e = assertThrows(ImportException.class, () -> UtkFaceNames.read(folder));
        assertTrue(e.getMessage().contains("25_2_0_20170109150557335.jpg.chip.jpg: not a UTKFace name"), e.getMessage());
    }

    @Test
    void anEmptyFolderIsNamed(@TempDir Path temp) {
        ImportException e = assertThrows(ImportException.class, () -> UtkFaceNames.read(temp));
        assertTrue(e.getMessage().contains("no UTKFace images"), e.getMessage());
    }
}
