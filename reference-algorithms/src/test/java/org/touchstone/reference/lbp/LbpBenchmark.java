package org.touchstone.reference.lbp;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.touchstone.api.FaceImage;
import org.touchstone.api.ImageDecodeException;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;

/**
 * Measurements run by hand, not by the build: how well each configuration separates genuine from
 * impostor pairs of {@link SyntheticFaces}, the thresholds at fixed false match rates, and single-thread
 * speed. Run it pinned to one core, after {@code mvn -pl reference-algorithms -am test-compile}:
 *
 * <pre>
 * taskset -c 0 java -Djava.awt.headless=true \
 *   -cp reference-algorithms/target/classes:reference-algorithms/target/test-classes:harness-api/target/classes \
 *   org.touchstone.reference.lbp.LbpBenchmark [separation|speed|all] [identities] [samples]
 * </pre>
 */
final class LbpBenchmark {
    private LbpBenchmark() {
    }

    /**
     * @param args optional: what to measure (default all), the number of identities (default 100) and
     *             samples per identity (default 4)
     * @throws ImageDecodeException never: the benchmark's own images decode
     */
    public static void main(String[] args) throws ImageDecodeException {
        String mode = args.length > 0 ? args[0] : "all";
        int identities = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        List<FaceImage> faces = new ArrayList<>();
        for (int id = 0; id < identities; id++) {
            for (int s = 0; s < samples; s++) {
                faces.add(SyntheticFaces.face(id, s));
            }
        }
        if (!mode.equals("speed")) {
            separations(faces, identities, samples);
        }
        if (!mode.equals("separation")) {
            speed(faces);
        }
    }

    private static void separations(List<FaceImage> faces, int identities, int samples) {
        System.out.printf(Locale.ROOT, "%d identities x %d samples: %d genuine, %d impostor pairs%n%n", identities,
                samples, identities * samples * (samples - 1) / 2,
                identities * (identities - 1) / 2 * samples * samples);
        System.out.println("radius grid  similarity   normalisation            genuine  impostor  d'     EER     "
                + "FNMR at FMR 1e-2, 1e-3, 1e-4 (thresholds)                  max impostor");
        for (int radius = 1; radius <= 2; radius++) {
            for (PhotometricNormalisation normalisation : PhotometricNormalisation.values()) {
                for (Similarity similarity : Similarity.values()) {
                    separation(new LbpSettings(radius, 8, 8, similarity, normalisation), faces, samples);
                }
            }
        }
        for (int grid : new int[] {4, 6, 7, 10, 12}) {
            separation(new LbpSettings(2, grid, grid, Similarity.CHI_SQUARE, PhotometricNormalisation.NONE), faces,
                    samples);
        }
        System.out.println();
    }

    private static void separation(LbpSettings settings, List<FaceImage> faces, int samples) {
        LbpVerifier verifier = new LbpVerifier(settings);
        List<Template> templates = new ArrayList<>();
        for (FaceImage face : faces) {
            templates.add(verifier.createTemplate(List.of(face), TemplateRole.VERIFICATION_ENROLMENT).value());
        }
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            for (int j = i + 1; j < templates.size(); j++) {
                double score = verifier.compare(templates.get(i), templates.get(j)).similarity();
                (i / samples == j / samples ? genuine : impostor).add(score);
            }
        }
        double[] g = genuine.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] im = impostor.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double dPrime = (mean(g) - mean(im)) / Math.sqrt((variance(g) + variance(im)) / 2);
        StringBuilder atFmr = new StringBuilder();
        for (double fmr : new double[] {1e-2, 1e-3, 1e-4}) {
            double threshold = thresholdAtFmr(im, fmr);
            atFmr.append(String.format(Locale.ROOT, "%.3f (%.4f)  ", fractionBelow(g, threshold), threshold));
        }
        System.out.printf(Locale.ROOT, "%-6d %-5s %-12s %-24s %.4f   %.4f    %5.2f  %.4f  %s  %.4f%n",
                settings.radius(), settings.grid(), settings.similarity().configName(),
                settings.normalisation().configName(), mean(g), mean(im), dPrime, equalErrorRate(g, im),
                atFmr, im[im.length - 1]);
    }

    /**
     * Times template creation and comparison on the calling thread. Each figure is timed over several
     * rounds and reported as the best and the median round, since other processes on a shared machine
     * only ever add time.
     */
    private static void speed(List<FaceImage> faces) throws ImageDecodeException {
        final int rounds = 15;
        LbpVerifier verifier = new LbpVerifier(LbpSettings.defaults());
        List<FaceImage> small = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            BufferedImage face = SyntheticFaces.draw(i, 0);
            BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_BYTE_GRAY);
            image.createGraphics().drawImage(face, 0, 0, 96, 96, null);
            small.add(SyntheticFaces.png("small" + i, image));
        }
        double[] decodeMicros = new double[rounds];
        double[] createMicros = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            // Fresh images each round, so that each round decodes: FaceImage caches its raster.
            small.replaceAll(f -> new FaceImage(f.id(), f.format(), bytesOf(f)));
            long start = System.nanoTime();
            for (FaceImage image : small) {
                image.raster();
            }
            long decoded = System.nanoTime();
            for (FaceImage image : small) {
                verifier.createTemplate(List.of(image), TemplateRole.VERIFICATION_PROBE);
            }
            long created = System.nanoTime();
            decodeMicros[round] = (decoded - start) / 1e3 / small.size();
            createMicros[round] = (created - decoded) / 1e3 / small.size();
        }
        report("96x96 PNG decode by FaceImage.raster()", decodeMicros);
        report("template creation from a decoded 96x96 image", createMicros);

        List<Template> templates = new ArrayList<>();
        for (FaceImage face : faces) {
            templates.add(verifier.createTemplate(List.of(face), TemplateRole.VERIFICATION_ENROLMENT).value());
        }
        double pairs = (double) templates.size() * templates.size();
        double[] compareMicros = new double[rounds];
        double[] compareManyMicros = new double[rounds];
        double sink = 0;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            for (Template a : templates) {
                for (Template b : templates) {
                    sink += verifier.compare(a, b).similarity();
                }
            }
            long compared = System.nanoTime();
            for (Template probe : templates) {
                sink += verifier.compareMany(probe, templates).get(0).similarity();
            }
            long comparedMany = System.nanoTime();
            compareMicros[round] = (compared - start) / 1e3 / pairs;
            compareManyMicros[round] = (comparedMany - compared) / 1e3 / pairs;
        }
        report("compare(enrolment, probe)", compareMicros);
        report("compareMany(probe, " + templates.size() + " enrolments), per comparison", compareManyMicros);
        System.out.println(sink > 0 ? "" : "(no scores?)");
    }

    private static void report(String what, double[] microsecondsEach) {
        double[] sorted = microsecondsEach.clone();
        Arrays.sort(sorted);
        double best = sorted[0];
        double median = sorted[sorted.length / 2];
        System.out.printf(Locale.ROOT, "%-60s best %8.2f us (%9.0f per second), median %8.2f us (%9.0f per second)%n",
                what, best, 1e6 / best, median, 1e6 / median);
    }

    private static byte[] bytesOf(FaceImage image) {
        byte[] bytes = new byte[image.encodedLength()];
        image.encoded().get(bytes);
        return bytes;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double variance(double[] values) {
        double m = mean(values);
        return Arrays.stream(values).map(v -> (v - m) * (v - m)).sum() / (values.length - 1);
    }

    /** The lowest threshold at which at most {@code fmr} of the (sorted) impostor scores match. */
    private static double thresholdAtFmr(double[] impostors, double fmr) {
        int allowed = (int) Math.floor(fmr * impostors.length);
        return Math.nextUp(impostors[impostors.length - 1 - allowed]);
    }

    private static double fractionBelow(double[] sorted, double threshold) {
        int below = 0;
        while (below < sorted.length && sorted[below] < threshold) {
            below++;
        }
        return (double) below / sorted.length;
    }

    private static double equalErrorRate(double[] genuine, double[] impostors) {
        double best = 1;
        for (double threshold : genuine) {
            double fnmr = fractionBelow(genuine, threshold);
            double fmr = 1 - fractionBelow(impostors, threshold);
            best = Math.min(best, Math.max(fnmr, fmr));
        }
        return best;
    }
}
