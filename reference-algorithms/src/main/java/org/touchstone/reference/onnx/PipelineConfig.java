package org.touchstone.reference.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FailureCode;

/**
 * The configuration of the ONNX multi-model pipeline, read strictly from {@value #FILE_NAME}: which model
 * does each stage, how its input is encoded, and how its output is decoded. docs/onnx-system.md lists
 * every key; the reference configuration for the faceplugin models ships as the class-path resource
 * {@value #REFERENCE_RESOURCE}.
 *
 * @param source         where the configuration came from, for provenance and messages
 * @param sha256         the SHA-256 of the configuration file's bytes
 * @param reference      whether this is the shipped reference configuration
 * @param name           the model set's name, free text
 * @param intraOpThreads threads per model call; 0 means "choose from the cores and the caller threads"
 * @param detector       the face detector
 * @param landmarks      the landmark locator
 * @param template       the five alignment points in embedding-input pixels: eye centres (left and right
 *                       in the image), nose tip, mouth corners (left and right in the image)
 * @param embedding      the embedding model
 * @param sex            the sex estimator, if configured
 * @param age            the age estimator, if configured
 */
record PipelineConfig(String source, String sha256, boolean reference, String name, int intraOpThreads,
        Detector detector, Landmarks landmarks, double[][] template, Embedding embedding,
        Optional<Attribute> sex, Optional<Attribute> age) {

    /** The configuration file's name in a configuration directory. */
    static final String FILE_NAME = "system.properties";
    /** The format every configuration declares with {@code format = ...}. */
    static final String FORMAT = "touchstone-onnx-system/1";
    /** The shipped configuration of the reference system {@code onnx-faceplugin}. */
    static final String REFERENCE_RESOURCE = "org/touchstone/reference/onnx/onnx-faceplugin/" + FILE_NAME;
    /** Written at the start of {@code models.dir} to mean the Touchstone cache directory. */
    static final String CACHE_VARIABLE = "${touchstone.cache}";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * One model and how its input is filled.
     *
     * @param stage    the key prefix, such as {@code detector}
     * @param file     the model file
     * @param sha256   the pinned SHA-256, or null when the configuration pins none
     * @param encoding the input encoding
     */
    record Model(String stage, Path file, String sha256, InputEncoding encoding) {
    }

    /**
     * The face detector: a model giving per-anchor face scores and already decoded boxes.
     *
     * @param model          the model
     * @param scoresOutput   output of shape [1, anchors, classes]: class probabilities per anchor
     * @param faceColumn     the class column holding the face probability
     * @param boxesOutput    output of shape [1, anchors, 4]: x1, y1, x2, y2 as fractions of the input size
     * @param scoreThreshold the face probability a detection needs
     * @param nmsIou         overlap (intersection over union) above which the weaker of two boxes is dropped
     * @param squareBoxes    whether each box is made square (side = its height, same centre) before the
     *                       landmark and attribute crops, as the faceplugin models were trained
     */
    record Detector(Model model, String scoresOutput, int faceColumn, String boxesOutput, double scoreThreshold,
            double nmsIou, boolean squareBoxes) {
    }

    /**
     * The landmark locator, on a crop around the detected box.
     *
     * @param model     the model
     * @param output    output of 2 x points values: x, y of each point as fractions of the crop
     * @param layout    the point layout
     * @param cropScale the crop's side relative to the box's
     */
    record Landmarks(Model model, String output, LandmarkLayout layout, double cropScale) {
    }

    /**
     * The embedding model, on the aligned face.
     *
     * @param model  the model
     * @param output output holding the embedding
     */
    record Embedding(Model model, String output) {
    }

    /**
     * An attribute estimator, on a crop around the detected box.
     *
     * @param model     the model
     * @param cropScale the crop's side relative to the box's
     * @param decoder   how the outputs become a value
     * @param output    with {@code scalar}: the output holding the value; null for {@code ssr-net}
     * @param range     with {@code ssr-net}: the value range V (1 for sex, 101 for age in years)
     * @param maleHigh  for sex: whether high values mean male
     */
    record Attribute(Model model, double cropScale, Decoder decoder, String output, double range, boolean maleHigh) {
    }

    /** How an attribute model's outputs become one number. */
    enum Decoder {
        /**
         * SSR-Net's soft stagewise regression (Yang et al., IJCAI 2018): three stages of three bins with
         * outputs {@code prob_stage_k}, {@code index_offset_stagek} and {@code stagek_delta_k}.
         */
        SSR_NET,
        /** One output holding the value itself (for sex: the probability of the high label). */
        SCALAR
    }

    /** The 68-to-5 point reductions the pipeline knows. */
    enum LandmarkLayout {
        /**
         * The 68 points of iBUG 300-W: eye centres as the mean of points 37, 38, 40, 41 and 43, 44, 46, 47
         * (0-based), nose tip 30, mouth corners as the mean of 48 and 60, and of 54 and 64.
         */
        IBUG_68(68),
        /** Five points already in template order. */
        FIVE_POINT(5);

        private final int points;

        LandmarkLayout(int points) {
            this.points = points;
        }

        /** @return points the model outputs */
        int points() {
            return points;
        }
    }

    /**
     * Reads the configuration: {@value #FILE_NAME} in the configuration directory, or the shipped
     * reference configuration when there is no directory.
     *
     * @param configDirectory the system's configuration directory, or empty
     * @return the configuration
     * @throws FaceSystemException {@link FailureCode#CONFIG_ERROR} naming the file and every bad key
     */
    static PipelineConfig load(Optional<Path> configDirectory) throws FaceSystemException {
        if (configDirectory.isEmpty()) {
            return parse(REFERENCE_RESOURCE, readResource(), null, true);
        }
        Path directory = configDirectory.get();
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new FaceSystemException(FailureCode.CONFIG_ERROR, "configuration directory " + directory
                    + " has no " + FILE_NAME + " (the reference one is " + REFERENCE_RESOURCE
                    + " in reference-algorithms/src/main/resources)");
        }
        try {
            return parse(file.toString(), Files.readAllBytes(file), directory, false);
        } catch (IOException e) {
            throw new FaceSystemException(FailureCode.CONFIG_ERROR, file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses a configuration's bytes.
     *
     * @param source    the file's name, for messages
     * @param bytes     the file's bytes, UTF-8
     * @param directory the folder relative model directories are resolved against, or null
     * @param reference whether these are the shipped reference bytes
     * @return the configuration
     * @throws FaceSystemException {@link FailureCode#CONFIG_ERROR} naming the file and every bad key
     */
    static PipelineConfig parse(String source, byte[] bytes, Path directory, boolean reference)
            throws FaceSystemException {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new FaceSystemException(FailureCode.CONFIG_ERROR, source + ": cannot be read: " + e.getMessage(), e);
        }
        ConfigReader r = new ConfigReader(source, properties);
        String format = r.text("format");
        if (format != null && !format.equals(FORMAT)) {
            r.problem("format", "is '" + format + "'; this version reads " + FORMAT);
        }
        String name = r.text("name");
        Path models = modelsDirectory(r, directory);
        String threads = r.optionalText("runtime.intra-op-threads");
        int intraOpThreads = 0;
        if (threads != null && !threads.equals("auto")) {
            intraOpThreads = (int) r.number("runtime.intra-op-threads", 0, 1, 256);
        }

        Model detectorModel = model(r, "detector", models);
        Detector detector = new Detector(detectorModel,
                r.text("detector.output.scores"),
                (int) r.number("detector.output.scores.face-column", 1, 0, 1000),
                r.text("detector.output.boxes"),
                r.number("detector.score-threshold", 0.7, 0, 1),
                r.number("detector.nms-iou", 0.4, 0, 1),
                r.bool("detector.square-boxes", false));
        String boxFormat = r.choice("detector.output.boxes.format", List.of("normalised-corners"), null);
        assert boxFormat == null || boxFormat.equals("normalised-corners");

        Model landmarkModel = model(r, "landmarks", models);
        String layoutName = r.choice("landmarks.layout", List.of("ibug-68", "five-point"), null);
        Landmarks landmarks = new Landmarks(landmarkModel, r.text("landmarks.output"),
                "five-point".equals(layoutName) ? LandmarkLayout.FIVE_POINT : LandmarkLayout.IBUG_68,
                r.number("landmarks.crop-scale", 1.0, 0.5, 4));

        r.choice("alignment.method", List.of("similarity"), "similarity");
        double[][] template = template(r);

        Embedding embedding = new Embedding(model(r, "embedding", models), r.text("embedding.output"));
        Optional<Attribute> sex = attribute(r, "sex", models);
        Optional<Attribute> age = attribute(r, "age", models);
        r.finish();
        return new PipelineConfig(source, sha256(bytes), reference, name, intraOpThreads, detector, landmarks,
                template, embedding, sex, age);
    }

    private static Path modelsDirectory(ConfigReader r, Path directory) {
        String text = r.text("models.dir");
        if (text == null) {
            return Path.of("");
        }
        try {
            if (text.startsWith(CACHE_VARIABLE)) {
                String rest = text.substring(CACHE_VARIABLE.length()).replaceFirst("^/+", "");
                return TouchstoneCache.directory().resolve(rest);
            }
            Path path = Path.of(text);
            if (path.isAbsolute()) {
                return path;
            }
            if (directory == null) {
                r.problem("models.dir", "is relative, but the shipped configuration has no folder to resolve it "
                        + "against; start it with " + CACHE_VARIABLE + " or make it absolute");
                return path;
            }
            return directory.resolve(path);
        } catch (InvalidPathException e) {
            r.problem("models.dir", "is not a valid path: " + e.getMessage());
            return Path.of("");
        }
    }

    private static Model model(ConfigReader r, String stage, Path models) {
        String file = r.text(stage + ".model");
        String sha = r.optionalText(stage + ".model.sha256");
        if (sha != null && !SHA256.matcher(sha).matches()) {
            r.problem(stage + ".model.sha256", "is '" + sha + "'; expected 64 lower-case hex digits");
            sha = null;
        }
        String colourName = r.choice(stage + ".input.colour", InputEncoding.colourNames(), null);
        InputEncoding.Colour colour = colourName == null ? InputEncoding.Colour.RGB
                : InputEncoding.Colour.valueOf(colourName.toUpperCase(java.util.Locale.ROOT));
        double[] mean = r.numbers(stage + ".input.mean", colour.channels());
        double[] std = r.numbers(stage + ".input.std", colour.channels());
        if (std != null) {
            for (double s : std) {
                if (s == 0) {
                    r.problem(stage + ".input.std", "has a zero; every channel is divided by it");
                    break;
                }
            }
        }
        String layoutName = r.choice(stage + ".input.layout", InputEncoding.layoutNames(), "nchw");
        InputEncoding.Layout layout = InputEncoding.Layout.valueOf(layoutName.toUpperCase(java.util.Locale.ROOT));
        Path path = null;
        if (file != null) {
            try {
                path = models.resolve(file);
            } catch (InvalidPathException e) {
                r.problem(stage + ".model", "is not a valid path: " + e.getMessage());
            }
        }
        InputEncoding encoding = mean == null || std == null ? null : new InputEncoding(colour, mean, std, layout);
        return new Model(stage, path, sha, encoding);
    }

    private static double[][] template(ConfigReader r) {
        String text = r.text("alignment.template");
        if (text == null) {
            return null;
        }
        String[] points = text.split(";", -1);
        if (points.length != 5) {
            r.problem("alignment.template", "has " + points.length + " points; expected 5 'x,y' points separated by ';'");
            return null;
        }
        double[][] template = new double[5][2];
        for (int i = 0; i < 5; i++) {
            String[] xy = points[i].strip().split(",", -1);
            try {
                if (xy.length != 2) {
                    throw new NumberFormatException();
                }
                template[i][0] = Double.parseDouble(xy[0].strip());
                template[i][1] = Double.parseDouble(xy[1].strip());
                if (!Double.isFinite(template[i][0]) || !Double.isFinite(template[i][1])) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                r.problem("alignment.template", "point " + (i + 1) + " is '" + points[i].strip() + "'; expected x,y");
                return null;
            }
        }
        return template;
    }

    private static Optional<Attribute> attribute(ConfigReader r, String stage, Path models) {
        if (!r.has(stage + ".model")) {
            return Optional.empty();
        }
        Model model = model(r, stage, models);
        double cropScale = r.number(stage + ".crop-scale", 1.0, 0.5, 4);
        String decoderName = r.choice(stage + ".decoder", List.of("ssr-net", "scalar"), null);
        Decoder decoder = "scalar".equals(decoderName) ? Decoder.SCALAR : Decoder.SSR_NET;
        String output = decoder == Decoder.SCALAR ? r.text(stage + ".output") : null;
        double range = decoder == Decoder.SSR_NET ? r.number(stage + ".ssr-net.range", 1, 1e-9, 1e6) : 1;
        boolean maleHigh = true;
        if (stage.equals("sex")) {
            maleHigh = "male".equals(r.choice("sex.high-means", List.of("male", "female"), null));
        }
        return Optional.of(new Attribute(model, cropScale, decoder, output, range, maleHigh));
    }

    private static byte[] readResource() {
        try (InputStream in = PipelineConfig.class.getClassLoader().getResourceAsStream(REFERENCE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + REFERENCE_RESOURCE + " (a packaging error)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + REFERENCE_RESOURCE, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
