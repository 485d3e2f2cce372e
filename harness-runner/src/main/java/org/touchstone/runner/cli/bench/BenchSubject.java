package org.touchstone.runner.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.touchstone.api.AttributeAnalyzer;
import org.touchstone.api.Candidate;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceAnalysis;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateCreator;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ImageSource;
import org.touchstone.protocols.dataset.ManifestException;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.SystemRegistry;
import org.touchstone.runner.systems.resolve.SystemResolver;

/**
 * The system under benchmark, opened once per JMH trial in the forked JVM: the images of a small dataset,
 * templates made from them, and, for searches, a gallery of {@link #gallerySize} entries that enrols those
 * few templates under many ids (an exact search costs the same whatever the templates hold). Only the images
 * the system makes a template from are used (a real detector finds no face in a drawn one); setup checks that
 * at least one is left and that every kind of call it will time succeeds, so that a system failing fast is
 * not reported as fast.
 */
@State(Scope.Benchmark)
public class BenchSubject {
    /** Enrolment templates per {@code compareMany} call, as the runner batches comparisons. */
    public static final int COMPARISON_BLOCK = 64;
    /** Probes per {@code searchMany} call, as the runner batches searches. */
    public static final int SEARCH_BLOCK = 16;
    /** The candidate list length asked of every search. */
    public static final int CANDIDATES = 20;

    /** The system, as {@code --system} names it. */
    @Param("")
    public String system;

    /** Its configuration folder, or empty for none. */
    @Param("")
    public String config;

    /** The manifest of the dataset whose images it is given. */
    @Param("")
    public String manifest;

    /** Templates enrolled in the searched gallery. */
    @Param("1000")
    public int gallerySize;

    private OpenedSystem opened;
    private TemplateRole enrolmentRole;
    private TemplateRole probeRole;
    private List<List<FaceImage>> images;
    private List<Template> probes;
    private List<Template> enrolmentBlock;
    private List<Template> probeBlock;
    private Gallery gallery;

    /** JMH instantiates the state. */
    public BenchSubject() {
    }

    /**
     * Opens the system for the trial's threads and prepares what the benchmark needs.
     *
     * @param params the benchmark being run, and its thread count
     * @throws Exception if the system cannot be opened or a call it needs fails
     */
    @Setup(Level.Trial)
    public void open(BenchmarkParams params) throws Exception {
        BenchOperation operation = BenchOperation.ofBenchmark(params.getBenchmark());
        FaceSystemProvider provider = resolve(system);
        Capability capability = operation.capability(provider.descriptor()).orElseThrow(() ->
                new IllegalStateException("system '" + system + "' offers no capability with " + operation.externalName()));
        enrolmentRole = capability == Capability.VERIFICATION ? TemplateRole.VERIFICATION_ENROLMENT
                : TemplateRole.IDENTIFICATION_ENROLMENT;
        probeRole = capability == Capability.VERIFICATION ? TemplateRole.VERIFICATION_PROBE
                : TemplateRole.IDENTIFICATION_PROBE;
        opened = OpenedSystem.open(provider, config.isEmpty() ? Optional.empty() : Optional.of(Path.of(config)),
                capability, "touchstone bench", params.getThreads());
        images = images(Path.of(manifest));
        switch (operation) {
            case CREATE_TEMPLATE -> {
                // Keep only the images that make a template, so that every timed call is one that succeeds.
                List<List<FaceImage>> usable = new ArrayList<>();
                for (List<FaceImage> image : images) {
                    if (creator().createTemplate(image, enrolmentRole).isSuccess()) {
                        usable.add(image);
                    }
                }
                require(!usable.isEmpty(), "createTemplate failed on every image of " + manifest);
                images = usable;
            }
            case COMPARISON -> {
                List<Template> enrolments = templates(enrolmentRole);
                probes = templates(probeRole);
                enrolmentBlock = cycle(enrolments, COMPARISON_BLOCK);
                require(verifier().compareMany(probes.get(0), enrolmentBlock).stream().allMatch(ComparisonResult::isSuccess),
                        "compareMany failed");
            }
            case SEARCH -> {
                gallery = gallery(templates(enrolmentRole));
                probeBlock = cycle(templates(probeRole), SEARCH_BLOCK);
                for (Result<List<Candidate>> r : gallery.searchMany(probeBlock, CANDIDATES)) {
                    require(r.isSuccess(), "searchMany failed: " + r.failure().map(Object::toString).orElse(""));
                }
            }
            case ANALYSIS -> {
                Result<List<FaceAnalysis>> r = analyzer().analyze(images.get(0).get(0));
                require(r.isSuccess(), "analyze failed: " + r.failure().map(Object::toString).orElse(""));
            }
        }
    }

    /** Closes the gallery and the system. */
    @TearDown(Level.Trial)
    public void close() {
        if (gallery != null) {
            gallery.close();
        }
        if (opened != null) {
            opened.close();
        }
    }

    /**
     * Resolves a system as {@code --system} does, but an in-JVM system without the deadline the runner puts
     * on each of its calls: the benchmark times the system itself. Subprocess and HTTP systems keep their
     * adapters, whose cost is part of every call the harness makes to them.
     *
     * @param spec a {@code --system} argument
     * @return the provider
     * @throws Exception if it cannot be resolved
     */
    static FaceSystemProvider resolve(String spec) throws Exception {
        SystemResolver resolver = new SystemResolver(new SystemRegistry(BenchSubject.class.getClassLoader()));
        boolean remote = spec.startsWith(SystemResolver.PROCESS) || spec.startsWith("http://")
                || spec.startsWith("https://");
        return remote ? resolver.resolve(spec, Map.of()) : resolver.resolveInJvm(spec);
    }

    private static List<List<FaceImage>> images(Path manifestFile) throws IOException, ManifestException {
        DatasetManifest dataset = ManifestLoader.load(manifestFile);
        List<List<FaceImage>> loaded = new ArrayList<>();
        for (Sample sample : dataset.samples()) {
            if (!sample.missing()) {
                loaded.add(List.of(ImageSource.of(dataset, sample).read()));
            }
        }
        return loaded;
    }

    /** The templates of every image the system makes one from; at least one, or setup fails naming the first failure. */
    private List<Template> templates(TemplateRole role) throws FaceSystemException {
        List<Template> made = new ArrayList<>();
        String firstFailure = null;
        for (List<FaceImage> image : images) {
            Result<Template> r = creator().createTemplate(image, role);
            if (r.isSuccess()) {
                made.add(r.value());
            } else if (firstFailure == null) {
                firstFailure = image.get(0).id() + ": " + r.failure().map(Object::toString).orElse("");
            }
        }
        require(!made.isEmpty(), "createTemplate failed on every image (first: " + firstFailure + ")");
        return made;
    }

    private Gallery gallery(List<Template> templates) throws FaceSystemException, IOException {
        List<GalleryEntry> entries = new ArrayList<>(gallerySize);
        for (int i = 0; i < gallerySize; i++) {
            entries.add(new GalleryEntry(String.format("G%08d", i), templates.get(i % templates.size())));
        }
        Path folder = Files.createDirectories(opened.context().workingDirectory().resolve("bench-gallery"));
        Result<Gallery> built = opened.instance().identifier().orElseThrow().finalizeEnrolment(entries, folder);
        require(built.isSuccess(), "finalizeEnrolment of " + gallerySize + " templates failed: "
                + built.failure().map(Object::toString).orElse(""));
        return built.value();
    }

    private static List<Template> cycle(List<Template> templates, int length) {
        List<Template> block = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            block.add(templates.get(i % templates.size()));
        }
        return List.copyOf(block);
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalStateException(problem);
        }
    }

    /** @return the calling thread's instance (its own, for a system that is not thread-safe) */
    private FaceSystem instance() throws FaceSystemException {
        return opened.instance();
    }

    TemplateCreator creator() throws FaceSystemException {
        FaceSystem s = instance();
        return enrolmentRole == TemplateRole.VERIFICATION_ENROLMENT ? s.verifier().orElseThrow()
                : s.identifier().orElseThrow();
    }

    Verifier verifier() throws FaceSystemException {
        return instance().verifier().orElseThrow();
    }

    AttributeAnalyzer analyzer() throws FaceSystemException {
        return instance().analyzer().orElseThrow();
    }

    TemplateRole enrolmentRole() {
        return enrolmentRole;
    }

    /**
     * @param cursor the calling thread's position
     * @return the next image, as the one-image list the SPI takes
     */
    List<FaceImage> image(Cursor cursor) {
        return images.get(cursor.next(images.size()));
    }

    /**
     * @param cursor the calling thread's position
     * @return the next probe template
     */
    Template probe(Cursor cursor) {
        return probes.get(cursor.next(probes.size()));
    }

    List<Template> enrolmentBlock() {
        return enrolmentBlock;
    }

    List<Template> probeBlock() {
        return probeBlock;
    }

    Gallery gallery() {
        return gallery;
    }

    /** Each benchmark thread's position in the images or templates, so that threads do not share a counter. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        /** JMH instantiates the state. */
        public Cursor() {
        }

        int next(int size) {
            int current = next % size;
            next = current + 1;
            return current;
        }
    }
}
