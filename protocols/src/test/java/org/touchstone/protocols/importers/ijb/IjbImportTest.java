package org.touchstone.protocols.importers.ijb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.support.ImportedDataset;
import org.touchstone.protocols.importers.support.SourceImage;

class IjbImportTest {
    @TempDir
    static Path shared;
    static IjbFixture fixture = new IjbFixture(IjbVariant.IJBC, 6, 2, 2, 48, 7L, IjbFixture.Pixels.RENDERED);
    static Path release;

    @BeforeAll
    static void writeFixture() throws Exception {
        release = fixture.write(shared.resolve("copy"));
    }

    @Test
    void readsTheNativeLayoutAndWritesTemplateLists(@TempDir Path out) throws Exception {
        IjbImport.Result result = IjbImport.run(IjbRelease.locate(IjbVariant.IJBC, release.getParent()),
                new ImportedDataset("ijbc", release, out), "IJBC/");
        // 6 subjects x (1 gallery + 2 probe) templates x 2 images.
        assertEquals(36, result.images().size());
        assertEquals(18, result.templates());
        assertEquals(6, result.subjects());
        assertEquals(6 * 2, result.genuinePairs());
        assertEquals(6 * 5 * 2, result.impostorPairs());
        assertEquals(6, result.enrolmentTemplates());
        assertEquals(Map.of("G1", 3, "G2", 3), result.galleryTemplates());
        assertEquals(12, result.mixedProbes());
        assertEquals(List.of("loose_crop/" + fixture.missingImage()), result.missingImages());
        assertEquals(0, result.templatesWithoutImages());

        SourceImage first = result.images().get(0);
        assertEquals("1.jpg", first.sampleId());
        assertEquals("IJBC/loose_crop/1.jpg", first.sourcePath());
        assertEquals("ijbc-s" + IjbFixture.FIRST_SUBJECT_ID, first.subjectId());
        assertEquals(1, result.images().stream().filter(i -> !i.present()).count());

        List<String> pairs = Files.readAllLines(out.resolve("lists/ijbc-1to1.csv"));
        assertEquals("enrolment_template,probe_template,mated", pairs.get(0));
        assertEquals(1 + fixture.pairs(), pairs.size());
        // The file's order is kept: tid1 = 1 against subject 0's probes first (genuine), then subject 1's.
        assertEquals(List.of("1,7,true", "1,8,true", "1,9,false"), pairs.subList(1, 4));
        List<String> templates = Files.readAllLines(out.resolve("lists/ijbc-templates.csv"));
        assertEquals("template_id,sample_id,media_id", templates.get(0));
        assertEquals(37, templates.size());
        assertEquals(List.of("template_id", "1", "3", "5"), Files.readAllLines(out.resolve("lists/ijbc-gallery-G1.csv")));
    }

    @Test
    void withoutOneToNListsSubjectsComeFromGenuinePairs(@TempDir Path temp) throws Exception {
        Path copy = new IjbFixture(IjbVariant.IJBB, 3, 1, 2, 48, 7L, IjbFixture.Pixels.NONE).write(temp.resolve("copy"));
        for (String name : List.of("ijbb_1N_gallery_S1.csv", "ijbb_1N_gallery_S2.csv", "ijbb_1N_probe_mixed.csv")) {
            Files.delete(copy.resolve("meta").resolve(name));
        }
        IjbImport.Result result = IjbImport.run(IjbRelease.locate(IjbVariant.IJBB, copy),
                new ImportedDataset("ijbb", copy, temp.resolve("out")), "");
        assertEquals(3, result.subjects());
        assertTrue(result.galleryTemplates().isEmpty());
        // Templates 1 (gallery) and 4 (probe) are subject 0: named after the smallest template id.
        Map<String, String> subjectOfSample = result.images().stream()
                .collect(Collectors.toMap(SourceImage::sampleId, SourceImage::subjectId));
        assertEquals("ijbb-t1", subjectOfSample.get("1.jpg"));
        assertEquals("ijbb-t1", subjectOfSample.get("3.jpg"));
        assertEquals("ijbb-t2", subjectOfSample.get("5.jpg"));
        // Rendering was off: every image is missing, and every template is a failure to acquire.
        assertEquals(12, result.missingImages().size());
        assertEquals(6, result.templatesWithoutImages());
    }

    @Test
    void malformedPairLineIsRefusedWithFileAndLine(@TempDir Path temp) throws Exception {
        Path copy = new IjbFixture(IjbVariant.IJBC, 3, 1, 2, 48, 7L, IjbFixture.Pixels.NONE).write(temp.resolve("copy"));
        Path pairs = copy.resolve("meta/ijbc_template_pair_label.txt");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(pairs));
        lines.set(4, "2 5 yes");
        Files.write(pairs, lines, StandardCharsets.UTF_8);
        ImportException e = assertThrows(ImportException.class,
                () -> IjbImport.run(IjbRelease.locate(IjbVariant.IJBC, copy),
                        new ImportedDataset("ijbc", copy, temp.resolve("out")), ""));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("ijbc_template_pair_label.txt:5: label (field 3): expected 1 (genuine) or 0"),
                e.getMessage());
        assertFalse(Files.exists(temp.resolve("out/lists/ijbc-templates.csv")));
    }

    @Test
    void aPairOfAnUnknownTemplateIsRefused(@TempDir Path temp) throws Exception {
        Path copy = new IjbFixture(IjbVariant.IJBC, 3, 1, 2, 48, 7L, IjbFixture.Pixels.NONE).write(temp.resolve("copy"));
        Files.writeString(copy.resolve("meta/ijbc_template_pair_label.txt"), "1 999 0\n", StandardOpenOptionAppend.APPEND);
        ImportException e = assertThrows(ImportException.class,
                () -> IjbImport.run(IjbRelease.locate(IjbVariant.IJBC, copy),
                        new ImportedDataset("ijbc", copy, temp.resolve("out")), ""));
        assertTrue(e.getMessage().contains(":10: tid2: template 999 has no images in ijbc_face_tid_mid.txt"), e.getMessage());
    }

    @Test
    void anImpostorLabelContradictingTheSubjectsIsRefused(@TempDir Path temp) throws Exception {
        Path copy = new IjbFixture(IjbVariant.IJBC, 3, 1, 2, 48, 7L, IjbFixture.Pixels.NONE).write(temp.resolve("copy"));
        // Template 4 is subject 0's probe; 1 and 4 are genuine on line 1, so "4 1 0" contradicts them.
        Files.writeString(copy.resolve("meta/ijbc_template_pair_label.txt"), "4 1 0\n", StandardOpenOptionAppend.APPEND);
        ImportException e = assertThrows(ImportException.class,
                () -> IjbImport.run(IjbRelease.locate(IjbVariant.IJBC, copy),
                        new ImportedDataset("ijbc", copy, temp.resolve("out")), ""));
        assertEquals(10, e.line());
        assertTrue(e.getMessage().contains("labelled impostor (0)"), e.getMessage());
    }

    @Test
    void aDuplicatedImageAndAWrongFieldCountAreRefused(@TempDir Path temp) throws Exception {
        Path copy = new IjbFixture(IjbVariant.IJBC, 3, 1, 2, 48, 7L, IjbFixture.Pixels.NONE).write(temp.resolve("copy"));
        Path faces = copy.resolve("meta/ijbc_face_tid_mid.txt");
        Files.writeString(faces, "1.jpg 1 60002\n", StandardOpenOptionAppend.APPEND);
        ImportException twice = assertThrows(ImportException.class,
                () -> IjbRelease.locate(IjbVariant.IJBC, copy).faces());
        assertTrue(twice.getMessage().endsWith(":13: image '1.jpg' is listed twice (first on line 1); each image"
                + " belongs to one template"), twice.getMessage());
        Files.writeString(faces, "1.jpg 1\n");
        ImportException fields = assertThrows(ImportException.class,
                () -> IjbRelease.locate(IjbVariant.IJBC, copy).faces());
        assertTrue(fields.getMessage().endsWith(":1: expected 3 fields (image_name template_id media_id), found 2:"
                + " '1.jpg 1'"), fields.getMessage());
    }

    @Test
    void aFolderThatIsNotAReleaseIsNamed(@TempDir Path temp) {
        ImportException e = assertThrows(ImportException.class,
                () -> IjbRelease.locate(IjbVariant.IJBC, temp));
        assertTrue(e.getMessage().contains("not an IJBC release: expected meta/ijbc_face_tid_mid.txt"), e.getMessage());
    }

    /** Short name for appending in these tests. */
    private static final class StandardOpenOptionAppend {
        static final java.nio.file.StandardOpenOption APPEND = java.nio.file.StandardOpenOption.APPEND;
    }
}
