package org.touchstone.protocols.importers.ijb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.support.TokenLines;

/**
 * Reads one release of insightface's {@code IJB_release} ({@code IJBB} or {@code IJBC}): the images'
 * templates and media, the 1:1 template pairs (streamed: IJB-C has 15.6 million) and the optional 1:N
 * gallery and probe lists. Every problem names the file, the line and what was expected.
 */
public final class IjbRelease {
    /** The folder of the images, one face per file. */
    public static final String IMAGES_FOLDER = "loose_crop";
    /** The folder of the meta files. */
    public static final String META_FOLDER = "meta";

    private final IjbVariant variant;
    private final Path root;

    private IjbRelease(IjbVariant variant, Path root) {
        this.variant = variant;
        this.root = root;
    }

    /**
     * Finds the release folder (the one holding {@code meta/}) from what the user pointed at: the release
     * folder itself ({@code IJB_release/IJBC}), its parent ({@code IJB_release}) or the folder holding that.
     *
     * @param variant IJB-B or IJB-C
     * @param source  the user's folder
     * @return the release
     * @throws ImportException if neither holds {@code meta/<prefix>_face_tid_mid.txt}
     */
    public static IjbRelease locate(IjbVariant variant, Path source) throws ImportException {
        Optional<IjbRelease> found = find(variant, source);
        if (found.isPresent()) {
            return found.get();
        }
        throw new ImportException(source, 0, "not an " + variant.folder() + " release: expected "
                + META_FOLDER + "/" + variant.faceTemplateMediaFile() + " in it, in " + variant.folder() + "/ or in IJB_release/"
                + variant.folder() + "/");
    }

    /**
     * Like {@link #locate}, without refusing.
     *
     * @param variant IJB-B or IJB-C
     * @param source  the user's folder
     * @return the release, if one of the folders {@link #locate} tries holds it
     */
    public static Optional<IjbRelease> find(IjbVariant variant, Path source) {
        for (Path candidate : List.of(source, source.resolve(variant.folder()),
                source.resolve("IJB_release").resolve(variant.folder()))) {
            if (Files.isRegularFile(candidate.resolve(META_FOLDER).resolve(variant.faceTemplateMediaFile()))) {
                return Optional.of(new IjbRelease(variant, candidate));
            }
        }
        return Optional.empty();
    }

    /** @return IJB-B or IJB-C */
    public IjbVariant variant() {
        return variant;
    }

    /** @return the release folder, holding {@code loose_crop/} and {@code meta/} */
    public Path root() {
        return root;
    }

    /**
     * @param name a meta file's name
     * @return its path in {@code meta/}
     */
    public Path meta(String name) {
        return root.resolve(META_FOLDER).resolve(name);
    }

    /**
     * One line of {@code <prefix>_face_tid_mid.txt}: an image of {@code loose_crop/}, its template and media.
     *
     * @param imageName  the file name in {@code loose_crop/}
     * @param templateId the template it belongs to
     * @param mediaId    the medium (photo or video) it comes from; frames of one video share it
     */
    public record Face(String imageName, int templateId, int mediaId) {
    }

    /**
     * Reads every image's template and medium, in file order.
     *
     * @return the faces
     * @throws ImportException if a line does not hold {@code image_name template_id media_id}, or an
     *                               image is listed twice
     * @throws IOException           if the file cannot be read
     */
    public List<Face> faces() throws ImportException, IOException {
        Path file = meta(variant.faceTemplateMediaFile());
        List<Face> faces = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        TokenLines.read(file, TokenLines.Separator.WHITESPACE, (line, tokens) -> {
            TokenLines.expectFields(file, line, tokens, 3, "image_name template_id media_id");
            String name = tokens.get(0);
            if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                throw new ImportException(file, line, "image_name: expected a file name in "
                        + IMAGES_FOLDER + "/, found '" + name + "'");
            }
            Integer first = firstLine.putIfAbsent(name, line);
            if (first != null) {
                throw new ImportException(file, line, "image '" + name + "' is listed twice (first on line "
                        + first + "); each image belongs to one template");
            }
            faces.add(new Face(name, TokenLines.integer(file, line, "template_id (field 2)", tokens.get(1)),
                    TokenLines.integer(file, line, "media_id (field 3)", tokens.get(2))));
        });
        if (faces.isEmpty()) {
            throw new ImportException(file, 0, "no images listed; expected lines 'image_name template_id media_id'");
        }
        return faces;
    }

    /** Receives one line of the 1:1 pair file. */
    @FunctionalInterface
    public interface PairHandler {
        /**
         * @param line       the physical line
         * @param enrolment  {@code tid1}, the enrolment (gallery) template
         * @param probe      {@code tid2}, the probe template
         * @param genuine    the label: true for 1, false for 0
         * @throws IOException to stop reading
         */
        void accept(int line, int enrolment, int probe, boolean genuine) throws ImportException, IOException;
    }

    /** @return {@code meta/<prefix>_template_pair_label.txt} */
    public Path templatePairFile() {
        return meta(variant.templatePairFile());
    }

    /**
     * Streams the 1:1 pairs {@code tid1 tid2 label} in file order, never holding them.
     *
     * @param handler receives each pair
     * @throws ImportException if a line is not {@code tid1 tid2 label} with a label of 0 or 1, or
     *                               compares a template with itself
     * @throws IOException           if the file cannot be read, or from the handler
     */
    public void pairs(PairHandler handler) throws ImportException, IOException {
        Path file = templatePairFile();
        TokenLines.read(file, TokenLines.Separator.WHITESPACE, (line, tokens) -> {
            TokenLines.expectFields(file, line, tokens, 3, "tid1 tid2 label");
            int enrolment = TokenLines.integer(file, line, "tid1 (field 1)", tokens.get(0));
            int probe = TokenLines.integer(file, line, "tid2 (field 2)", tokens.get(1));
            String label = tokens.get(2);
            if (!label.equals("0") && !label.equals("1")) {
                throw new ImportException(file, line, "label (field 3): expected 1 (genuine) or 0 (impostor),"
                        + " found '" + label + "'");
            }
            if (enrolment == probe) {
                throw new ImportException(file, line, "template " + enrolment + " is compared with itself");
            }
            handler.accept(line, enrolment, probe, label.equals("1"));
        });
    }

    /**
     * One row of a 1:N list: a template and the subject it shows.
     *
     * @param line       the physical line
     * @param templateId column 0, TEMPLATE_ID
     * @param subjectId  column 1, SUBJECT_ID
     */
    public record ListedTemplate(int line, int templateId, int subjectId) {
    }

    /**
     * Finds a 1:N list in {@code meta/} or in the release folder itself.
     *
     * @param name the list's file name
     * @return its path, if the copy has it
     */
    public Optional<Path> findList(String name) {
        for (Path candidate : List.of(meta(name), root.resolve(name))) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a 1:N list: comma-separated, one header row, column 0 TEMPLATE_ID and column 1 SUBJECT_ID (further
     * columns, such as FILENAME and the face box of NIST's own lists, are ignored). A template's rows (one per
     * image in NIST's lists) collapse into one entry.
     *
     * @param file the list
     * @return its templates in order of first appearance
     * @throws ImportException if the header does not start {@code TEMPLATE_ID,SUBJECT_ID}, a row is not
     *                               numbers there, or a template is given two subjects
     * @throws IOException           if the file cannot be read
     */
    public static List<ListedTemplate> readList(Path file) throws ImportException, IOException {
        List<ListedTemplate> templates = new ArrayList<>();
        Map<Integer, ListedTemplate> byTemplate = new HashMap<>();
        boolean[] header = {true};
        TokenLines.read(file, TokenLines.Separator.COMMA, (line, tokens) -> {
            if (header[0]) {
                header[0] = false;
                if (tokens.size() < 2 || !tokens.get(0).equalsIgnoreCase("TEMPLATE_ID")
                        || !tokens.get(1).equalsIgnoreCase("SUBJECT_ID")) {
                    throw new ImportException(file, line, "expected a header starting TEMPLATE_ID,SUBJECT_ID,"
                            + " found '" + String.join(",", tokens) + "'");
                }
                return;
            }
            if (tokens.size() < 2) {
                throw new ImportException(file, line, "expected at least 2 cells (TEMPLATE_ID,SUBJECT_ID), found "
                        + tokens.size());
            }
            ListedTemplate entry = new ListedTemplate(line,
                    TokenLines.integer(file, line, "TEMPLATE_ID (column 1)", tokens.get(0)),
                    TokenLines.integer(file, line, "SUBJECT_ID (column 2)", tokens.get(1)));
            ListedTemplate first = byTemplate.putIfAbsent(entry.templateId(), entry);
            if (first == null) {
                templates.add(entry);
            } else if (first.subjectId() != entry.subjectId()) {
                throw new ImportException(file, line, "template " + entry.templateId() + " shows subject "
                        + entry.subjectId() + " here but subject " + first.subjectId() + " on line " + first.line());
            }
        });
        if (templates.isEmpty()) {
            throw new ImportException(file, 0, "no templates listed after the header");
        }
        return templates;
    }
}
