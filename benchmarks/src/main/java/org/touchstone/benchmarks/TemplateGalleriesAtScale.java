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
import org.touchstone.api.Candidate;
import org.touchstone.api.Capability;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Identifier;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
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
 * ijbc-1ton@1.0.0 on a generated IJB-C-shaped fixture (galleries G1 and G2 of one template per subject, mixed probe
 * templates of several images), to show that the template-galleries path keeps memory bounded and to measure its
 * speed. Not JMH: one run of minutes is the unit.
 *
 * <p>Writes an {@code IJB_release/IJBC} fixture of {@code subjects} subjects ({@code probes} probe templates each,
 * two images per template, one 48-pixel face copied to every file; the fixture's 1:1 pair file of subjects x
 * subjects x probes lines is written and imported too, as a real copy's is); imports it with {@code dataset import
 * ijbc}; runs the protocol in-process with an identifier that does almost nothing (a template is the subject's
 * number and the first image's, a search scores each enrolled template by a hash), so the time left is the
 * harness's: planning, templates, searches (subjects x probes searches per gallery), the raw files, the report.
 * Prints each stage's time, searches per second and the peak heap next to {@code -Xmx}.
 *
 * <pre>
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar org.touchstone.benchmarks.TemplateGalleriesAtScale [subjects] [probes] [threads]
 * </pre>
 */
public final class TemplateGalleriesAtScale {
    private TemplateGalleriesAtScale() {
    }

    /**
     * @param args subjects (default 1,000), probe templates per subject (default 4), threads (default 2)
     * @throws Exception if the run fails
     */
    public static void main(String[] args) throws Exception {
        int subjects = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int probes = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int imagesPerTemplate = 2;
        Path work = Files.createTempDirectory("touchstone-ijbc-1ton-scale-");
        IjbFixture fixture = new IjbFixture(IjbVariant.IJBC, subjects, probes, imagesPerTemplate, 48, 13L,
                IjbFixture.Pixels.SHARED);
        long t0 = System.nanoTime();
        Path release = fixture.write(work.resolve("copy"));
        long t1 = System.nanoTime();
        DatasetImporter importer = DatasetImporters.load().get("ijbc");
        ImportReport report = importer.importDataset(new ImportRequest(release.getParent(), work.resolve("data"),
                DatasetImporters.options(importer, Map.of())));
        long t2 = System.nanoTime();
        var manifest = ManifestLoader.load(report.manifest(), HashCheck.EXISTENCE_ONLY);
        var protocol = ProtocolRepository.builtIn().resolve("ijbc-1ton@1.0.0");
        int perSubject = (1 + probes) * imagesPerTemplate;
        HeapPeak.reset();
        long t3 = System.nanoTime();
        new ProtocolRunner(Progress.silent()).run(new RunRequest("scale", protocol, manifest, "ijbc-fixture",
                new HashSearch(perSubject), Optional.empty(), work.resolve("run"), threads));
        long t4 = System.nanoTime();
        long peak = HeapPeak.bytes();
        JsonNode stages = new ObjectMapper().readTree(work.resolve("run/run.json").toFile()).path("stages");
        long searches = 2L * subjects * probes;
        System.out.printf(Locale.ROOT, "fixture: %,d subjects, %,d gallery templates (G1 + G2), %,d probe templates,"
                + " %,d images; %,d searches (each probe in each gallery), %,d scores%n", subjects, subjects,
                subjects * probes, subjects * perSubject, searches, (long) subjects * probes * subjects);
        System.out.printf(Locale.ROOT, "write fixture %.1f s, import %.1f s (hashing %,d images), run %.1f s%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, report.images(), (t4 - t3) / 1e9);
        System.out.printf(Locale.ROOT, "templates stage: %s%n", stages.path("templates"));
        System.out.printf(Locale.ROOT, "search stage: %s%n", stages.path("searches"));
        System.out.printf(Locale.ROOT, "whole run: %,.0f searches/s; peak heap %,.0f MB (sum of pool peaks) of -Xmx"
                + " %,.0f MB%n", searches / ((t4 - t3) / 1e9), peak / 1e6, HeapPeak.limit() / 1e6);
        System.out.println("work folder (delete when done): " + work);
    }

    /**
     * Template = the subject's number and the first image's number, read from the image name; a search scores a hash
     * of the two image numbers, in [0.5, 1) for the same subject and [0, 0.6) otherwise, and keeps the best K.
     */
    private record HashSearch(int imagesPerSubject) implements FaceSystemProvider, FaceSystem, Identifier {
        @Override
        public SystemDescriptor descriptor() {
            return SystemDescriptor.builder("bench-ijb-1ton-trivial").vendor("Touchstone benchmarks").name("Trivial")
                    .version("1").capabilities(Capability.IDENTIFICATION).scoreRange(new ScoreRange(0, 1))
                    .concurrency(Concurrency.THREAD_SAFE).build();
        }

        @Override
        public FaceSystem open(SystemContext context) {
            return this;
        }

        @Override
        public Optional<Identifier> identifier() {
            return Optional.of(this);
        }

        @Override
        public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
            return Result.success(ImageNumberTemplates.template(images, imagesPerSubject));
        }

        @Override
        public Result<Gallery> finalizeEnrolment(Iterable<GalleryEntry> entries, Path workingDirectory) {
            List<GalleryEntry> enrolled = new ArrayList<>();
            entries.forEach(enrolled::add);
            return Result.success(new Gallery() {
                @Override
                public Result<List<Candidate>> search(Template probe, int k) {
                    ByteBuffer p = probe.buffer();
                    List<Candidate> all = new ArrayList<>(enrolled.size());
                    for (GalleryEntry e : enrolled) {
                        all.add(new Candidate(e.templateId(), ImageNumberTemplates.score(e.template().buffer(), p)));
                    }
                    all.sort((a, b) -> Double.compare(b.score(), a.score()));
                    return Result.success(List.copyOf(all.subList(0, Math.min(k, all.size()))));
                }

                @Override
                public int size() {
                    return enrolled.size();
                }
            });
        }

    }
}
