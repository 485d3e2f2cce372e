package org.touchstone.runner.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVPrinter;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;
import org.touchstone.api.Capability;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ImageSource;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.reports.card.BenchCard;
import org.touchstone.runner.systems.HarnessVersion;
import org.touchstone.runner.engine.prepare.DatasetResolver;
import org.touchstone.runformat.io.AtomicFiles;
import org.touchstone.runner.engine.rundir.Csv;
import org.touchstone.runformat.io.Sha256;
import org.touchstone.runformat.descriptor.DescriptorJson;
import org.touchstone.runformat.runjson.EnvironmentBlock;
import org.touchstone.runformat.runjson.RunJsonFile;
import org.touchstone.runner.systems.CapabilityMismatchException;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.SystemArtifact;

/**
 * Runs {@code touchstone bench}: plans what to measure (the operations the system offers, at each thread
 * count and gallery size; a gallery that would not fit the forked JVM's heap is skipped, with the reason),
 * runs each measurement through the JMH runner API in forked JVMs (warm-up, then measured iterations), and
 * writes {@value #JSON} (everything, with the settings, the system and the machine), {@value #TABLE} (one
 * row per measurement) and {@value #LOG} (JMH's own output) into the output folder.
 */
public final class BenchRunner {
    /** The results, settings, system and machine. */
    public static final String JSON = BenchCard.JSON;
    /** The table of results. */
    public static final String TABLE = BenchCard.TABLE;
    /** JMH's output, with any benchmark's stack trace. */
    public static final String LOG = "jmh.log";
    /** The columns of {@value #TABLE}. */
    public static final List<String> COLUMNS = List.of("operation", "unit", "gallery_size", "threads", "mean_ns",
            "error_ns", "ops_per_second", "samples", "min_ns", "max_ns");
    /**
     * Bytes a gallery entry costs besides its template (the entry, its id, the system's bookkeeping): a
     * generous guess, since a gallery that does not fit fails its benchmark after minutes of setup.
     */
    static final long ENTRY_OVERHEAD_BYTES = 256;
    /** The share of the forked heap a gallery may take: the rest is for the JVM and copies made while building. */
    static final double GALLERY_HEAP_SHARE = 0.6;

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchRunner() {
    }

    /**
     * What happened to one measurement.
     *
     * @param measurement what was to be measured
     * @param result      its result, when measured
     * @param skipped     why it was not measured, or null
     * @param failed      why its benchmark failed, or null
     */
    public record Entry(BenchMeasurement measurement, BenchMeasurement.Result result, String skipped, String failed) {
    }

    /**
     * Plans, measures and writes the results.
     *
     * @param settings what to measure
     * @param out      where progress goes
     * @return every measurement, in plan order
     * @throws Exception if the system or the images cannot be prepared, or a file cannot be written
     */
    public static List<Entry> run(BenchSettings settings, PrintWriter out) throws Exception {
        Files.createDirectories(settings.out());
        String started = now();
        FaceSystemProvider provider = BenchSubject.resolve(settings.system());
        DatasetManifest manifest = DatasetResolver.resolve(settings.dataset(), settings.dataDir(), line -> {
            out.println(line);
            out.flush();
        });
        OptionalInt templateBytes = templateSize(provider, settings.config(), manifest, out);
        List<Entry> planned = plan(settings, provider, templateBytes);
        List<Entry> entries = new ArrayList<>();
        int toMeasure = (int) planned.stream().filter(e -> e.skipped() == null).count();
        int done = 0;
        try (PrintStream log = new PrintStream(Files.newOutputStream(settings.out().resolve(LOG)), true,
                StandardCharsets.UTF_8)) {
            for (Entry entry : planned) {
                if (entry.skipped() != null) {
                    out.printf("skipped: %s: %s%n", entry.measurement().label(), entry.skipped());
                    out.flush();
                    entries.add(entry);
                    continue;
                }
                out.printf("[%d/%d] %s ...", ++done, toMeasure, entry.measurement().label());
                out.flush();
                Entry measured = measure(entry.measurement(), settings, manifest, log);
                out.println(measured.result() != null ? String.format(Locale.ROOT, " %s per %s",
                        readableNanos(measured.result().meanNs()), entry.measurement().operation().unit())
                        : " failed: " + measured.failed());
                out.flush();
                entries.add(measured);
            }
        }
        writeTable(settings.out().resolve(TABLE), entries);
        writeJson(settings, provider, manifest, templateBytes, entries, started);
        return entries;
    }

    /**
     * Opens the system once here to learn its template size, which bounds the galleries that fit, and says how
     * many of the images it makes a template from: the timed calls use only those (a real face detector
     * finds no face in a drawn one), so a failing image is never timed as a fast call.
     */
    private static OptionalInt templateSize(FaceSystemProvider provider, Optional<Path> config,
                                            DatasetManifest manifest, PrintWriter out)
            throws IOException, FaceSystemException, CapabilityMismatchException {
        Optional<Capability> capability = BenchOperation.CREATE_TEMPLATE.capability(provider.descriptor());
        if (capability.isEmpty()) {
            return OptionalInt.empty();
        }
        TemplateRole role = capability.get() == Capability.VERIFICATION ? TemplateRole.VERIFICATION_ENROLMENT
                : TemplateRole.IDENTIFICATION_ENROLMENT;
        try (OpenedSystem opened = OpenedSystem.open(provider, config, capability.get(), "touchstone bench", 1)) {
            var creator = capability.get() == Capability.VERIFICATION ? opened.instance().verifier().orElseThrow()
                    : opened.instance().identifier().orElseThrow();
            OptionalInt size = OptionalInt.empty();
            int usable = 0;
            String firstFailure = null;
            for (Sample sample : manifest.samples()) {
                if (sample.missing()) {
                    continue;
                }
                Result<Template> made = creator.createTemplate(List.of(ImageSource.of(manifest, sample).read()), role);
                if (made.isSuccess()) {
                    usable++;
                    size = size.isPresent() ? size : OptionalInt.of(made.value().size());
                } else if (firstFailure == null) {
                    firstFailure = sample.path() + ": " + made.failure().map(Object::toString).orElse("failed");
                }
            }
            if (usable < manifest.samples().size()) {
                out.printf("%d of %d images make a template; the timed calls use only those%s%n", usable,
                        manifest.samples().size(), firstFailure == null ? "" : " (first failure: " + firstFailure + ")");
                out.flush();
            }
            return size;
        }
    }

    /** Every measurement the settings ask for, those that cannot run marked skipped with the reason. */
    static List<Entry> plan(BenchSettings settings, FaceSystemProvider provider, OptionalInt templateBytes) {
        List<Entry> entries = new ArrayList<>();
        var descriptor = provider.descriptor();
        for (BenchOperation operation : settings.operations()) {
            List<OptionalInt> sizes = operation == BenchOperation.SEARCH
                    ? settings.gallerySizes().stream().map(OptionalInt::of).toList() : List.of(OptionalInt.empty());
            for (OptionalInt size : sizes) {
                for (int threads : settings.threads()) {
                    BenchMeasurement m = new BenchMeasurement(operation, size, threads);
                    String skipped = null;
                    if (operation.capability(descriptor).isEmpty()) {
                        skipped = "system '" + descriptor.id() + "' offers no capability with this operation";
                    } else if (size.isPresent()) {
                        skipped = gallerySkip(size.getAsInt(), templateBytes, settings.forkHeapBytes());
                        if (skipped == null && threads > 1 && descriptor.concurrency() != Concurrency.THREAD_SAFE) {
                            skipped = "the system is not thread-safe: its gallery takes one caller at a time";
                        }
                    }
                    entries.add(new Entry(m, null, skipped, null));
                }
            }
        }
        return entries;
    }

    private static String gallerySkip(int size, OptionalInt templateBytes, long heapBytes) {
        if (templateBytes.isEmpty()) {
            return "the system made no template from any image, so no gallery can be built";
        }
        long needed = size * (templateBytes.getAsInt() + ENTRY_OVERHEAD_BYTES);
        long allowed = (long) (heapBytes * GALLERY_HEAP_SHARE);
        if (needed > allowed) {
            return String.format(Locale.ROOT, "needs about %s (%,d templates of %,d bytes), more than %.0f%% of the"
                    + " benchmark JVM's %s heap (--fork-heap, bounded by the memory available)", readableBytes(needed),
                    size, templateBytes.getAsInt(), GALLERY_HEAP_SHARE * 100, readableBytes(heapBytes));
        }
        return null;
    }

    private static Entry measure(BenchMeasurement m, BenchSettings settings, DatasetManifest manifest, PrintStream log) {
        List<String> jvmArgs = new ArrayList<>(List.of("-Xmx" + (settings.forkHeapBytes() >> 20) + "m",
                "-Djava.awt.headless=true"));
        jvmArgs.addAll(settings.jvmArgs());
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(SystemBenchmarks.class.getName() + "." + m.operation().method()) + "$")
                .param("system", settings.system())
                .param("config", settings.config().map(p -> p.toAbsolutePath().toString()).orElse(""))
                .param("manifest", manifest.file().toAbsolutePath().toString())
                .param("gallerySize", Integer.toString(m.gallerySize().orElse(1)))
                .threads(m.threads())
                .forks(settings.forks())
                .warmupIterations(settings.warmupIterations())
                .warmupTime(TimeValue.milliseconds(settings.warmupTime().toMillis()))
                .measurementIterations(settings.iterations())
                .measurementTime(TimeValue.milliseconds(settings.iterationTime().toMillis()))
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .shouldFailOnError(true);
        try {
            log.println("# touchstone bench: " + m.label());
            RunResult run = new Runner(options.build(), OutputFormatFactory.createFormatInstance(log,
                    VerboseMode.NORMAL)).runSingle();
            Statistics stats = run.getPrimaryResult().getStatistics();
            double mean = run.getPrimaryResult().getScore();
            return new Entry(m, new BenchMeasurement.Result(mean, run.getPrimaryResult().getScoreError(),
                    m.threads() * 1e9 / mean, stats.getN(), stats.getMin(), stats.getMax()), null, null);
        } catch (RunnerException | RuntimeException e) {
            e.printStackTrace(log);
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return new Entry(m, null, null, cause.getMessage() != null ? cause.getMessage() + " (see " + LOG + ")"
                    : "see " + LOG);
        }
    }

    private static void writeTable(Path file, List<Entry> entries) throws IOException {
        AtomicFiles.write(file, stream -> {
            try (CSVPrinter csv = Csv.printer(stream, COLUMNS.toArray(String[]::new))) {
                for (Entry e : entries) {
                    if (e.result() == null) {
                        continue;
                    }
                    BenchMeasurement m = e.measurement();
                    BenchMeasurement.Result r = e.result();
                    csv.printRecord(m.operation().externalName(), m.operation().unit(),
                            m.gallerySize().isPresent() ? Integer.toString(m.gallerySize().getAsInt()) : "",
                            Integer.toString(m.threads()), Double.toString(r.meanNs()), finite(r.errorNs()),
                            Double.toString(r.opsPerSecond()), Long.toString(r.samples()), Double.toString(r.minNs()),
                            Double.toString(r.maxNs()));
                }
            }
        });
    }

    private static void writeJson(BenchSettings settings, FaceSystemProvider provider, DatasetManifest manifest,
                                  OptionalInt templateBytes, List<Entry> entries, String started) throws IOException {
        ObjectNode root = JSON_MAPPER.createObjectNode();
        root.put("format", "touchstone-bench/1");
        root.putObject("harness").put("version", HarnessVersion.get());
        String configHash = settings.config().isPresent() ? Sha256.ofTree(settings.config().get()) : null;
        SystemArtifact artifact = SystemArtifact.of(provider);
        // bench.json's system and environment blocks are run.json's, so a bench and a run compare field by field.
        ObjectNode system = (ObjectNode) RunJsonFile.tree(DescriptorJson.toRunRecord(provider.descriptor(),
                artifact.toRunRecord(), configHash));
        root.set("system", system);
        system.put("spec", settings.system());
        root.set("environment", RunJsonFile.tree(EnvironmentBlock.ofThisMachine()));
        ObjectNode s = root.putObject("settings");
        s.put("mode", "average time per operation (JMH Mode.AverageTime), per thread");
        s.put("forks", settings.forks());
        s.put("warmup_iterations", settings.warmupIterations());
        s.put("warmup_seconds", seconds(settings.warmupTime()));
        s.put("iterations", settings.iterations());
        s.put("iteration_seconds", seconds(settings.iterationTime()));
        ArrayNode threads = s.putArray("threads");
        settings.threads().forEach(threads::add);
        ArrayNode sizes = s.putArray("gallery_sizes");
        settings.gallerySizes().forEach(sizes::add);
        s.put("fork_max_heap_bytes", settings.forkHeapBytes());
        ArrayNode jvmArgs = s.putArray("fork_jvm_args");
        settings.jvmArgs().forEach(jvmArgs::add);
        s.put("dataset", settings.dataset());
        s.put("images", manifest.samples().size());
        s.put("comparison_block", BenchSubject.COMPARISON_BLOCK);
        s.put("search_block", BenchSubject.SEARCH_BLOCK);
        s.put("candidates", BenchSubject.CANDIDATES);
        if (templateBytes.isPresent()) {
            root.put("template_size_bytes", templateBytes.getAsInt());
        } else {
            root.putNull("template_size_bytes");
        }
        ArrayNode results = root.putArray("results");
        ArrayNode skipped = root.putArray("skipped");
        ArrayNode failed = root.putArray("failed");
        for (Entry e : entries) {
            ObjectNode node = (e.result() != null ? results : e.skipped() != null ? skipped : failed).addObject();
            BenchMeasurement m = e.measurement();
            node.put("operation", m.operation().externalName());
            node.put("unit", m.operation().unit());
            if (m.gallerySize().isPresent()) {
                node.put("gallery_size", m.gallerySize().getAsInt());
            } else {
                node.putNull("gallery_size");
            }
            node.put("threads", m.threads());
            if (e.result() != null) {
                BenchMeasurement.Result r = e.result();
                node.put("mean_ns", r.meanNs());
                if (Double.isFinite(r.errorNs())) {
                    node.put("error_ns", r.errorNs());
                } else {
                    node.putNull("error_ns");
                }
                node.put("ops_per_second", r.opsPerSecond());
                node.put("samples", r.samples());
                node.put("min_ns", r.minNs());
                node.put("max_ns", r.maxNs());
            } else {
                node.put("reason", e.skipped() != null ? e.skipped() : e.failed());
            }
        }
        root.put("table", TABLE);
        root.put("jmh_log", LOG);
        root.put("started", started);
        root.put("finished", now());
        AtomicFiles.write(settings.out().resolve(JSON),
                (JSON_MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String finite(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * @param ns a duration in nanoseconds
     * @return it with a readable unit, e.g. {@code 1.23 ms}
     */
    static String readableNanos(double ns) {
        if (ns >= 1e9) {
            return String.format(Locale.ROOT, "%.3g s", ns / 1e9);
        } else if (ns >= 1e6) {
            return String.format(Locale.ROOT, "%.3g ms", ns / 1e6);
        } else if (ns >= 1e3) {
            return String.format(Locale.ROOT, "%.3g us", ns / 1e3);
        }
        return String.format(Locale.ROOT, "%.3g ns", ns);
    }

    private static String readableBytes(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
    }
}
