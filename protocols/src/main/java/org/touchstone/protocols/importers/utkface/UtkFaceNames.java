package org.touchstone.protocols.importers.utkface;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.touchstone.protocols.importers.support.AgeBands;
import org.touchstone.protocols.importers.support.AttributeImport;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.support.SourceImage;

/**
 * UTKFace, whose labels are its file names: {@code [age]_[gender]_[race]_[date&time].jpg} (aligned and cropped:
 * {@code .jpg.chip.jpg}), age 0..116, gender 0 male / 1 female, race 0..4 = White, Black, Asian, Indian, Others,
 * date and time {@code yyyymmddHHMMSSFFF}. There is no protocol file: the images are the dataset, so nothing can
 * be missing, and every image is its own subject.
 *
 * <p>Known malformed names with the race missing ({@code 39_1_20170116174525125.jpg.chip.jpg} and two more) are
 * kept with an empty race (unknown) and reported; their age and sex are unambiguous. Any other name that does
 * not follow the pattern is refused, naming the file and the pattern, rather than guessed.
 *
 * <p>Manifest columns: {@code label:age}, {@code label:sex}, {@code group:sex}, {@code group:race},
 * {@code group:age_band} (FairFace's bands).
 */
public final class UtkFaceNames {
    /** The races by code. */
    public static final List<String> RACES = List.of("White", "Black", "Asian", "Indian", "Others");
    /** The oldest age the dataset's page gives. */
    public static final int MAX_AGE = 116;
    /** The malformed names the dataset is known to hold (race missing). */
    public static final List<String> KNOWN_MALFORMED = List.of("39_1_20170116174525125.jpg.chip.jpg",
            "61_1_20170109150557335.jpg.chip.jpg", "61_1_20170109142408075.jpg.chip.jpg");
    /** The folder names the archives unpack to, tried in order when the user names their parent. */
    public static final List<String> FOLDERS = List.of("UTKFace", "crop_part1");

    private static final Pattern NAME = Pattern.compile("(\\d{1,3})_([01])_([0-4])_(\\d{17})\\.jpg(\\.chip\\.jpg)?");
    private static final Pattern RACE_MISSING = Pattern.compile("(\\d{1,3})_([01])_(\\d{17})\\.jpg(\\.chip\\.jpg)?");

    private UtkFaceNames() {
    }

    /**
     * Reads every {@code .jpg} of the image folder (in name order, so the manifest does not depend on the file
     * system's listing order).
     *
     * @param source the user's folder: {@code UTKFace/} itself or its parent
     * @return what was found, image paths relative to {@code source}
     * @throws ImportException if a name breaks the pattern, or there are no images
     * @throws IOException           if the folder cannot be listed
     */
    public static AttributeImport read(Path source) throws ImportException, IOException {
        Path folder = source;
        String prefix = "";
        if (jpegs(source).isEmpty()) {
            for (String name : FOLDERS) {
                if (Files.isDirectory(source.resolve(name))) {
                    folder = source.resolve(name);
                    prefix = name + "/";
                    break;
                }
            }
        }
        List<String> names = jpegs(folder);
        if (names.isEmpty()) {
            throw new ImportException(source, 0, "no UTKFace images: expected files named"
                    + " [age]_[gender]_[race]_[date&time].jpg(.chip.jpg) in it or in " + String.join(" or ", FOLDERS) + "/");
        }
        List<SourceImage> images = new ArrayList<>();
        Map<String, String> reported = new LinkedHashMap<>();
        for (String name : names) {
            Matcher full = NAME.matcher(name);
            Matcher raceMissing = RACE_MISSING.matcher(name);
            String race;
            Matcher m;
            if (full.matches()) {
                m = full;
                race = RACES.get(Integer.parseInt(full.group(3)));
            } else if (raceMissing.matches()) {
                m = raceMissing;
                race = "";
                reported.put(prefix + name, "race field missing: kept with race unknown"
                        + (KNOWN_MALFORMED.contains(name) ? " (a known malformed name)" : ""));
            } else {
                throw new ImportException(folder.resolve(name), 0, "not a UTKFace name: expected"
                        + " [age]_[gender]_[race]_[yyyymmddHHMMSSFFF].jpg or .jpg.chip.jpg, age 0.." + MAX_AGE
                        + ", gender 0/1, race 0..4; remove or rename the file");
            }
            int age = Integer.parseInt(m.group(1));
            if (age > MAX_AGE) {
                throw new ImportException(folder.resolve(name), 0, "age " + age + " is above " + MAX_AGE);
            }
            String sex = m.group(2).equals("0") ? "male" : "female";
            Map<String, String> groups = new LinkedHashMap<>();
            groups.put("sex", sex);
            groups.put("age_band", AgeBands.of(age));
            if (!race.isEmpty()) {
                groups.put("race", race);
            }
            images.add(new SourceImage(name, "utkface-" + name, prefix + name, true,
                    Map.of("sex", sex, "age", Integer.toString(age)), groups));
        }
        return new AttributeImport(images, List.of(), reported, Map.of());
    }

    private static List<String> jpegs(Path folder) throws ImportException, IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.toLowerCase(java.util.Locale.ROOT).endsWith(".jpg")).sorted().toList();
        }
    }
}
