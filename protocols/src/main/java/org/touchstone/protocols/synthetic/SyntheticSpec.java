package org.touchstone.protocols.synthetic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What synthetic dataset to generate. Written as a spec string such as
 * {@code synthetic:subjects=100,images=4,seed=7}; see {@code docs/synthetic-dataset.md}.
 *
 * @param subjects         number of people, {@value #MIN_SUBJECTS}..{@value #MAX_SUBJECTS}
 * @param imagesPerSubject images of each person, {@value #MIN_IMAGES}..{@value #MAX_IMAGES}
 * @param seed             any 64-bit value; the whole dataset is a function of the spec
 * @param imageSize        width and height in pixels, {@value #MIN_SIZE}..{@value #MAX_SIZE}
 * @param difficulty       nuisance multiplier per demographic group
 */
public record SyntheticSpec(int subjects, int imagesPerSubject, long seed, int imageSize,
                            DifficultyProfile difficulty) {
    /** Folder, relative to a written dataset's manifest, that holds one folder of images per subject. */
    public static final String IMAGES_FOLDER = "images";
    /** The scheme prefix of a spec string. */
    public static final String PREFIX = "synthetic:";
    /** Fewest subjects. */
    public static final int MIN_SUBJECTS = 10;
    /**
     * Most subjects: enough for a million-distractor gallery plus its probes. Datasets this large are
     * meant to be procedural (rendered on demand, see {@code docs/dataset-manifest.md}); written to
     * files, at most {@code SyntheticDatasetWriter.MAX_FILE_SUBJECTS} (100,000). Times {@value #MAX_IMAGES} images,
     * the image count still fits an {@code int}.
     */
    public static final int MAX_SUBJECTS = 10_000_000;
    /** Fewest images per subject. */
    public static final int MIN_IMAGES = 1;
    /** Most images per subject. */
    public static final int MAX_IMAGES = 100;
    /** Smallest image size. */
    public static final int MIN_SIZE = 48;
    /** Largest image size. */
    public static final int MAX_SIZE = 512;
    /** Image size when the spec does not give one. */
    public static final int DEFAULT_SIZE = 96;

    private static final List<String> KEYS = List.of("subjects", "images", "seed", "size", "difficulty");

    /**
     * @param subjects         number of people
     * @param imagesPerSubject images of each person
     * @param seed             the seed
     * @param imageSize        width and height in pixels
     * @param difficulty       nuisance multiplier per demographic group
     * @throws IllegalArgumentException naming the spec key, as {@link #parse} does, if a value is out of
     *                                  range
     */
    public SyntheticSpec {
        checkRange("subjects", subjects, MIN_SUBJECTS, MAX_SUBJECTS);
        checkRange("images", imagesPerSubject, MIN_IMAGES, MAX_IMAGES);
        checkRange("size", imageSize, MIN_SIZE, MAX_SIZE);
        Objects.requireNonNull(difficulty, "difficulty");
    }

    /**
     * A spec with the default image size and difficulty profile.
     *
     * @param subjects         number of people
     * @param imagesPerSubject images of each person
     * @param seed             the seed
     * @return the spec
     */
    public static SyntheticSpec of(int subjects, int imagesPerSubject, long seed) {
        return new SyntheticSpec(subjects, imagesPerSubject, seed, DEFAULT_SIZE, DifficultyProfile.DEFAULT);
    }

    /**
     * Parses a spec string: {@code synthetic:} followed by comma-separated {@code key=value} pairs, in any
     * order. Required: {@code subjects}, {@code images}, {@code seed}. Optional: {@code size} (default
     * {@value #DEFAULT_SIZE}) and {@code difficulty} (default {@link DifficultyProfile#DEFAULT}, see
     * {@link DifficultyProfile#parse}). Spaces around keys and values are ignored.
     *
     * @param spec such as {@code synthetic:subjects=100,images=4,seed=7,size=128,difficulty=none}
     * @return the spec
     * @throws IllegalArgumentException naming the key and what was expected, for a missing prefix, an
     *                                  unknown, repeated or missing key, a malformed number or an
     *                                  out-of-range value
     */
    public static SyntheticSpec parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String trimmed = spec.trim();
        if (!trimmed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("synthetic spec must start with '" + PREFIX
                    + "', e.g. synthetic:subjects=100,images=4,seed=7; was '" + spec + "'");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : trimmed.substring(PREFIX.length()).split(",", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("synthetic spec part '" + pair.trim()
                        + "' must be key=value, with key one of " + KEYS);
            }
            String key = pair.substring(0, eq).trim();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("synthetic spec key '" + key + "' is unknown; keys are " + KEYS);
            }
            if (values.put(key, pair.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("synthetic spec key '" + key + "' is given twice");
            }
        }
        int subjects = parseInt(values, "subjects", MIN_SUBJECTS, MAX_SUBJECTS, null);
        int images = parseInt(values, "images", MIN_IMAGES, MAX_IMAGES, null);
        long seed = parseSeed(values);
        int size = parseInt(values, "size", MIN_SIZE, MAX_SIZE, DEFAULT_SIZE);
        String difficulty = values.get("difficulty");
        return new SyntheticSpec(subjects, images, seed, size,
                difficulty == null ? DifficultyProfile.DEFAULT : DifficultyProfile.parse(difficulty));
    }

    private static int parseInt(Map<String, String> values, String key, int min, int max, Integer fallback) {
        String text = values.get(key);
        if (text == null) {
            if (fallback == null) {
                throw new IllegalArgumentException("synthetic spec key '" + key + "' is required: an integer "
                        + min + ".." + max);
            }
            return fallback;
        }
        if (!text.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("synthetic spec key '" + key + "' must be an integer " + min
                    + ".." + max + ", was '" + text + "'");
        }
        int value = Integer.parseInt(text);
        checkRange(key, value, min, max);
        return value;
    }

    private static long parseSeed(Map<String, String> values) {
        String text = values.get("seed");
        if (text == null) {
            throw new IllegalArgumentException("synthetic spec key 'seed' is required: a 64-bit integer");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("synthetic spec key 'seed' must be a 64-bit integer, was '"
                    + text + "'", e);
        }
    }

    private static void checkRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("synthetic spec key '" + key + "' must be " + min + ".." + max
                    + ", was " + value);
        }
    }

    /**
     * The normalised spec string: every key, in the fixed order subjects, images, seed, size, difficulty,
     * with the difficulty profile in canonical form. Two specs that generate the same dataset have the
     * same canonical string, and {@code parse(canonical())} equals this spec.
     *
     * @return such as
     *         {@code synthetic:subjects=100,images=4,seed=7,size=96,difficulty=sex.female*1.2+skin_tone.darker*1.5}
     */
    public String canonical() {
        return PREFIX + "subjects=" + subjects + ",images=" + imagesPerSubject + ",seed=" + seed
                + ",size=" + imageSize + ",difficulty=" + difficulty.canonical();
    }

    /**
     * The canonical spec as a folder name that every common file system accepts: {@code synthetic-}
     * instead of {@code synthetic:}, and {@code x} instead of {@code *} (both forbidden on Windows).
     * Distinct specs give distinct names.
     *
     * @return such as
     *         {@code synthetic-subjects=100,images=4,seed=7,size=96,difficulty=sex.femalex1.2+skin_tone.darkerx1.5}
     */
    public String directoryName() {
        return "synthetic-" + canonical().substring(PREFIX.length()).replace('*', 'x');
    }

    /**
     * @param subjectIndex 0-based subject index
     * @return the subject id, {@code S} and the 1-based number zero-padded to at least five digits and
     *         to the width of the largest number, so that ids sort in subject order
     */
    public String subjectId(int subjectIndex) {
        checkIndex("subjectIndex", subjectIndex, subjects);
        return "S" + padded(subjectIndex + 1, Math.max(5, digits(subjects)));
    }

    /**
     * @param subjectIndex 0-based subject index
     * @param imageIndex   0-based image index within the subject
     * @return the sample id, the subject id, {@code -} and the 1-based image number zero-padded to at least
     *         two digits, such as {@code S00001-01}
     */
    public String sampleId(int subjectIndex, int imageIndex) {
        checkIndex("imageIndex", imageIndex, imagesPerSubject);
        return subjectId(subjectIndex) + "-" + padded(imageIndex + 1, Math.max(2, digits(imagesPerSubject)));
    }

    /**
     * @param subjectIndex 0-based subject index
     * @param imageIndex   0-based image index within the subject
     * @return the image's path in a written dataset, relative to its manifest:
     *         {@code images/<subject_id>/<sample_id>.png}
     */
    public String imagePath(int subjectIndex, int imageIndex) {
        return IMAGES_FOLDER + "/" + subjectId(subjectIndex) + "/" + sampleId(subjectIndex, imageIndex) + ".png";
    }

    /**
     * The inverse of {@link #subjectId}.
     *
     * @param subjectId a subject id
     * @return its 0-based subject index, or -1 when it is not a subject id of this spec
     */
    public int subjectIndexOf(String subjectId) {
        int width = Math.max(5, digits(subjects));
        if (subjectId.length() != 1 + width || subjectId.charAt(0) != 'S' || !allDigits(subjectId, 1)) {
            return -1;
        }
        int number = Integer.parseInt(subjectId, 1, subjectId.length(), 10);
        return number >= 1 && number <= subjects ? number - 1 : -1;
    }

    /**
     * The inverse of {@link #sampleId}.
     *
     * @param sampleId a sample id
     * @return its position in the dataset, {@code subject * imagesPerSubject + image}, or -1 when it is not a
     *         sample id of this spec
     */
    public int sampleIndexOf(String sampleId) {
        int dash = sampleId.indexOf('-');
        if (dash < 0) {
            return -1;
        }
        int subject = subjectIndexOf(sampleId.substring(0, dash));
        int width = Math.max(2, digits(imagesPerSubject));
        if (subject < 0 || sampleId.length() != dash + 1 + width || !allDigits(sampleId, dash + 1)) {
            return -1;
        }
        int image = Integer.parseInt(sampleId, dash + 1, sampleId.length(), 10);
        return image >= 1 && image <= imagesPerSubject ? subject * imagesPerSubject + image - 1 : -1;
    }

    private static boolean allDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return from < s.length();
    }

    /** @return total number of images, subjects times images per subject */
    public int imageCount() {
        return subjects * imagesPerSubject;
    }

    void checkIndex(String name, int index, int count) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(name + " must be 0.." + (count - 1) + " for " + canonical()
                    + ", was " + index);
        }
    }

    private static int digits(int n) {
        return Integer.toString(n).length();
    }

    private static String padded(int n, int width) {
        String s = Integer.toString(n);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    @Override
    public String toString() {
        return canonical();
    }
}
