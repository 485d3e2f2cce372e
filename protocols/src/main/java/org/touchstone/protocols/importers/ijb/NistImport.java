package org.touchstone.protocols.importers.ijb;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.touchstone.protocols.dataset.ImageCheck;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.support.ImportedDataset;
import org.touchstone.protocols.importers.support.SourceImage;

/**
 * Turns NIST's IJB-B / IJB-C layout ({@link NistLayout}) into the same template-level lists and one-face images as
 * {@link IjbImport} makes of insightface's release, so that {@code ijbc-1to1@1.0.0} and {@code ijbc-1ton@1.0.0}
 * (and IJB-B's) run on either copy unchanged.
 *
 * <h2>Why the faces are cropped at import</h2>
 * NIST's images are full frames, and one frame may hold several annotated subjects. Rather than teach the
 * manifest and the system SPI a face box (every system and every run format would change), the import cuts each
 * distinct (FILENAME, box) once into a lossless PNG under {@value #CROPS_FOLDER}/ in the output folder, the box
 * enlarged by a margin and clipped to the frame ({@link FaceBox}); systems then receive one face per image exactly
 * as with insightface's {@code loose_crop}. The crops' provenance (frame, box, crop rectangle, status) is the
 * list {@code ijbc-crops}, hashed in the manifest like every list. The manifest's image root is the output folder.
 *
 * <h2>Faces that cannot be cropped</h2>
 * A frame that is missing, empty, undecodable, truncated or above the pixel limit (decoded only after its header
 * passes the limit, {@link ImageCheck#decode}), and a box with an empty or non-numeric cell, no area, or no pixel
 * inside the frame: that face's crop is not written, so it is a failure to acquire in every run (sha256
 * {@code missing} in the manifest), counted in the import's notes with its reason in {@code ijbc-crops}, never
 * dropped. A box partly outside its frame is clipped and counted. Structural problems (a header without the face
 * columns, a short row, a TEMPLATE_ID that is not a number, a template of two subjects, a match naming an unknown
 * template) refuse the import with the file and line.
 *
 * <h2>Templates</h2>
 * A template is every row of its TEMPLATE_ID across the lists read, in order of appearance, the same face (same
 * frame and box) once; the {@code media_id} column of {@code ijbc-templates} carries SIGHTING_ID (empty when the
 * list has none), so the frames of one video stay together as that template's images. Labels come from
 * SUBJECT_ID: a 1:1 pair is genuine when both templates show one subject (NIST's match files carry no label).
 */
public final class NistImport {
    /** The folder of the cropped faces, inside the output folder. */
    public static final String CROPS_FOLDER = "crops";

    private NistImport() {
    }

    /**
     * @param variant IJB-B or IJB-C
     * @return the crops' provenance list, {@code ijbc-crops}
     */
    public static String cropsList(IjbVariant variant) {
        return variant.kind() + "-crops";
    }

    /**
     * How to read and crop.
     *
     * @param fileSet   the 1:1 file set
     * @param margin    the crop's margin on each side, a fraction of the box ({@link FaceBox})
     * @param maxPixels the largest frame (width x height) decoded
     */
    public record Settings(NistLayout.FileSet fileSet, double margin, long maxPixels) {
        /** Checks the ranges. */
        public Settings {
            if (!(margin >= 0 && margin <= 2)) {
                throw new IllegalArgumentException("margin: expected 0 to 2 (a fraction of the box), was " + margin);
            }
            if (maxPixels < 1) {
                throw new IllegalArgumentException("max-pixels: expected at least 1, was " + maxPixels);
            }
        }
    }

    /** One distinct face: a frame and a box, shown in one or more templates. */
    private static final class Face {
        final String filename;
        final List<String> cells;
        final int subject;
        final Path file;
        final int line;
        final String sampleId;
        String status = "ok";
        Rectangle crop;
        boolean clipped;

        Face(int number, NistLayout.Row row) {
            this.filename = row.filename();
            this.cells = row.box();
            this.subject = row.subjectId();
            this.file = row.file();
            this.line = row.line();
            this.sampleId = number + ".png";
        }

        boolean ok() {
            return status.equals("ok");
        }
    }

    /** A template: its subject and its faces with their sighting. */
    private record Template(int subject, Path file, int line, LinkedHashMap<Integer, String> faces) {
    }

    /**
     * Reads the copy, crops its faces into the output folder and writes the lists (declared in the dataset).
     *
     * @param layout   NIST's copy
     * @param dataset  the imported dataset, whose image root is the output folder
     * @param out      the output folder (receives {@value #CROPS_FOLDER}/)
     * @param settings file set, margin, pixel limit
     * @return what was found
     * @throws ImportException naming file and line, for structural problems
     * @throws IOException     if a file cannot be read or written
     */
    public static IjbImport.Result run(NistLayout layout, ImportedDataset dataset, Path out, Settings settings)
            throws ImportException, IOException {
        IjbVariant variant = layout.variant();
        NistLayout.Protocol protocol = layout.protocol(settings.fileSet());
        Map<String, Path> protocolFiles = new LinkedHashMap<>();
        Map<Integer, Template> templates = new LinkedHashMap<>();
        Map<String, Integer> faceIndex = new HashMap<>();
        List<Face> faces = new ArrayList<>();

        List<Path> lists = new ArrayList<>(protocol.enrolmentLists());
        lists.addAll(protocol.probeLists());
        lists.addAll(protocol.galleries().values());
        protocol.probes().ifPresent(lists::add);
        Map<Path, List<Integer>> listed = new LinkedHashMap<>();
        for (Path list : new LinkedHashSet<>(lists)) {
            protocolFiles.put(name(layout, list), list);
            LinkedHashSet<Integer> ids = new LinkedHashSet<>();
            NistLayout.readTemplates(list, row -> {
                Template template = templates.computeIfAbsent(row.templateId(),
                        t -> new Template(row.subjectId(), row.file(), row.line(), new LinkedHashMap<>()));
                if (template.subject() != row.subjectId()) {
                    throw new ImportException(row.file(), row.line(), "template " + row.templateId() + " shows subject "
                            + row.subjectId() + " here but subject " + template.subject() + " in " + where(layout,
                            template.file(), template.line()) + "; a template shows one subject");
                }
                String key = row.filename() + "\n" + String.join(",", row.box().stream().map(String::strip).toList());
                Integer f = faceIndex.get(key);
                if (f == null) {
                    f = faces.size();
                    faces.add(new Face(f + 1, row));
                    faceIndex.put(key, f);
                } else if (faces.get(f).subject != row.subjectId()) {
                    Face first = faces.get(f);
                    throw new ImportException(row.file(), row.line(), "the face " + row.filename() + " at "
                            + row.box() + " is subject " + row.subjectId() + " here but subject " + first.subject
                            + " in " + where(layout, first.file, first.line));
                }
                template.faces().putIfAbsent(f, row.sighting());
                ids.add(row.templateId());
            });
            listed.put(list, List.copyOf(ids));
        }

        // 1:1: stream the match file into the pair list, labels from SUBJECT_ID.
        Path matches = protocol.matches();
        protocolFiles.put(name(layout, matches), matches);
        long[] counts = new long[2];
        java.util.Set<Integer> enrolments = new java.util.HashSet<>();
        try (BufferedWriter pairs = Files.newBufferedWriter(dataset.listFile(IjbImport.pairsList(variant)),
                StandardCharsets.UTF_8)) {
            pairs.write("enrolment_template,probe_template,mated\n");
            NistLayout.readMatches(matches, (line, enrolment, probe) -> {
                Template a = known(templates, enrolment, matches, line, "ENROLL_TEMPLATE_ID", lists);
                Template b = known(templates, probe, matches, line, "VERIF_TEMPLATE_ID", lists);
                boolean genuine = a.subject() == b.subject();
                counts[genuine ? 0 : 1]++;
                enrolments.add(enrolment);
                pairs.write(enrolment + "," + probe + (genuine ? ",true\n" : ",false\n"));
            });
        }
        if (counts[0] + counts[1] == 0) {
            throw new ImportException(matches, 0, "no pairs; expected lines ENROLL_TEMPLATE_ID,VERIF_TEMPLATE_ID");
        }

        crop(layout, faces, out.resolve(CROPS_FOLDER), settings);

        List<SourceImage> images = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Map<String, Integer> reasons = new java.util.TreeMap<>();
        int clipped = 0;
        try (BufferedWriter crops = Files.newBufferedWriter(dataset.listFile(cropsList(variant)), StandardCharsets.UTF_8)) {
            crops.write("sample_id,crop,filename,face_x,face_y,face_width,face_height,crop_x,crop_y,crop_width,"
                    + "crop_height,status\n");
            for (Face face : faces) {
                String path = CROPS_FOLDER + "/" + face.sampleId;
                images.add(new SourceImage(face.sampleId, variant.kind() + "-s" + face.subject, path, face.ok(),
                        Map.of(), Map.of()));
                Rectangle r = face.crop;
                crops.write(face.sampleId + "," + path + "," + face.filename + "," + String.join(",", face.cells
                        .stream().map(String::strip).toList()) + "," + (r == null ? ",,," : r.x + "," + r.y + ","
                        + r.width + "," + r.height) + "," + face.status.replace(',', ';') + "\n");
                if (!face.ok()) {
                    failed.add(face.filename + " " + face.cells + ": " + face.status);
                    reasons.merge(face.status.replaceAll(":.*", ""), 1, Integer::sum);
                }
                clipped += face.clipped ? 1 : 0;
            }
        }

        int withoutFaces = 0;
        try (BufferedWriter list = Files.newBufferedWriter(dataset.listFile(IjbImport.templatesList(variant)),
                StandardCharsets.UTF_8)) {
            list.write("template_id,sample_id,media_id\n");
            for (Map.Entry<Integer, Template> template : templates.entrySet()) {
                boolean any = false;
                for (Map.Entry<Integer, String> member : template.getValue().faces().entrySet()) {
                    Face face = faces.get(member.getKey());
                    any |= face.ok();
                    list.write(template.getKey() + "," + face.sampleId + "," + member.getValue() + "\n");
                }
                withoutFaces += any ? 0 : 1;
            }
        }

        Map<String, Integer> gallerySizes = new LinkedHashMap<>();
        for (Map.Entry<String, Path> gallery : protocol.galleries().entrySet()) {
            String name = IjbImport.galleryList(variant, gallery.getKey());
            List<Integer> ids = listed.get(gallery.getValue());
            writeTemplateList(dataset.listFile(name), ids);
            dataset.writtenList(name, List.of(String.format(Locale.ROOT, "%,d gallery templates", ids.size())));
            gallerySizes.put(gallery.getKey(), ids.size());
        }
        int probes = 0;
        if (protocol.probes().isPresent()) {
            List<Integer> ids = listed.get(protocol.probes().get());
            writeTemplateList(dataset.listFile(IjbImport.mixedProbesList(variant)), ids);
            dataset.writtenList(IjbImport.mixedProbesList(variant), List.of(String.format(Locale.ROOT,
                    "%,d probe templates", ids.size())));
            probes = ids.size();
        }
        int subjects = (int) templates.values().stream().mapToInt(Template::subject).distinct().count();
        dataset.writtenList(IjbImport.templatesList(variant), List.of(String.format(Locale.ROOT,
                "%,d templates of %,d faces (%,d not cropped), %,d subjects; %,d templates have no face cropped",
                templates.size(), faces.size(), failed.size(), subjects, withoutFaces)));
        dataset.writtenList(IjbImport.pairsList(variant), List.of(String.format(Locale.ROOT,
                "%,d pairs: %,d genuine, %,d impostor; %,d enrolment templates", counts[0] + counts[1], counts[0],
                counts[1], enrolments.size())));
        dataset.writtenList(cropsList(variant), List.of(String.format(Locale.ROOT,
                "%,d faces: %,d cropped, %,d failures to acquire%s", faces.size(), faces.size() - failed.size(),
                failed.size(), failed.isEmpty() ? "" : " " + reasons)));
        dataset.note(String.format(Locale.ROOT, "NIST layout, 1:1 file set %s: each face cropped from its full frame"
                        + " into %s/ as PNG, box enlarged by %s of its size on each side and clipped to the frame; %,d"
                        + " box(es) extend past their frame and were clipped", settings.fileSet().option(),
                CROPS_FOLDER, settings.margin(), clipped));
        if (!failed.isEmpty()) {
            dataset.note(String.format(Locale.ROOT, "%,d face(s) could not be cropped, each a failure to acquire"
                    + " (reasons in lists/%s.csv): %s", failed.size(), cropsList(variant), reasons));
        }
        return new IjbImport.Result(List.copyOf(images), templates.size(), subjects, counts[0], counts[1],
                enrolments.size(), gallerySizes, probes, List.copyOf(failed), withoutFaces, protocolFiles);
    }

    /**
     * Decodes each frame once (in parallel, each under the pixel limit) and writes the crops of all its faces;
     * sets each face's status. A crop that cannot be made has any earlier import's file removed, so it stays missing.
     */
    private static void crop(NistLayout layout, List<Face> faces, Path folder, Settings settings) throws IOException {
        Files.createDirectories(folder);
        Map<String, List<Face>> byFrame = new LinkedHashMap<>();
        for (Face face : faces) {
            FaceBox.Parsed parsed = FaceBox.parse(face.cells);
            if (parsed.problem().isPresent()) {
                face.status = "bad box: " + parsed.problem().get();
            } else {
                byFrame.computeIfAbsent(face.filename, f -> new ArrayList<>()).add(face);
            }
        }
        List<Map.Entry<String, List<Face>>> frames = List.copyOf(byFrame.entrySet());
        try {
            IntStream.range(0, frames.size()).parallel().forEach(i -> {
                try {
                    cropFrame(layout, frames.get(i).getKey(), frames.get(i).getValue(), folder, settings);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Face face : faces) {
            if (!face.ok()) {
                Files.deleteIfExists(folder.resolve(face.sampleId));
            }
        }
    }

    private static void cropFrame(NistLayout layout, String filename, List<Face> faces, Path folder, Settings settings)
            throws IOException {
        Path frame = layout.frame(filename);
        String problem = null;
        BufferedImage image = null;
        if (!Files.isRegularFile(frame)) {
            problem = "frame missing: " + layout.root().relativize(frame).toString().replace('\\', '/');
        } else {
            ImageCheck.Decoded decoded = ImageCheck.decode(Files.readAllBytes(frame), settings.maxPixels());
            if (decoded.problem().isPresent()) {
                problem = "frame " + decoded.problem().get();
            } else {
                image = decoded.image().orElseThrow();
            }
        }
        for (Face face : faces) {
            if (problem != null) {
                face.status = problem;
                continue;
            }
            FaceBox box = FaceBox.parse(face.cells).box().orElseThrow();
            Optional<Rectangle> rectangle = box.crop(image.getWidth(), image.getHeight(), settings.margin());
            if (rectangle.isEmpty()) {
                face.status = String.format(Locale.ROOT, "bad box: outside the %dx%d frame", image.getWidth(),
                        image.getHeight());
                continue;
            }
            Rectangle r = rectangle.get();
            face.crop = r;
            face.clipped = box.extendsPast(image.getWidth(), image.getHeight());
            // RGB without alpha: a face crop has no transparency, and one pixel type keeps every crop alike.
            BufferedImage crop = new BufferedImage(r.width, r.height, BufferedImage.TYPE_INT_RGB);
            var graphics = crop.createGraphics();
            graphics.drawImage(image.getSubimage(r.x, r.y, r.width, r.height), 0, 0, null);
            graphics.dispose();
            if (!ImageIO.write(crop, "png", folder.resolve(face.sampleId).toFile())) {
                throw new IOException("the JDK has no PNG writer");
            }
        }
    }

    private static Template known(Map<Integer, Template> templates, int id, Path file, int line, String field,
                                  List<Path> lists) throws ImportException {
        Template template = templates.get(id);
        if (template == null) {
            throw new ImportException(file, line, field + ": template " + id + " is in none of the template lists "
                    + lists.stream().map(p -> p.getFileName().toString()).distinct().toList());
        }
        return template;
    }

    private static String name(NistLayout layout, Path file) {
        return layout.protocols().relativize(file).toString().replace('\\', '/');
    }

    private static String where(NistLayout layout, Path file, int line) {
        return name(layout, file) + " line " + line;
    }

    private static void writeTemplateList(Path file, List<Integer> templates) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("template_id\n");
            for (int t : templates) {
                writer.write(t + "\n");
            }
        }
    }
}
