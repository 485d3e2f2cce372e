package org.touchstone.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceImage;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.HashCheck;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.importers.DatasetImporter;
import org.touchstone.protocols.importers.DatasetImporters;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.protocols.importers.ijb.IjbFixture;
import org.touchstone.protocols.importers.ijb.IjbVariant;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;

/**
 * ijbc-1to1@1.0.0 on a generated IJB-C-shaped fixture scaled to millions of template pairs, to show that the
 * template-level path keeps memory bounded and to measure its speed. Not JMH: one run of minutes is the unit.
 *
 * <p>Writes an {@code IJB_release/IJBC} fixture of {@code subjects} subjects (one gallery and {@code probes} probe
 * templates each, two images per template, one 48-pixel face copied to every file), so the pair file holds subjects x subjects x probes
 * template pairs; imports it with {@code dataset import ijbc}; runs the protocol in-process with a verifier that
 * does almost nothing (a template is the subject's number, read from the image name), so the time left is the
 * harness's: planning the pairs from the list, comparing, writing {@code comparisons.csv}, the report. Prints the
 * pairs, each stage's time, comparisons per second and the peak heap next to {@code -Xmx}.
 *
 * <pre>
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar org.touchstone.benchmarks.TemplatePairsAtScale [subjects] [probes] [threads]
 * </pre>
 */
public final class TemplatePairsAtScale {
    private TemplatePairsAtScale() {
    }

    /**
     * @param args subjects (default 1,200), probe templates per subject (default 2), threads (default 2)
     * @throws Exception if the run fails
     */
    public static void main(String[] args) throws Exception {
        int subjects = args.length > 0 ? Integer.parseInt(args[0]) : 1_200;
        int probes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int imagesPerTemplate = 2;
        Path work = Files.createTempDirectory("touchstone-ijbc-scale-");
        IjbFixture fixture = new IjbFixture(IjbVariant.IJBC, subjects, probes, imagesPerTemplate, 48, 11L,
                IjbFixture.Pixels.SHARED);
        long t0 = System.nanoTime();
        Path release = fixture.write(work.resolve("copy"));
        long t1 = System.nanoTime();
        DatasetImporter importer = DatasetImporters.load().get("ijbc");
        ImportReport report = importer.importDataset(new ImportRequest(release.getParent(), work.resolve("data"),
                DatasetImporters.options(importer, Map.of())));
        long t2 = System.nanoTime();
        var manifest = ManifestLoader.load(report.manifest(), HashCheck.EXISTENCE_ONLY);
        var protocol = ProtocolRepository.builtIn().resolve("ijbc-1to1@1.0.0");
        int perSubject = (1 + probes) * imagesPerTemplate;
        HeapPeak.reset();
        long t3 = System.nanoTime();
        new ProtocolRunner(Progress.silent()).run(new RunRequest("scale", protocol, manifest, "ijbc-fixture",
                new SubjectFromImageNumber(perSubject), Optional.empty(), work.resolve("run"), threads));
        long t4 = System.nanoTime();
        long peak = HeapPeak.bytes();
        JsonNode comparisons = new ObjectMapper().readTree(work.resolve("run/run.json").toFile())
                .path("stages").path("comparisons");
        System.out.printf(Locale.ROOT, "fixture: %,d subjects, %,d templates, %,d images, %,d template pairs (%,d genuine)%n",
                subjects, subjects * (1 + probes), subjects * perSubject, fixture.pairs(), (long) subjects * probes);
        System.out.printf(Locale.ROOT, "write fixture %.1f s, import %.1f s (hashing %,d images), run %.1f s%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, report.images(), (t4 - t3) / 1e9);
        System.out.printf(Locale.ROOT, "comparison stage: %s%n", comparisons);
        System.out.printf(Locale.ROOT, "whole run: %,.0f pairs/s; peak heap %,.0f MB (sum of pool peaks) of -Xmx %,.0f MB%n",
                fixture.pairs() / ((t4 - t3) / 1e9), peak / 1e6, HeapPeak.limit() / 1e6);
        System.out.println("work folder (delete when done): " + work);
    }

    /**
     * Template = the subject's number and the first image's number, read from the image name; a comparison scores a
     * hash of the two image numbers, in [0.5, 1) for the same subject and [0, 0.6) otherwise. Continuous scores, as a
     * real system's are: with only 0s and 1s every impostor ties, and the report's streaming score distribution must
     * keep them all.
     */
    private static final class SubjectFromImageNumber extends InProcessVerifier {
        private final int imagesPerSubject;

        SubjectFromImageNumber(int imagesPerSubject) {
            super("bench-ijb-trivial", "Trivial", new ScoreRange(0, 1));
            this.imagesPerSubject = imagesPerSubject;
        }

        @Override
        public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
            return Result.success(ImageNumberTemplates.template(images, imagesPerSubject));
        }

        @Override
        public List<ComparisonResult> compareMany(Template probe, List<Template> enrolments) {
            ByteBuffer p = probe.buffer();
            List<ComparisonResult> results = new ArrayList<>(enrolments.size());
            for (Template e : enrolments) {
                results.add(ComparisonResult.score(ImageNumberTemplates.score(e.buffer(), p)));
            }
            return results;
        }

    }
}
