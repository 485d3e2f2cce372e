package org.touchstone.protocols.importers.celeba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.importers.support.AttributeImport;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.support.SourceImage;

class CelebaFilesTest {
    @Test
    void readsAttributesIdentitiesAndPartitionsThroughTheByteOrderMarkAndPadding(@TempDir Path temp) throws Exception {
        new CelebaFixture(3, 4, 9L).write(temp);
        AttributeImport all = CelebaFiles.read(temp, "all");
        assertEquals(12, all.images().size());
        assertEquals(List.of("img_align_celeba/" + CelebaFixture.MISSING), all.missingImages());
        SourceImage first = all.images().get(0);
        assertEquals("000001.jpg", first.sampleId());
        assertEquals("celeba-" + CelebaFixture.FIRST_IDENTITY, first.subjectId());
        assertEquals("celeba-" + (CelebaFixture.FIRST_IDENTITY + 1), all.images().get(4).subjectId());
        // 6 standard labels + 40 vendor ones.
        assertEquals(46, first.labels().size());
        assertEquals("false", first.labels().get("beard"));
        assertEquals("true", first.labels().get("x-no_beard"));
        assertEquals(first.labels().get("sex").equals("male") ? "true" : "false", first.labels().get("x-male"));
        assertTrue(first.labels().containsKey("x-five_o_clock_shadow"));
        assertEquals(first.labels().get("smile"), first.labels().get("x-smiling"));
        // Each identity: 2 train, 1 valid, 1 test.
        assertEquals(3, CelebaFiles.read(temp, "test").images().size());
        assertEquals(List.of("000004.jpg", "000008.jpg", "000012.jpg"),
                CelebaFiles.read(temp, "test").images().stream().map(SourceImage::sampleId).toList());
        assertEquals(6, CelebaFiles.read(temp, "train").images().size());
    }

    @Test
    void aBadValueAndAMissingIdentityAreRefusedWithTheirLines(@TempDir Path temp) throws Exception {
        new CelebaFixture(2, 3, 9L).write(temp);
        Path attributes = temp.resolve(CelebaFiles.ATTRIBUTES);
        String text = Files.readString(attributes);
        Files.writeString(attributes, text.replaceFirst("000003\\.jpg( +-?1)", "000003.jpg 0"));
        ImportException value = assertThrows(ImportException.class, () -> CelebaFiles.read(temp, "all"));
        assertTrue(value.getMessage().endsWith("list_attr_celeba.txt:5: 5_o_Clock_Shadow (field 2): expected -1 or 1,"
                + " found '0'"), value.getMessage());
        Files.writeString(attributes, text);
        Path identities = temp.resolve(CelebaFiles.IDENTITIES);
        List<String> lines = Files.readAllLines(identities);
        Files.write(identities, lines.subList(0, lines.size() - 1));
        ImportException identity = assertThrows(ImportException.class, () -> CelebaFiles.read(temp, "all"));
        assertTrue(identity.getMessage().endsWith(":8: image 000006.jpg has no line in identity_CelebA.txt"),
                identity.getMessage());
    }

    @Test
    void aCountThatDisagreesIsRefused(@TempDir Path temp) throws Exception {
        new CelebaFixture(2, 3, 9L).write(temp);
        Path attributes = temp.resolve(CelebaFiles.ATTRIBUTES);
        Files.writeString(attributes, Files.readString(attributes).replaceFirst("6\n", "7\n"));
        ImportException e = assertThrows(ImportException.class, () -> CelebaFiles.read(temp, "all"));
        assertTrue(e.getMessage().endsWith(":1: declares 7 images but lists 6"), e.getMessage());
    }
}
