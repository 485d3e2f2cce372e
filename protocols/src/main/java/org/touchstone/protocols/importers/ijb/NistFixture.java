package org.touchstone.protocols.importers.ijb;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.touchstone.protocols.importers.support.FixtureFaces;

/**
 * Writes a small copy of NIST's IJB-C (or IJB-B) in its own layout, with synthetic faces pasted into full frames:
 * {@code IJB-C/images/img/<n>.jpg} (stills) and {@code images/frames/<n>.png} (video frames), both protocol file
 * sets ({@link NistLayout}): {@code protocols/test1/}, {@code test2/}, {@code test4/} with the seven-column header,
 * and the older {@code ijbc_1N_gallery_G1.csv}, {@code ijbc_1N_gallery_G2.csv}, {@code ijbc_1N_probe_mixed.csv}
 * with NIST's full metadata header (some cells empty, as in NIST's files) and the headerless
 * {@code ijbc_11_G1_G2_matches.csv}.
 *
 * <p>Each subject {@code s} (SUBJECT_ID {@code 100 + s}) has a gallery template ({@code 1 + s}: two stills, even
 * subjects in G1, odd in G2), a mixed probe template A ({@code 101 + 2s}: its face in the left of group still
 * {@code s} and in the right of group still {@code s - 1}, so every group still holds two annotated subjects of two
 * templates) and a video probe template B ({@code 102 + 2s}: three frames sharing SIGHTING_ID {@code 5000 + s}). The
 * 1:1 match files compare every gallery template with every probe template (test2: with the video probes only).
 * Quirks, each one face's failure to acquire: subject 0's second gallery still is missing; subject 1's third video
 * frame has a box outside its frame; subject 2's second probe-A row has an empty FACE_WIDTH (a malformed line); and
 * subject 3's second gallery box extends past its frame's right edge (clipped, not a failure).
 *
 * @param variant  IJB-B or IJB-C
 * @param subjects subjects, 10 to 50
 * @param seed     the synthetic renderer's seed
 */
public record NistFixture(IjbVariant variant, int subjects, long seed) {
    /** First SUBJECT_ID. */
    public static final int FIRST_SUBJECT_ID = 100;
    /** A frame's width and height. */
    public static final int FRAME_WIDTH = 192;
    /** A frame's height. */
    public static final int FRAME_HEIGHT = 128;
    private static final int FACE = 64;
    private static final int LEFT_X = 16;
    private static final int RIGHT_X = 112;
    private static final int CLIPPED_X = 150;
    private static final int TOP_Y = 32;
    private static final int OUTSIDE_X = 500;
    private static final String HEADER = "TEMPLATE_ID,SUBJECT_ID,FILENAME,FACE_X,FACE_Y,FACE_WIDTH,FACE_HEIGHT";
    private static final String FULL_HEADER = "TEMPLATE_ID,SUBJECT_ID,FILENAME,SIGHTING_ID,FACE_X,FACE_Y,FACE_WIDTH,"
            + "FACE_HEIGHT,FRAME_NUM,FACIAL_HAIR,AGE,INDOOR_OUTDOOR,SKINTONE,GENDER,YAW,ROLL,"
            + String.join(",", java.util.stream.IntStream.rangeClosed(1, 18).mapToObj(i -> "OCC" + i).toList());

    /** Checks the size. */
    public NistFixture {
        if (subjects < 10 || subjects > 50) {
            throw new IllegalArgumentException("a NIST IJB fixture has 10 to 50 subjects");
        }
    }

    /**
     * @param variant IJB-B or IJB-C
     * @return the default fixture, 12 subjects
     */
    public static NistFixture small(IjbVariant variant) {
        return new NistFixture(variant, 12, 20261207L);
    }

    /** @return the gallery template of subject {@code s} */
    public int galleryTemplate(int s) {
        return 1 + s;
    }

    /** @return subject {@code s}'s mixed (group still) probe template */
    public int stillProbeTemplate(int s) {
        return 101 + 2 * s;
    }

    /** @return subject {@code s}'s video probe template */
    public int videoProbeTemplate(int s) {
        return 102 + 2 * s;
    }

    /** @return the gallery of subject {@code s}: G1 (S1) for even subjects */
    public String galleryOf(int s) {
        return variant.galleries().get(s % 2);
    }

    /**
     * One annotated face as the lists give it.
     *
     * @param template the template
     * @param subject  0-based subject
     * @param filename FILENAME
     * @param sighting SIGHTING_ID
     * @param box      FACE_X..FACE_HEIGHT cells as written
     */
    public record Row(int template, int subject, String filename, int sighting, String box) {
        /** @return the row in the seven-column layout */
        String shortRow() {
            return template + "," + (FIRST_SUBJECT_ID + subject) + "," + filename + "," + box;
        }

        /** @return the row in NIST's full metadata layout, covariates partly empty as in NIST's files */
        String fullRow() {
            StringBuilder row = new StringBuilder(template + "," + (FIRST_SUBJECT_ID + subject) + "," + filename + ","
                    + sighting + "," + box + "," + (filename.startsWith("frames/") ? "1" : "") + ",0,"
                    + (20 + subject) + ",1," + (1 + subject % 6) + "," + (subject % 2) + ",,,");
            for (int i = 0; i < 18; i++) {
                row.append(i == 17 ? "0" : "0,");
            }
            return row.toString();
        }
    }

    /** @return every face row, gallery templates first, then probes, in file order */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.addAll(galleryRows(s -> true));
        rows.addAll(probeRows(t -> true));
        return rows;
    }

    /** @return the file name of a gallery still */
    private static String still(int s, int i) {
        return "img/" + (1000 + 10 * s + i) + ".jpg";
    }

    private static String group(int s) {
        return "img/" + (2000 + s) + ".jpg";
    }

    private static String frame(int s, int i) {
        return "frames/" + (3000 + 10 * s + i) + ".png";
    }

    private static String box(int x) {
        return x + "," + TOP_Y + "," + FACE + "," + FACE;
    }

    /** @return the FILENAME the copy lacks: subject 0's second gallery still */
    public String missingFrame() {
        return still(0, 1);
    }

    private List<Row> galleryRows(Predicate<Integer> subject) {
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < subjects; s++) {
            if (subject.test(s)) {
                int t = galleryTemplate(s);
                rows.add(new Row(t, s, still(s, 0), 4000 + 2 * s, box(LEFT_X)));
                rows.add(new Row(t, s, still(s, 1), 4000 + 2 * s + 1, box(s == 3 ? CLIPPED_X : LEFT_X)));
            }
        }
        return rows;
    }

    private List<Row> probeRows(Predicate<Integer> template) {
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < subjects; s++) {
            int a = stillProbeTemplate(s);
            if (template.test(a)) {
                int previous = (s + subjects - 1) % subjects;
                rows.add(new Row(a, s, group(s), 6000 + s, box(LEFT_X)));
                rows.add(new Row(a, s, group(previous), 6000 + previous, s == 2
                        ? RIGHT_X + "," + TOP_Y + ",," + FACE : box(RIGHT_X)));
            }
            int b = videoProbeTemplate(s);
            if (template.test(b)) {
                for (int i = 0; i < 3; i++) {
                    rows.add(new Row(b, s, frame(s, i), 5000 + s, box(s == 1 && i == 2 ? OUTSIDE_X : LEFT_X)));
                }
            }
        }
        return rows;
    }

    /**
     * Writes the fixture.
     *
     * @param out the folder that receives {@code IJB-C/} (or {@code IJB-B/})
     * @return the copy's folder, {@code out/IJB-C}, holding {@code images/} and {@code protocols/}
     * @throws IOException if writing fails
     */
    public Path write(Path out) throws IOException {
        Path root = out.resolve(NistLayout.nistFolder(variant));
        Path images = root.resolve(NistLayout.IMAGES_FOLDER);
        FixtureFaces faces = new FixtureFaces(subjects, 7, seed, FACE);
        for (int s = 0; s < subjects; s++) {
            writeFrame(images.resolve(still(s, 0)), faces.render(s, 0), null);
            if (!still(s, 1).equals(missingFrame())) {
                writeFrame(images.resolve(still(s, 1)), faces.render(s, 1), null, s == 3 ? CLIPPED_X : LEFT_X);
            }
            int next = (s + 1) % subjects;
            writeFrame(images.resolve(group(s)), faces.render(s, 2), faces.render(next, 3));
            for (int i = 0; i < 3; i++) {
                writeFrame(images.resolve(frame(s, i)), faces.render(s, 4 + i), null);
            }
        }
        Path protocols = root.resolve(NistLayout.PROTOCOLS_FOLDER);
        List<Row> gallery = galleryRows(s -> true);
        List<Row> probes = probeRows(t -> true);
        List<Row> videos = probeRows(t -> t % 2 == 0);
        writeList(protocols.resolve("test1/enroll_templates.csv"), HEADER, gallery, false);
        writeList(protocols.resolve("test1/verif_templates.csv"), HEADER, probes, false);
        writeMatches(protocols.resolve("test1/match.csv"), gallery, probes);
        writeList(protocols.resolve("test2/enroll_templates.csv"), HEADER, gallery, false);
        writeList(protocols.resolve("test2/verif_templates.csv"), HEADER, videos, false);
        writeMatches(protocols.resolve("test2/match.csv"), gallery, videos);
        for (String g : variant.galleries()) {
            List<Row> rows = galleryRows(s -> galleryOf(s).equals(g));
            writeList(protocols.resolve("test4/gallery_" + g + ".csv"), HEADER, rows, false);
            writeList(protocols.resolve(variant.galleryFile(g)), FULL_HEADER, rows, true);
        }
        writeList(protocols.resolve("test4/probes.csv"), HEADER, probes, false);
        writeList(protocols.resolve(variant.mixedProbeFile()), FULL_HEADER, probes, true);
        writeMatches(protocols.resolve(variant.kind() + "_11_" + String.join("_", variant.galleries()) + "_matches.csv"),
                gallery, probes);
        return root;
    }

    private static void writeFrame(Path file, BufferedImage left, BufferedImage right) throws IOException {
        writeFrame(file, left, right, LEFT_X);
    }

    /** A grey frame with one face at {@code leftX} and optionally another in the right slot. */
    private static void writeFrame(Path file, BufferedImage left, BufferedImage right, int leftX) throws IOException {
        BufferedImage frame = new BufferedImage(FRAME_WIDTH, FRAME_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(new java.awt.Color(90, 96, 104));
        g.fillRect(0, 0, FRAME_WIDTH, FRAME_HEIGHT);
        g.drawImage(left, leftX, TOP_Y, null);
        if (right != null) {
            g.drawImage(right, RIGHT_X, TOP_Y, null);
        }
        g.dispose();
        Files.createDirectories(file.getParent());
        String format = file.getFileName().toString().endsWith(".png") ? "png" : "jpg";
        if (!ImageIO.write(frame, format, file.toFile())) {
            throw new IOException("the JDK has no " + format + " writer");
        }
    }

    private static void writeList(Path file, String header, List<Row> rows, boolean full) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder(header).append('\n');
        for (Row row : rows) {
            text.append(full ? row.fullRow() : row.shortRow()).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Every enrolment template against every probe template, by enrolment template, headerless. */
    private static void writeMatches(Path file, List<Row> enrolment, List<Row> probes) throws IOException {
        List<Integer> a = enrolment.stream().map(Row::template).distinct().toList();
        List<Integer> b = probes.stream().map(Row::template).distinct().toList();
        StringBuilder text = new StringBuilder();
        for (int e : a) {
            for (int p : b) {
                text.append(e).append(',').append(p).append('\n');
            }
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
