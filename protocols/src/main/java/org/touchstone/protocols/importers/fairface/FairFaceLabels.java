package org.touchstone.protocols.importers.fairface;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.touchstone.protocols.importers.support.AgeBands;
import org.touchstone.protocols.importers.support.AttributeImport;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.support.SourceImage;
import org.touchstone.protocols.importers.support.TokenLines;

/**
 * FairFace: {@code fairface_label_train.csv} and {@code fairface_label_val.csv}, header
 * {@code file,age,gender,race,service_test}, {@code file} relative to the image root ({@code train/1.jpg}).
 * Each value must be one of FairFace's own spellings: age one of the nine bands, gender {@code Male} or
 * {@code Female}, race one of seven (with spaces: {@code East Asian}), service_test {@code True} or
 * {@code False}. FairFace has no identities: each image is its own subject.
 *
 * <p>Manifest columns: {@code label:sex} ({@code male}/{@code female}), {@code group:sex}, {@code group:race}
 * and {@code group:age_band} as spelled in the file. No {@code label:age}: FairFace labels a band, not an age.
 */
public final class FairFaceLabels {
    /** The label files, in the order read. */
    public static final List<String> LABEL_FILES = List.of("fairface_label_train.csv", "fairface_label_val.csv");
    /** The header of both. */
    public static final List<String> HEADER = List.of("file", "age", "gender", "race", "service_test");
    /** The seven races. */
    public static final List<String> RACES = List.of("White", "Black", "Latino_Hispanic", "East Asian",
            "Southeast Asian", "Indian", "Middle Eastern");

    private FairFaceLabels() {
    }

    /**
     * Reads the label files found in {@code source} and checks each image in the image root
     * ({@link #imageRoot}).
     *
     * @param source    the folder holding the label files
     * @return what was found, image paths relative to {@code source}
     * @throws ImportException if neither label file is there, or a line breaks the format
     * @throws IOException           if a file cannot be read
     */
    public static AttributeImport read(Path source) throws ImportException, IOException {
        record Row(String path, String sex, String race, String age) {
        }
        List<Row> rows = new ArrayList<>();
        List<SourceImage> images = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, String> firstSeen = new HashMap<>();
        for (String name : LABEL_FILES) {
            Path file = source.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            files.put(name, file);
            boolean[] header = {true};
            TokenLines.read(file, TokenLines.Separator.COMMA, (line, cells) -> {
                if (header[0]) {
                    header[0] = false;
                    if (!cells.equals(HEADER)) {
                        throw new ImportException(file, line, "expected the header " + String.join(",", HEADER)
                                + ", found '" + String.join(",", cells) + "'");
                    }
                    return;
                }
                TokenLines.expectFields(file, line, cells, HEADER.size(), String.join(",", HEADER));
                String path = cells.get(0);
                if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("..")) {
                    throw new ImportException(file, line, "file: expected a path relative to the image root"
                            + " such as train/1.jpg, found '" + path + "'");
                }
                String previous = firstSeen.putIfAbsent(path, name + ":" + line);
                if (previous != null) {
                    throw new ImportException(file, line, "file '" + path + "' is labelled twice (first at "
                            + previous + ")");
                }
                String age = oneOf(file, line, "age", cells.get(1), AgeBands.FAIRFACE);
                String gender = oneOf(file, line, "gender", cells.get(2), List.of("Male", "Female"));
                String race = oneOf(file, line, "race", cells.get(3), RACES);
                oneOf(file, line, "service_test", cells.get(4), List.of("True", "False"));
                rows.add(new Row(path, gender.toLowerCase(Locale.ROOT), race, age));
            });
        }
        if (files.isEmpty()) {
            throw new ImportException(source, 0, "no FairFace label file: expected " + String.join(" or ",
                    LABEL_FILES));
        }
        if (rows.isEmpty()) {
            throw new ImportException(files.values().iterator().next(), 0, "no images labelled after the header");
        }
        Path imageRoot = imageRoot(source, rows.get(0).path());
        String prefix = imageRoot.equals(source) ? "" : source.relativize(imageRoot).toString().replace('\\', '/') + "/";
        for (Row row : rows) {
            boolean present = Files.isRegularFile(imageRoot.resolve(row.path()));
            if (!present) {
                missing.add(prefix + row.path());
            }
            images.add(new SourceImage(row.path(), "fairface-" + row.path(), prefix + row.path(), present,
                    Map.of("sex", row.sex()), Map.of("sex", row.sex(), "race", row.race(), "age_band", row.age())));
        }
        return new AttributeImport(images, missing, Map.of(), files);
    }

    private static String oneOf(Path file, int line, String column, String value, List<String> allowed)
            throws ImportException {
        if (!allowed.contains(value)) {
            throw new ImportException(file, line, column + ": expected one of " + String.join(", ", allowed)
                    + ", found '" + value + "'");
        }
        return value;
    }

    /**
     * Finds the image root: {@code source} itself when it holds the first labelled file, else the one
     * sub-folder that does (the images zip unpacks to {@code fairface-img-margin025-trainval/}).
     *
     * @param source    the user's folder
     * @param firstFile the first {@code file} value of the labels
     * @return the image root, {@code source} when none holds the file (every image then counts as missing)
     * @throws IOException if the folder cannot be listed
     */
    public static Path imageRoot(Path source, String firstFile) throws ImportException, IOException {
        if (Files.isRegularFile(source.resolve(firstFile))) {
            return source;
        }
        try (var children = Files.list(source)) {
            List<Path> holding = children.filter(Files::isDirectory)
                    .filter(d -> Files.isRegularFile(d.resolve(firstFile))).sorted().toList();
            return holding.size() == 1 ? holding.get(0) : source;
        }
    }
}
