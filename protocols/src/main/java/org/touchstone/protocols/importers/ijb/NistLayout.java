package org.touchstone.protocols.importers.ijb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.support.TokenLines;

/**
 * NIST's own IJB-B / IJB-C distribution: full frames under {@code images/} (stills in {@code img/}, video frames in
 * {@code frames/}, folder names as loaders use them, unverified) and comma-separated protocol files under
 * {@code protocols/}, one row per annotated face: {@code TEMPLATE_ID,SUBJECT_ID,FILENAME,...,FACE_X,FACE_Y,
 * FACE_WIDTH,FACE_HEIGHT,...}, columns found by their header names (IJB-C's lists carry up to 30 more columns; the
 * newer layout's only these seven; {@code SIGHTING_ID}, when present, groups the frames of one video).
 *
 * <p>Two file sets exist, both read:
 * <ul>
 *   <li><b>newer</b> ({@code protocols/test1/}, {@code test2/}, {@code test4/}): 1:1 from
 *       {@code enroll_templates.csv}, {@code verif_templates.csv} and the headerless {@code match.csv}; 1:N from
 *       {@code test4/gallery_G1.csv}, {@code gallery_G2.csv} (IJB-B: S1, S2, unverified, so G1 and G2 are taken
 *       when those are absent) and {@code probes.csv}.</li>
 *   <li><b>files</b>, the older set directly in {@code protocols/}: 1:N from {@code ijbc_1N_gallery_G1.csv},
 *       {@code ijbc_1N_gallery_G2.csv}, {@code ijbc_1N_probe_mixed.csv}; 1:1 = the galleries' templates compared
 *       with the mixed probes as the headerless {@code ijbc_11_G1_G2_matches.csv} lists (IJB-B's name for it is
 *       unverified: any single {@code ijbb_11_*matches.csv} other than the covariate one is taken).</li>
 * </ul>
 * Match files have no header; a first line that is not two numbers is taken for one (cheap tolerance of a copy
 * someone re-saved with a header). Every problem names the file, the line and what was expected.
 */
public final class NistLayout {
    /** The folder of the protocol files. */
    public static final String PROTOCOLS_FOLDER = "protocols";
    /** The folder of the full frames. */
    public static final String IMAGES_FOLDER = "images";
    /** The header names every template list must have. */
    public static final List<String> REQUIRED_COLUMNS = List.of("TEMPLATE_ID", "SUBJECT_ID", "FILENAME", "FACE_X",
            "FACE_Y", "FACE_WIDTH", "FACE_HEIGHT");
    /** The optional column grouping the frames of one video. */
    public static final String SIGHTING_COLUMN = "SIGHTING_ID";

    /** Which of NIST's file sets a 1:1 protocol is read from. */
    public enum FileSet {
        /** {@code protocols/test1/}: the mixed-media 1:1 protocol of the newer layout. */
        TEST1("test1"),
        /** {@code protocols/test2/}: the newer layout's second 1:1 protocol (IJB-C's covariate verification). */
        TEST2("test2"),
        /** The older {@code <kind>_1N_*} and {@code <kind>_11_*_matches.csv} files in {@code protocols/}. */
        FILES("files");

        private final String option;

        FileSet(String option) {
            this.option = option;
        }

        /** @return the option value naming it */
        public String option() {
            return option;
        }
    }

    private final IjbVariant variant;
    private final Path root;

    private NistLayout(IjbVariant variant, Path root) {
        this.variant = variant;
        this.root = root;
    }

    /** @return the NIST folder name, {@code IJB-C} or {@code IJB-B} */
    static String nistFolder(IjbVariant variant) {
        return variant == IjbVariant.IJBC ? "IJB-C" : "IJB-B";
    }

    /**
     * Finds NIST's copy from what the user pointed at: the folder holding {@code protocols/} itself, its
     * {@code IJB-C/} (or {@code IJB-B/}), or {@code IJB/IJB-C/}.
     *
     * @param variant IJB-B or IJB-C
     * @param source  the user's folder
     * @return the copy, if one of those folders looks like one
     */
    public static Optional<NistLayout> find(IjbVariant variant, Path source) {
        for (Path candidate : List.of(source, source.resolve(nistFolder(variant)),
                source.resolve("IJB").resolve(nistFolder(variant)))) {
            Path protocols = candidate.resolve(PROTOCOLS_FOLDER);
            if (Files.isDirectory(protocols.resolve(FileSet.TEST1.option())) || Files.isRegularFile(
                    protocols.resolve(variant.mixedProbeFile())) || olderMatchFile(variant, protocols).isPresent()) {
                return Optional.of(new NistLayout(variant, candidate));
            }
        }
        return Optional.empty();
    }

    /**
     * Like {@link #find}, refusing a folder that is not NIST's layout.
     *
     * @param variant IJB-B or IJB-C
     * @param source  the user's folder
     * @return the copy
     * @throws ImportException naming what was expected
     */
    public static NistLayout locate(IjbVariant variant, Path source) throws ImportException {
        return find(variant, source).orElseThrow(() -> new ImportException(source, 0, "not NIST's "
                + nistFolder(variant) + " layout: expected " + PROTOCOLS_FOLDER + "/test1/ or " + PROTOCOLS_FOLDER + "/"
                + variant.mixedProbeFile() + " in it, in " + nistFolder(variant) + "/ or in IJB/" + nistFolder(variant)
                + "/"));
    }

    /** @return IJB-B or IJB-C */
    public IjbVariant variant() {
        return variant;
    }

    /** @return the folder holding {@code protocols/} and {@code images/} */
    public Path root() {
        return root;
    }

    /** @return the folder of the protocol files */
    public Path protocols() {
        return root.resolve(PROTOCOLS_FOLDER);
    }

    /**
     * Where a row's FILENAME is: under {@code images/} as NIST ships it, or directly under the copy's root when
     * a copy has no {@code images/} folder level.
     *
     * @param filename the row's FILENAME, e.g. {@code img/123.jpg}
     * @return the frame's path (which may not exist)
     */
    public Path frame(String filename) {
        Path underImages = root.resolve(IMAGES_FOLDER).resolve(filename);
        if (Files.isRegularFile(underImages)) {
            return underImages;
        }
        Path direct = root.resolve(filename);
        return Files.isRegularFile(direct) ? direct : underImages;
    }

    /** @return the file set a copy's 1:1 protocol is read from when the user does not say: test1 if present */
    public FileSet defaultFileSet() {
        return Files.isDirectory(protocols().resolve(FileSet.TEST1.option())) ? FileSet.TEST1 : FileSet.FILES;
    }

    /**
     * The files of one protocol set.
     *
     * @param enrolmentLists the 1:1 enrolment template lists
     * @param probeLists     the 1:1 probe template lists
     * @param matches        the 1:1 match file (headerless ENROLL_TEMPLATE_ID,VERIF_TEMPLATE_ID)
     * @param galleries      the 1:N gallery lists by gallery name, empty when the copy has none
     * @param probes         the 1:N probe list, when the copy has the galleries
     */
    public record Protocol(List<Path> enrolmentLists, List<Path> probeLists, Path matches, Map<String, Path> galleries,
                           Optional<Path> probes) {
    }

    /**
     * @param set the 1:1 file set
     * @return its files and the 1:N lists of the same layout
     * @throws ImportException if a file the set needs is absent, or the 1:N lists are only partly there
     */
    public Protocol protocol(FileSet set) throws ImportException {
        Path protocols = protocols();
        Map<String, Path> galleries = new LinkedHashMap<>();
        Optional<Path> probes;
        if (set == FileSet.FILES) {
            variant.galleries().forEach(g -> galleries.put(g, protocols.resolve(variant.galleryFile(g))));
            probes = Optional.of(protocols.resolve(variant.mixedProbeFile()));
            Path matches = olderMatchFile(variant, protocols).orElseThrow(() -> new ImportException(protocols, 0,
                    "no 1:1 match file: expected " + olderMatchName(variant) + " (headerless ENROLL_TEMPLATE_ID,"
                            + "VERIF_TEMPLATE_ID)"));
            requireAll(galleries, probes);
            return new Protocol(List.copyOf(galleries.values()), List.of(probes.get()), matches, galleries, probes);
        }
        Path folder = protocols.resolve(set.option());
        Path enrol = folder.resolve("enroll_templates.csv");
        Path verif = folder.resolve("verif_templates.csv");
        Path match = folder.resolve("match.csv");
        for (Path file : List.of(enrol, verif, match)) {
            if (!Files.isRegularFile(file)) {
                throw new ImportException(file, 0, "file not found; NIST's " + set.option() + "/ holds"
                        + " enroll_templates.csv, verif_templates.csv and match.csv");
            }
        }
        Path test4 = protocols.resolve("test4");
        for (int i = 0; i < variant.galleries().size(); i++) {
            // IJB-B's test4 gallery names are unverified: gallery_S1.csv, else IJB-C's gallery_G1.csv.
            String g = variant.galleries().get(i);
            Path named = test4.resolve("gallery_" + g + ".csv");
            Path alternative = test4.resolve("gallery_" + IjbVariant.IJBC.galleries().get(i) + ".csv");
            galleries.put(g, Files.isRegularFile(named) || !Files.isRegularFile(alternative) ? named : alternative);
        }
        probes = Optional.of(test4.resolve("probes.csv"));
        if (!Files.isDirectory(test4)) {
            galleries.clear();
            probes = Optional.empty();
        } else {
            requireAll(galleries, probes);
        }
        return new Protocol(List.of(enrol), List.of(verif), match, galleries, probes);
    }

    private static void requireAll(Map<String, Path> galleries, Optional<Path> probes) throws ImportException {
        List<Path> all = new ArrayList<>(galleries.values());
        all.add(probes.orElseThrow());
        for (Path file : all) {
            if (!Files.isRegularFile(file)) {
                throw new ImportException(file, 0, "file not found; the 1:N lists are "
                        + all.stream().map(p -> p.getFileName().toString()).toList());
            }
        }
    }

    private static String olderMatchName(IjbVariant variant) {
        return variant.kind() + "_11_" + String.join("_", variant.galleries()) + "_matches.csv";
    }

    private static Optional<Path> olderMatchFile(IjbVariant variant, Path protocols) {
        Path named = protocols.resolve(olderMatchName(variant));
        if (Files.isRegularFile(named)) {
            return Optional.of(named);
        }
        if (!Files.isDirectory(protocols)) {
            return Optional.empty();
        }
        // The IJB-B name is unverified: take the one 1:1 match file that is not the covariate protocol's.
        try (Stream<Path> files = Files.list(protocols)) {
            List<Path> found = files.filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.startsWith(variant.kind() + "_11_") && name.endsWith("matches.csv")
                        && !name.contains("covariate");
            }).toList();
            return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * One row of a template list: one annotated face of one template.
     *
     * @param file       the list
     * @param line       the physical line
     * @param templateId TEMPLATE_ID
     * @param subjectId  SUBJECT_ID
     * @param filename   FILENAME, relative to {@code images/}
     * @param sighting   SIGHTING_ID, empty when the list has no such column or the cell is empty
     * @param box        FACE_X, FACE_Y, FACE_WIDTH, FACE_HEIGHT as the cells give them (checked when cropping)
     */
    public record Row(Path file, int line, int templateId, int subjectId, String filename, String sighting,
                      List<String> box) {
    }

    /** Receives the rows of a template list. */
    @FunctionalInterface
    public interface RowHandler {
        /**
         * @param row one row
         * @throws ImportException to refuse it
         */
        void accept(Row row) throws ImportException;
    }

    /**
     * Reads a template list: a header row naming at least {@link #REQUIRED_COLUMNS} (any order, any case, further
     * columns ignored), then one row per face. A row with too few cells, a TEMPLATE_ID or SUBJECT_ID that is not
     * a whole number, or an empty or escaping FILENAME is refused; the box cells are handed on as written, since
     * an unusable box is one face's failure to acquire, not the whole list's.
     *
     * @param file    the list
     * @param handler receives each row
     * @throws ImportException naming file and line
     * @throws IOException     if the file cannot be read
     */
    public static void readTemplates(Path file, RowHandler handler) throws ImportException, IOException {
        Map<String, Integer> columns = new HashMap<>();
        int[] needed = {0};
        TokenLines.read(file, TokenLines.Separator.COMMA, (line, tokens) -> {
            if (columns.isEmpty()) {
                for (int i = 0; i < tokens.size(); i++) {
                    columns.putIfAbsent(tokens.get(i).toUpperCase(Locale.ROOT), i);
                }
                List<String> absent = REQUIRED_COLUMNS.stream().filter(c -> !columns.containsKey(c)).toList();
                if (!absent.isEmpty()) {
                    throw new ImportException(file, line, "the header lacks " + absent + "; expected a header naming "
                            + String.join(",", REQUIRED_COLUMNS) + " (and optionally " + SIGHTING_COLUMN + "), found '"
                            + String.join(",", tokens) + "'");
                }
                needed[0] = 1 + REQUIRED_COLUMNS.stream().mapToInt(columns::get).max().orElseThrow();
                return;
            }
            if (tokens.size() < needed[0]) {
                throw new ImportException(file, line, "expected at least " + needed[0] + " comma-separated cells as the"
                        + " header has, found " + tokens.size() + ": '" + String.join(",", tokens) + "'");
            }
            int template = TokenLines.integer(file, line, "TEMPLATE_ID", tokens.get(columns.get("TEMPLATE_ID")));
            int subject = TokenLines.integer(file, line, "SUBJECT_ID", tokens.get(columns.get("SUBJECT_ID")));
            String filename = tokens.get(columns.get("FILENAME")).replace('\\', '/');
            if (filename.isEmpty() || filename.startsWith("/") || List.of(filename.split("/")).contains("..")) {
                throw new ImportException(file, line, "FILENAME: expected a path relative to " + IMAGES_FOLDER
                        + "/ such as img/123.jpg, found '" + filename + "'");
            }
            Integer sightingColumn = columns.get(SIGHTING_COLUMN);
            String sighting = sightingColumn != null && sightingColumn < tokens.size() ? tokens.get(sightingColumn) : "";
            List<String> box = List.of(tokens.get(columns.get("FACE_X")), tokens.get(columns.get("FACE_Y")),
                    tokens.get(columns.get("FACE_WIDTH")), tokens.get(columns.get("FACE_HEIGHT")));
            handler.accept(new Row(file, line, template, subject, filename, sighting, box));
        });
        if (columns.isEmpty()) {
            throw new ImportException(file, 0, "empty; expected a header naming " + String.join(",", REQUIRED_COLUMNS));
        }
    }

    /** Receives one line of a match file. */
    @FunctionalInterface
    public interface MatchHandler {
        /**
         * @param line      the physical line
         * @param enrolment ENROLL_TEMPLATE_ID
         * @param probe     VERIF_TEMPLATE_ID
         * @throws ImportException to refuse it
         * @throws IOException     from writing
         */
        void accept(int line, int enrolment, int probe) throws ImportException, IOException;
    }

    /**
     * Streams a headerless match file {@code ENROLL_TEMPLATE_ID,VERIF_TEMPLATE_ID} (a first line that is not two
     * numbers is skipped as a header).
     *
     * @param file    the match file
     * @param handler receives each pair, in file order
     * @throws ImportException naming the line: not two whole numbers, or a template compared with itself
     * @throws IOException     if the file cannot be read
     */
    public static void readMatches(Path file, MatchHandler handler) throws ImportException, IOException {
        boolean[] first = {true};
        TokenLines.read(file, TokenLines.Separator.COMMA, (line, tokens) -> {
            boolean header = first[0] && !tokens.isEmpty() && !tokens.get(0).matches("-?\\d+");
            first[0] = false;
            if (header) {
                return;
            }
            TokenLines.expectFields(file, line, tokens, 2, "ENROLL_TEMPLATE_ID,VERIF_TEMPLATE_ID");
            int enrolment = TokenLines.integer(file, line, "ENROLL_TEMPLATE_ID (column 1)", tokens.get(0));
            int probe = TokenLines.integer(file, line, "VERIF_TEMPLATE_ID (column 2)", tokens.get(1));
            if (enrolment == probe) {
                throw new ImportException(file, line, "template " + enrolment + " is compared with itself");
            }
            handler.accept(line, enrolment, probe);
        });
    }
}
