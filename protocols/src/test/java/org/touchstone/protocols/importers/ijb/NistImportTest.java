package org.touchstone.protocols.importers.ijb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.protocols.importers.DatasetImporter;
import org.touchstone.protocols.importers.DatasetImporters;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;

/**
 * NIST's IJB layout on its generated fixture: both file sets, the crops (geometry and pixels), the faces that fail
 * to acquire with their reasons, and the structural problems refused with file and line.
 */
class NistImportTest {
    @TempDir
    static Path shared;
    static final NistFixture FIXTURE = NistFixture.small(IjbVariant.IJBC);
    static Path copy;

    @BeforeAll
    static void writeFixture() throws Exception {
        copy = FIXTURE.write(shared.resolve("copy"));
    }

    static ImportReport importCopy(Path source, Path out, Map<String, String> with) throws Exception {
        DatasetImporter importer = DatasetImporters.load().get("ijbc");
        return importer.importDataset(new ImportRequest(source, out, DatasetImporters.options(importer, with)));
    }

    /** The crops list's rows by sample id: the columns by name. */
    static Map<String, Map<String, String>> crops(Path out) throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("lists/ijbc-crops.csv"));
        String[] header = lines.get(0).split(",");
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(header.length, cells.length, line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.put(row.get("sample_id"), row);
        }
        return rows;
    }

    @Test
    void theNewerLayoutBecomesTheSameListsWithOneFacePerImage(@TempDir Path out) throws Exception {
        ImportReport report = importCopy(shared.resolve("copy"), out, Map.of());
        int subjects = FIXTURE.subjects();
        // Per subject: 2 gallery + 2 group + 3 video faces, all distinct (frame, box).
        int faces = subjects * 7;
        DatasetManifest manifest = ManifestLoader.load(report.manifest());
        assertEquals(faces, manifest.samples().size());
        assertEquals(subjects, manifest.subjectCount());
        assertEquals(out.toAbsolutePath().normalize(), manifest.root());
        // Three quirks fail: the missing frame, the box outside its frame, the empty FACE_WIDTH.
        assertEquals(3, manifest.missingSamples().size());
        Map<String, Map<String, String>> crops = crops(out);
        Map<String, Long> statuses = crops.values().stream().collect(Collectors.groupingBy(
                r -> r.get("status").replaceAll(":.*", ""), Collectors.counting()));
        assertEquals(Map.of("ok", (long) faces - 3, "frame missing", 1L, "bad box", 2L), statuses);
        assertTrue(crops.values().stream().anyMatch(r -> r.get("status").equals("frame missing: images/"
                + FIXTURE.missingFrame())));
        assertTrue(crops.values().stream().anyMatch(r -> r.get("status").equals("bad box: outside the 192x128 frame")));
        assertTrue(crops.values().stream().anyMatch(r -> r.get("status").equals("bad box: FACE_WIDTH is empty")));
        for (Sample sample : manifest.samples()) {
            boolean ok = crops.get(sample.sampleId()).get("status").equals("ok");
            assertEquals(ok, Files.isRegularFile(out.resolve(sample.path())), sample.sampleId());
            assertEquals(ok, !sample.sha256().equals(Sample.MISSING), sample.sampleId());
        }

        // Geometry: a 64-pixel box at (16, 32) enlarged by 0.2 each side: [3, 93) x [19, 109), 90 x 90.
        Map<String, String> first = crops.get("1.png");
        assertEquals("img/1000.jpg", first.get("filename"));
        assertEquals(List.of("3", "19", "90", "90"), List.of(first.get("crop_x"), first.get("crop_y"),
                first.get("crop_width"), first.get("crop_height")));
        // Subject 3's second gallery box at x = 150 runs past the 192-pixel frame: clipped to [137, 192).
        Map<String, String> clipped = crops.values().stream().filter(r -> r.get("face_x").equals("150")).findFirst()
                .orElseThrow();
        assertEquals(List.of("137", "19", "55", "90"), List.of(clipped.get("crop_x"), clipped.get("crop_y"),
                clipped.get("crop_width"), clipped.get("crop_height")));
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("1 box(es) extend past their frame")), report.notes()
                .toString());

        // Pixels: a crop of a PNG video frame is exactly the frame's region (lossless both ways).
        Map<String, String> video = crops.values().stream().filter(r -> r.get("filename").equals("frames/3000.png"))
                .findFirst().orElseThrow();
        BufferedImage frame = ImageIO.read(copy.resolve("images/frames/3000.png").toFile());
        BufferedImage crop = ImageIO.read(out.resolve(video.get("crop")).toFile());
        assertEquals(90, crop.getWidth());
        assertArrayEquals(frame.getRGB(3, 19, 90, 90, null, 0, 90), crop.getRGB(0, 0, 90, 90, null, 0, 90));

        // One group still holds two annotated faces of two subjects, cropped separately.
        List<Map<String, String>> group = crops.values().stream().filter(r -> r.get("filename").equals("img/2000.jpg"))
                .toList();
        assertEquals(2, group.size());
        assertEquals(2, group.stream().map(r -> manifest.sample(r.get("sample_id")).orElseThrow().subjectId())
                .distinct().count());

        // The lists the protocols read: 12 gallery x 24 probe templates; genuine by SUBJECT_ID.
        List<String> pairs = Files.readAllLines(out.resolve("lists/ijbc-1to1.csv"));
        assertEquals("enrolment_template,probe_template,mated", pairs.get(0));
        assertEquals(1 + 12 * 24, pairs.size());
        assertEquals(24, pairs.stream().filter(p -> p.endsWith(",true")).count());
        assertEquals(FIXTURE.galleryTemplate(0) + "," + FIXTURE.stillProbeTemplate(0) + ",true", pairs.get(1));
        assertEquals(List.of("template_id", "1", "3", "5", "7", "9", "11"),
                Files.readAllLines(out.resolve("lists/ijbc-gallery-G1.csv")));
        assertEquals(1 + 24, Files.readAllLines(out.resolve("lists/ijbc-probes-mixed.csv")).size());
        List<String> templates = Files.readAllLines(out.resolve("lists/ijbc-templates.csv"));
        assertEquals("template_id,sample_id,media_id", templates.get(0));
        // Each face belongs to one template here: one row each.
        assertEquals(1 + faces, templates.size());
    }

    @Test
    void theOlderFileSetKeepsTheSightingsOfAVideo(@TempDir Path out) throws Exception {
        importCopy(shared.resolve("copy"), out, Map.of("nist-1to1", "files"));
        List<String> pairs = Files.readAllLines(out.resolve("lists/ijbc-1to1.csv"));
        assertEquals(1 + 12 * 24, pairs.size());
        List<String> video = Files.readAllLines(out.resolve("lists/ijbc-templates.csv")).stream()
                .filter(l -> l.startsWith(FIXTURE.videoProbeTemplate(4) + ",")).toList();
        assertEquals(3, video.size());
        assertTrue(video.stream().allMatch(l -> l.endsWith(",5004")), video.toString());
    }

    @Test
    void testTwoIsTheOtherOneToOneSet(@TempDir Path out) throws Exception {
        importCopy(shared.resolve("copy"), out, Map.of("nist-1to1", "test2", "layout", "nist"));
        List<String> pairs = Files.readAllLines(out.resolve("lists/ijbc-1to1.csv"));
        assertEquals(1 + 12 * 12, pairs.size());
        assertEquals(12, pairs.stream().filter(p -> p.endsWith(",true")).count());
    }

    @Test
    void undecodableAndOversizedFramesAreFailuresToAcquire(@TempDir Path temp) throws Exception {
        Path root = NistFixture.small(IjbVariant.IJBC).write(temp.resolve("copy"));
        Files.write(root.resolve("images/frames/3010.png"), "not an image".getBytes(StandardCharsets.UTF_8));
        importCopy(temp.resolve("copy"), temp.resolve("a"), Map.of());
        assertTrue(crops(temp.resolve("a")).values().stream().anyMatch(r -> r.get("filename").equals("frames/3010.png")
                && r.get("status").startsWith("frame undecodable")));

        // A limit below the 192 x 128 frames: every face fails, from the header, and the import still completes.
        // Into the same folder: the crops the first import made are removed, the faces now failing stay missing.
        ImportReport report = importCopy(temp.resolve("copy"), temp.resolve("a"), Map.of("max-pixels", "20000"));
        assertEquals(12 * 7, report.missingImages().size());
        assertTrue(crops(temp.resolve("a")).values().stream().filter(r -> !r.get("filename").equals("frames/3010.png")
                && !r.get("filename").equals(FIXTURE.missingFrame()) && !r.get("status").contains("FACE_WIDTH"))
                .allMatch(r -> r.get("status").startsWith("frame oversized")));
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("could not be cropped")));
        try (var left = Files.list(temp.resolve("a/crops"))) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void structuralProblemsAreRefusedWithFileAndLine(@TempDir Path temp) throws Exception {
        Path root = NistFixture.small(IjbVariant.IJBC).write(temp.resolve("copy"));
        Path enrol = root.resolve("protocols/test1/enroll_templates.csv");
        List<String> original = Files.readAllLines(enrol);

        Files.write(enrol, replace(original, 0, "TEMPLATE_ID,SUBJECT_ID,FILENAME,FACE_Y,FACE_WIDTH,FACE_HEIGHT"));
        ImportException e = assertThrows(ImportException.class, () -> importCopy(temp.resolve("copy"), temp.resolve("o"),
                Map.of()));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("[FACE_X]"), e.getMessage());

        Files.write(enrol, replace(original, 3, "x1,100,img/1010.jpg,16,32,64,64"));
        e = assertThrows(ImportException.class, () -> importCopy(temp.resolve("copy"), temp.resolve("o"), Map.of()));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("TEMPLATE_ID: expected a whole number, found 'x1'"), e.getMessage());

        Files.write(enrol, replace(original, 3, "2,101,img/1010.jpg"));
        e = assertThrows(ImportException.class, () -> importCopy(temp.resolve("copy"), temp.resolve("o"), Map.of()));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("expected at least 7"), e.getMessage());

        Files.write(enrol, replace(original, 4, "2,999,img/1010.jpg,16,32,64,64"));
        e = assertThrows(ImportException.class, () -> importCopy(temp.resolve("copy"), temp.resolve("o"), Map.of()));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("template 2 shows subject 999 here but subject 101"), e.getMessage());
        Files.write(enrol, original);

        Path match = root.resolve("protocols/test1/match.csv");
        List<String> matches = Files.readAllLines(match);
        Files.write(match, replace(matches, 1, "1,777"));
        e = assertThrows(ImportException.class, () -> importCopy(temp.resolve("copy"), temp.resolve("o"), Map.of()));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("VERIF_TEMPLATE_ID: template 777 is in none of the template lists"),
                e.getMessage());
        Files.write(match, replace(matches, 1, "1;101"));
        e = assertThrows(ImportException.class, () -> importCopy(temp.resolve("copy"), temp.resolve("o"), Map.of()));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("expected 2 fields"), e.getMessage());
        assertTrue(Files.notExists(temp.resolve("o/manifest.csv")), "no manifest after a refused import");
    }

    @Test
    void autoTellsTheLayoutsApartAndNamesBothWhenNeitherIsThere(@TempDir Path temp) throws Exception {
        ImportException e = assertThrows(ImportException.class, () -> importCopy(temp, temp.resolve("o"), Map.of()));
        assertTrue(e.getMessage().contains("neither insightface's IJB_release nor NIST's layout"), e.getMessage());
        e = assertThrows(ImportException.class, () -> importCopy(temp, temp.resolve("o"), Map.of("layout", "nist")));
        assertTrue(e.getMessage().contains("not NIST's IJB-C layout"), e.getMessage());
        assertEquals(copy, NistLayout.locate(IjbVariant.IJBC, shared.resolve("copy")).root());
        assertEquals(NistLayout.FileSet.TEST1, NistLayout.locate(IjbVariant.IJBC, copy).defaultFileSet());
    }

    @Test
    void ijbbNamesItsGalleriesS1AndS2(@TempDir Path temp) throws Exception {
        NistFixture.small(IjbVariant.IJBB).write(temp.resolve("copy"));
        DatasetImporter importer = DatasetImporters.load().get("ijbb");
        importer.importDataset(new ImportRequest(temp.resolve("copy"), temp.resolve("o"), DatasetImporters.options(
                importer, Map.of("nist-1to1", "files"))));
        assertEquals(List.of("template_id", "2", "4", "6", "8", "10", "12"),
                Files.readAllLines(temp.resolve("o/lists/ijbb-gallery-S2.csv")));
        assertEquals(1 + 12 * 24, Files.readAllLines(temp.resolve("o/lists/ijbb-1to1.csv")).size());

        // test4's IJB-B names are unconfirmed: a copy naming them G1 and G2 gives the same galleries S1 and S2.
        Path test4 = temp.resolve("copy/IJB-B/protocols/test4");
        Files.move(test4.resolve("gallery_S1.csv"), test4.resolve("gallery_G1.csv"));
        Files.move(test4.resolve("gallery_S2.csv"), test4.resolve("gallery_G2.csv"));
        importer.importDataset(new ImportRequest(temp.resolve("copy"), temp.resolve("p"), DatasetImporters.options(
                importer, Map.of())));
        assertEquals(List.of("template_id", "2", "4", "6", "8", "10", "12"),
                Files.readAllLines(temp.resolve("p/lists/ijbb-gallery-S2.csv")));
    }

    @Test
    void theFullHeaderHasNistsColumnCount() throws Exception {
        List<String> lines = Files.readAllLines(copy.resolve("protocols/ijbc_1N_probe_mixed.csv"));
        int columns = lines.get(0).split(",", -1).length;
        assertEquals(34, columns);
        assertTrue(lines.stream().allMatch(l -> l.split(",", -1).length == columns));
    }

    private static List<String> replace(List<String> lines, int index, String line) {
        List<String> copy = new java.util.ArrayList<>(lines);
        copy.set(index, line);
        return copy;
    }
}
