package org.touchstone.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.touchstone.api.FaceImage;
import org.touchstone.api.ImageDecodeException;
import org.touchstone.api.ImageFormat;
import org.touchstone.protocols.synthetic.SyntheticFaceRenderer;
import org.touchstone.protocols.synthetic.SyntheticLabels;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.reference.attributes.AttributeModels;
import org.touchstone.reference.attributes.FaceFeatures;

/**
 * Fits the synthetic-face attribute models that {@code synthetic-attributes} (in {@code reference-algorithms})
 * loads ({@link AttributeModels#RESOURCE}), and writes their parameters.
 *
 * <p>The recipe, all fixed so the output is reproducible bit for bit: a synthetic training set that no
 * demo or test evaluates on ({@link #TRAINING_SPEC}); the images go through PNG exactly as the harness
 * hands them to systems; the first {@value #FIT_SUBJECTS} subjects fit the models, the remaining ones
 * calibrate them (Platt scaling of each classifier, and the age model's confidence); L-BFGS runs a
 * fixed number of iterations from zero.
 *
 * <p>The build fits them: {@code reference-training}'s {@code process-classes} phase runs
 * {@link FittedResources} with this module's class folder as the destination, so the models are built like the
 * classes are (model weights are never committed) and reach the runner in this module's jar.
 * {@code AttributeModelTrainerTest} pins the SHA-256 of what it produces: after changing the features or the
 * generator, a build refits them and that test fails until the new digest is recorded there (and the demo's
 * golden outputs for {@code synthetic-attributes} change with them). {@code mvn -q -pl reference-training -am
 * package -DskipTests} (re)fits them into {@code reference-training/target/classes}; {@link #main} with only an
 * output file writes them anywhere.
 */
public final class AttributeModelTrainer {
    /** The training data: a seed used nowhere else. */
    public static final String TRAINING_SPEC = "synthetic:subjects=600,images=4,seed=424242";
    /** Subjects that fit the models; the rest calibrate them. */
    static final int FIT_SUBJECTS = 450;
    static final double CLASSIFIER_L2 = 1e-2;
    static final double AGE_L2 = 1e-1;
    static final double AGE_TOLERANCE_YEARS = 5;
    static final int ITERATIONS = 300;
    static final int MEMORY = 10;

    /** The models as the build fits them ({@link FittedResources}): {@link AttributeModels#write}'s text. */
    static final FittedResources.Model MODEL = new FittedResources.Model("synthetic-attributes models",
            AttributeModels.RESOURCE, List.of(AttributeModelTrainer.class, FaceFeatures.class,
            SyntheticFaceRenderer.class, FaceImage.class), () -> {
                AttributeModels models = train();
                return new FittedResources.Fitted(models.toText().getBytes(StandardCharsets.UTF_8),
                        models.comments().stream().map(c -> "# " + c).toList());
            });

    private AttributeModelTrainer() {
    }

    /**
     * Writes the fitted models, unless {@code STAMP_FILE} says they are already there from the same code.
     *
     * @param args {@code OUTPUT_FILE [STAMP_FILE]}: with a stamp file, the fit is skipped when the output exists
     *             and the stamp holds the digest of the code that fits it and of the JVM; after a
     *             fit the stamp is written
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        FittedResources.main(MODEL, args);
    }

    /** One training image's features and truth. */
    private record Example(double[] z, SyntheticLabels labels, boolean fit) {
    }

    /** @return the fitted models */
    public static AttributeModels train() {
        SyntheticSpec spec = SyntheticSpec.parse(TRAINING_SPEC);
        SyntheticFaceRenderer renderer = new SyntheticFaceRenderer(spec);
        int perSubject = spec.imagesPerSubject();
        double[][] raw = IntStream.range(0, spec.imageCount()).parallel()
                .mapToObj(i -> features(renderer, spec, i / perSubject, i % perSubject))
                .toArray(double[][]::new);
        int d = FaceFeatures.LENGTH;
        int fitImages = FIT_SUBJECTS * perSubject;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int i = 0; i < fitImages; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += raw[i][j] / fitImages;
            }
        }
        for (int i = 0; i < fitImages; i++) {
            for (int j = 0; j < d; j++) {
                scale[j] += (raw[i][j] - mean[j]) * (raw[i][j] - mean[j]) / fitImages;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.max(Math.sqrt(scale[j]), 1e-6);
        }
        List<Example> examples = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            double[] z = new double[d];
            for (int j = 0; j < d; j++) {
                z[j] = (raw[i][j] - mean[j]) / scale[j];
            }
            examples.add(new Example(z, renderer.labels(i / perSubject, i % perSubject), i < fitImages));
        }
        List<Example> fit = examples.stream().filter(Example::fit).toList();
        List<Example> calibration = examples.stream().filter(e -> !e.fit()).toList();

        List<String> comments = new ArrayList<>();
        comments.add("Touchstone synthetic-face attribute models: FaceFeatures v" + FaceFeatures.VERSION + " ("
                + d + " values), fitted by reference-training AttributeModelTrainer");
        comments.add("data: " + spec.canonical() + " (generator " + SyntheticFaceRenderer.GENERATOR_NAME + " "
                + SyntheticFaceRenderer.GENERATOR_VERSION + "), rendered to PNG as the harness serves it");
        comments.add("fit: subjects 1-" + FIT_SUBJECTS + " (" + fit.size() + " images); calibration: subjects "
                + (FIT_SUBJECTS + 1) + "-" + spec.subjects() + " (" + calibration.size() + " images)");
        comments.add("optimiser: L-BFGS (memory " + MEMORY + ") for " + ITERATIONS + " iterations from zero; L2 "
                + CLASSIFIER_L2 + " (classifiers), " + AGE_L2 + " (age)");

        Map<String, AttributeModels.Classifier> classifiers = new LinkedHashMap<>();
        classifiers.put("sex", classifier("sex", "male", "female", l -> l.sex().equals("male"), fit, calibration,
                comments));
        classifiers.put("smile", classifier("smile", "true", "false", SyntheticLabels::smile, fit, calibration,
                comments));
        classifiers.put("eyeglasses", classifier("eyeglasses", "true", "false", SyntheticLabels::eyeglasses, fit,
                calibration, comments));
        AttributeModels.Regressor age = age(fit, calibration, comments);
        return new AttributeModels(List.copyOf(comments), mean, scale, classifiers, age);
    }

    private static double[] features(SyntheticFaceRenderer renderer, SyntheticSpec spec, int subject, int image) {
        FaceImage face = new FaceImage(spec.sampleId(subject, image), ImageFormat.PNG, renderer.renderPng(subject, image));
        try {
            double[] f = FaceFeatures.extract(face.raster());
            if (f == null) {
                throw new IllegalStateException("synthetic image " + face.id() + " has no features");
            }
            return f;
        } catch (ImageDecodeException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AttributeModels.Classifier classifier(String name, String positive, String negative,
                                                         Predicate<SyntheticLabels> isPositive, List<Example> fit,
                                                         List<Example> calibration, List<String> comments) {
        int d = FaceFeatures.LENGTH;
        double[] params = new double[d + 1]; // weights, then bias
        Lbfgs.minimise((x, g) -> {
            java.util.Arrays.fill(g, 0);
            double loss = 0;
            for (Example e : fit) {
                double s = score(x, e.z());
                double y = isPositive.test(e.labels()) ? 1 : 0;
                loss += logLoss(s, y);
                double r = sigmoid(s) - y;
                for (int j = 0; j < d; j++) {
                    g[j] += r * e.z()[j];
                }
                g[d] += r;
            }
            loss /= fit.size();
            for (int j = 0; j <= d; j++) {
                g[j] /= fit.size();
            }
            for (int j = 0; j < d; j++) {
                loss += CLASSIFIER_L2 / 2 * x[j] * x[j];
                g[j] += CLASSIFIER_L2 * x[j];
            }
            return loss;
        }, params, ITERATIONS, MEMORY);
        double[] weights = java.util.Arrays.copyOf(params, d);
        double bias = params[d];
        double[] platt = {1, 0};
        Lbfgs.minimise((x, g) -> {
            g[0] = 0;
            g[1] = 0;
            double loss = 0;
            for (Example e : calibration) {
                double s = score(params, e.z());
                double y = isPositive.test(e.labels()) ? 1 : 0;
                double t = x[0] * s + x[1];
                loss += logLoss(t, y);
                double r = sigmoid(t) - y;
                g[0] += r * s / calibration.size();
                g[1] += r / calibration.size();
            }
            return loss / calibration.size();
        }, platt, ITERATIONS, MEMORY);
        AttributeModels.Classifier c = new AttributeModels.Classifier(positive, negative, weights, bias, platt[0],
                platt[1]);
        long right = calibration.stream().filter(e -> (c.probability(e.z()) >= 0.5) == isPositive.test(e.labels()))
                .count();
        comments.add(String.format(Locale.ROOT, "%s: calibration-split accuracy %d/%d", name, right,
                calibration.size()));
        return c;
    }

    private static AttributeModels.Regressor age(List<Example> fit, List<Example> calibration, List<String> comments) {
        int d = FaceFeatures.LENGTH;
        double meanAge = fit.stream().mapToDouble(e -> e.labels().age()).average().orElseThrow();
        double[] params = new double[d + 1];
        params[d] = meanAge;
        Lbfgs.minimise((x, g) -> {
            java.util.Arrays.fill(g, 0);
            double loss = 0;
            for (Example e : fit) {
                double r = score(x, e.z()) - e.labels().age();
                loss += r * r / 2;
                for (int j = 0; j < d; j++) {
                    g[j] += r * e.z()[j];
                }
                g[d] += r;
            }
            loss /= fit.size();
            for (int j = 0; j <= d; j++) {
                g[j] /= fit.size();
            }
            for (int j = 0; j < d; j++) {
                loss += AGE_L2 / 2 * x[j] * x[j];
                g[j] += AGE_L2 * x[j];
            }
            return loss;
        }, params, ITERATIONS, MEMORY);
        double[] weights = java.util.Arrays.copyOf(params, d);
        long within = calibration.stream()
                .filter(e -> Math.abs(score(params, e.z()) - e.labels().age()) <= AGE_TOLERANCE_YEARS).count();
        double confidence = (double) within / calibration.size();
        double mae = calibration.stream().mapToDouble(e -> Math.abs(score(params, e.z()) - e.labels().age()))
                .average().orElseThrow();
        comments.add(String.format(Locale.ROOT, "age: calibration-split mean absolute error %.2f years; %d/%d"
                + " within %.0f years (the stated confidence)", mae, within, calibration.size(), AGE_TOLERANCE_YEARS));
        return new AttributeModels.Regressor(weights, params[d], AGE_TOLERANCE_YEARS, confidence);
    }

    private static double score(double[] params, double[] z) {
        int d = z.length;
        double s = params[d];
        for (int j = 0; j < d; j++) {
            s += params[j] * z[j];
        }
        return s;
    }

    private static double sigmoid(double s) {
        return 1 / (1 + Math.exp(-s));
    }

    /** log(1 + e^s) - y s, computed without overflow. */
    private static double logLoss(double s, double y) {
        return (s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s))) - y * s;
    }
}
