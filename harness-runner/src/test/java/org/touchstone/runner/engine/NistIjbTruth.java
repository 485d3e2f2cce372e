package org.touchstone.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.touchstone.protocols.dataset.DatasetManifest;

/**
 * What the end-to-end tests of NIST's IJB layout know without the importer: which annotated faces of a NIST copy
 * can be cropped (the frame exists, the four box cells are numbers with a positive size, and the box has a pixel
 * inside the frame, judged here from the frame's own size), each template's faces in row order, and each template's
 * SUBJECT_ID, read from the native CSV files. The import's crops list is used only to name each face by its sample id
 * (the ids the system receives), and is checked to agree with that judgement.
 */
public final class NistIjbTruth {
    private final Path copy;
    private final DatasetManifest manifest;
    private final Map<String, String> sampleByFace = new HashMap<>();
    private final Map<String, Boolean> acquired = new HashMap<>();

    /**
     * @param copy     the NIST copy (the folder holding {@code images/} and {@code protocols/})
     * @param imported the import's output folder
     * @param manifest its manifest
     * @param kind     {@code ijbc} or {@code ijbb}
     * @throws IOException if a file cannot be read
     */
    public NistIjbTruth(Path copy, Path imported, DatasetManifest manifest, String kind) throws IOException {
        this.copy = copy;
        this.manifest = manifest;
        List<String> crops = Files.readAllLines(imported.resolve("lists/" + kind + "-crops.csv"));
        assertThat(crops.get(0)).startsWith("sample_id,crop,filename,face_x,face_y,face_width,face_height,");
        for (String line : crops.subList(1, crops.size())) {
            String[] c = line.split(",", -1);
            String face = c[2] + "|" + String.join(",", c[3], c[4], c[5], c[6]);
            sampleByFace.put(face, c[0]);
            boolean ok = croppable(c[2], List.of(c[3], c[4], c[5], c[6]));
            acquired.put(c[0], ok);
            assertThat(c[c.length - 1].equals("ok")).as("import's status of %s", face).isEqualTo(ok);
        }
    }

    private boolean croppable(String filename, List<String> cells) throws IOException {
        Path frame = copy.resolve("images").resolve(filename);
        if (!Files.isRegularFile(frame) || cells.stream().anyMatch(String::isBlank)) {
            return false;
        }
        double x = Double.parseDouble(cells.get(0));
        double y = Double.parseDouble(cells.get(1));
        double w = Double.parseDouble(cells.get(2));
        double h = Double.parseDouble(cells.get(3));
        BufferedImage image = ImageIO.read(frame.toFile());
        return image != null && w > 0 && h > 0 && x < image.getWidth() && y < image.getHeight() && x + w > 0
                && y + h > 0;
    }

    /**
     * @param list a NIST template list (header with TEMPLATE_ID, SUBJECT_ID, FILENAME and the box columns)
     * @return each template's faces, as sample ids in row order, by TEMPLATE_ID in order of appearance
     * @throws IOException if the list cannot be read
     */
    public Map<Integer, List<String>> templates(Path list) throws IOException {
        Map<Integer, List<String>> templates = new LinkedHashMap<>();
        rows(list, (cells, column) -> {
            String face = cells[column.get("FILENAME")] + "|" + String.join(",", cells[column.get("FACE_X")],
                    cells[column.get("FACE_Y")], cells[column.get("FACE_WIDTH")], cells[column.get("FACE_HEIGHT")]);
            String sample = sampleByFace.get(face);
            assertThat(sample).as("the import's sample of %s", face).isNotNull();
            List<String> faces = templates.computeIfAbsent(Integer.parseInt(cells[column.get("TEMPLATE_ID")]),
                    t -> new ArrayList<>());
            if (!faces.contains(sample)) {
                faces.add(sample);
            }
        });
        return templates;
    }

    /**
     * @param list a NIST template list
     * @return its templates as {TEMPLATE_ID, SUBJECT_ID}, once each, in order of appearance
     * @throws IOException if the list cannot be read
     */
    public static List<int[]> templateSubjects(Path list) throws IOException {
        Map<Integer, Integer> subjects = new LinkedHashMap<>();
        rows(list, (cells, column) -> subjects.putIfAbsent(Integer.parseInt(cells[column.get("TEMPLATE_ID")]),
                Integer.parseInt(cells[column.get("SUBJECT_ID")])));
        return subjects.entrySet().stream().map(e -> new int[] {e.getKey(), e.getValue()}).toList();
    }

    /**
     * @param sampleId a face's sample id
     * @return whether its crop could be made
     */
    public boolean acquired(String sampleId) {
        return acquired.get(sampleId);
    }

    /**
     * The oracle's score, fixed in advance from the two id lists: genuine (the first images show one subject, by
     * the manifest) in [0.45, 1), impostor in [0, 0.6).
     *
     * @param enrolmentIds the enrolment template's image ids, ';'-joined
     * @param probeIds     the probe template's
     * @return the score
     */
    public double score(String enrolmentIds, String probeIds) {
        double u = Math.floorMod(enrolmentIds.hashCode() * 31L + probeIds.hashCode() * 7919L, 1000) / 1000.0;
        boolean genuine = subject(enrolmentIds).equals(subject(probeIds));
        return genuine ? 0.45 + 0.55 * u : 0.6 * u;
    }

    private String subject(String ids) {
        return manifest.sample(ids.split(";")[0]).orElseThrow().subjectId();
    }

    private interface RowHandler {
        void accept(String[] cells, Map<String, Integer> column);
    }

    private static void rows(Path list, RowHandler handler) throws IOException {
        List<String> lines = Files.readAllLines(list);
        Map<String, Integer> column = new HashMap<>();
        String[] header = lines.get(0).split(",");
        for (int i = 0; i < header.length; i++) {
            column.put(header[i], i);
        }
        for (String line : lines.subList(1, lines.size())) {
            handler.accept(line.split(",", -1), column);
        }
    }
}
