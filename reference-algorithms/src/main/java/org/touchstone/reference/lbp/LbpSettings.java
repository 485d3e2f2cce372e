package org.touchstone.reference.lbp;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.touchstone.api.FailureCode;
import org.touchstone.api.FaceSystemException;

/**
 * The tunable parameters of the LBP system, read from {@value #FILE_NAME} in the configuration directory.
 * Every key is optional; no configuration directory, or no such file in it, means the defaults.
 *
 * <pre>
 * radius = 2                     # 1 or 2: radius of the LBP(8, R) circle in pixels
 * grid = 8x8                     # columns x rows of histogram cells, each 1 to 24
 * similarity = bhattacharyya     # bhattacharyya | chi-square | intersection
 * normalisation = none           # none | contrast-stretch | histogram-equalisation
 * </pre>
 *
 * @param radius        radius of the sampling circle, 1 or 2
 * @param gridColumns   histogram cells across the working image
 * @param gridRows      histogram cells down the working image
 * @param similarity    how histograms are compared
 * @param normalisation brightness correction before the operator
 */
record LbpSettings(int radius, int gridColumns, int gridRows, Similarity similarity,
        PhotometricNormalisation normalisation) {

    /** The configuration file's name inside the configuration directory. */
    static final String FILE_NAME = "lbp.properties";
    /** Cells of fewer than 4x4 pixels of the 96x96 working image hold too few codes for a histogram. */
    static final int MAX_GRID = 24;

    private static final String RADIUS = "radius";
    private static final String GRID = "grid";
    private static final String SIMILARITY = "similarity";
    private static final String NORMALISATION = "normalisation";
    private static final Set<String> KEYS = Set.of(RADIUS, GRID, SIMILARITY, NORMALISATION);
    private static final Pattern GRID_VALUE = Pattern.compile("(\\d{1,3})x(\\d{1,3})");

    private static final LbpSettings DEFAULTS =
            new LbpSettings(2, 8, 8, Similarity.BHATTACHARYYA, PhotometricNormalisation.NONE);

    /** @return the settings used when no configuration file is given */
    static LbpSettings defaults() {
        return DEFAULTS;
    }

    /** @return the number of histogram cells */
    int cells() {
        return gridColumns * gridRows;
    }

    /** @return the number of histogram values in one grid row: a 59-bin histogram per cell */
    int valuesPerGridRow() {
        return gridColumns * UniformPatterns.LABELS;
    }

    /** @return the grid as written in the configuration file, such as {@code 8x8} */
    String grid() {
        return gridColumns + "x" + gridRows;
    }

    /**
     * Reads {@value #FILE_NAME} from the configuration directory, if there is one.
     *
     * @param configDirectory the system's configuration directory, or empty
     * @return the settings: the defaults overridden by the file's keys
     * @throws FaceSystemException with {@link FailureCode#CONFIG_ERROR}, naming the file and the key, if
     *                             the file cannot be read, has an unknown key or a bad value
     */
    static LbpSettings load(Optional<Path> configDirectory) throws FaceSystemException {
        if (configDirectory.isEmpty()) {
            return DEFAULTS;
        }
        if (!Files.isDirectory(configDirectory.get())) {
            throw new FaceSystemException(FailureCode.CONFIG_ERROR,
                    "configuration directory " + configDirectory.get() + " does not exist or is not a directory");
        }
        Path file = configDirectory.get().resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return DEFAULTS;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new FaceSystemException(FailureCode.CONFIG_ERROR, file + ": cannot be read: " + e.getMessage(), e);
        }
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new FaceSystemException(FailureCode.CONFIG_ERROR, file + ": unknown key '" + unknown.iterator().next()
                    + "'; the known keys are " + new TreeSet<>(KEYS));
        }
        int radius = DEFAULTS.radius;
        int columns = DEFAULTS.gridColumns;
        int rows = DEFAULTS.gridRows;
        String radiusText = value(properties, RADIUS);
        if (radiusText != null) {
            if (!radiusText.equals("1") && !radiusText.equals("2")) {
                throw badValue(file, RADIUS, radiusText, "1 or 2");
            }
            radius = Integer.parseInt(radiusText);
        }
        String gridText = value(properties, GRID);
        if (gridText != null) {
            Matcher m = GRID_VALUE.matcher(gridText);
            if (!m.matches()) {
                throw badValue(file, GRID, gridText, "COLUMNSxROWS, such as 8x8");
            }
            columns = Integer.parseInt(m.group(1));
            rows = Integer.parseInt(m.group(2));
            if (columns < 1 || rows < 1 || columns > MAX_GRID || rows > MAX_GRID) {
                throw badValue(file, GRID, gridText, "columns and rows from 1 to " + MAX_GRID);
            }
        }
        Similarity similarity = choice(file, properties, SIMILARITY, Similarity.values(), Similarity::configName,
                DEFAULTS.similarity);
        PhotometricNormalisation normalisation = choice(file, properties, NORMALISATION,
                PhotometricNormalisation.values(), PhotometricNormalisation::configName, DEFAULTS.normalisation);
        return new LbpSettings(radius, columns, rows, similarity, normalisation);
    }

    private static String value(Properties properties, String key) {
        String text = properties.getProperty(key);
        return text == null ? null : text.strip();
    }

    private static <E> E choice(Path file, Properties properties, String key, E[] options,
            Function<E, String> configName, E fallback) throws FaceSystemException {
        String text = value(properties, key);
        if (text == null) {
            return fallback;
        }
        for (E option : options) {
            if (configName.apply(option).equals(text)) {
                return option;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E option : options) {
            allowed.append(allowed.length() == 0 ? "" : " | ").append(configName.apply(option));
        }
        throw badValue(file, key, text, allowed.toString());
    }

    private static FaceSystemException badValue(Path file, String key, String value, String expected) {
        return new FaceSystemException(FailureCode.CONFIG_ERROR,
                file + ": key '" + key + "' has value '" + value + "'; expected " + expected);
    }
}
