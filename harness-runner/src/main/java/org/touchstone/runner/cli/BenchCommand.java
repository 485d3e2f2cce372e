package org.touchstone.runner.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.touchstone.reports.card.BenchCard;
import org.touchstone.runner.cli.bench.BenchOperation;
import org.touchstone.runner.cli.bench.BenchRunner;
import org.touchstone.runner.cli.bench.BenchSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code touchstone bench}: JMH benchmarks of a system's operations. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark a system's operations with JMH, in forked JVMs with warm-up: template creation per"
                + " image, comparison per pair, search per probe as the gallery grows, analysis per image, each at one"
                + " thread and at all cores.",
                "Writes bench.json, bench.csv, bench.html and jmh.log into --out and prints the table. The defaults"
                        + " take a few minutes; raise --forks, --iterations and --iteration-time for tighter intervals."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SystemOptions system;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: bench/<timestamp>-<system id>).")
    Path out;

    @Option(names = "--operations", split = ",", paramLabel = "OP",
            description = "Operations to measure: create_template, comparison, search, analysis (default: all the"
                    + " system offers).")
    List<String> operations = List.of("create_template", "comparison", "search", "analysis");

    @Option(names = "--threads", split = ",", paramLabel = "N",
            description = "Thread counts to measure each operation at (default: 1 and all cores).")
    List<Integer> threads = Stream.of(1, Runtime.getRuntime().availableProcessors()).distinct().toList();

    @Option(names = "--gallery-sizes", split = ",", paramLabel = "N",
            description = "Gallery sizes to search (default: ${DEFAULT-VALUE}); sizes whose gallery would not fit the"
                    + " forked JVM's heap are skipped, and the output says so.")
    List<Integer> gallerySizes = List.of(1_000, 10_000, 100_000, 1_000_000);

    @Option(names = "--forks", defaultValue = "1", description = "Forked JVMs per measurement (default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--warmup-iterations", defaultValue = "2",
            description = "Warm-up iterations per fork (default: ${DEFAULT-VALUE}).")
    int warmupIterations;

    @Option(names = "--warmup-time", defaultValue = "1", paramLabel = "SECONDS",
            description = "Length of a warm-up iteration (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--iterations", defaultValue = "3",
            description = "Measured iterations per fork (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--iteration-time", defaultValue = "1", paramLabel = "SECONDS",
            description = "Length of a measured iteration (default: ${DEFAULT-VALUE}).")
    double iterationSeconds;

    @Option(names = "--fork-heap", paramLabel = "SIZE",
            description = "Heap of each forked JVM, e.g. 4g or 512m (default: half the memory available, at most 8g).")
    String forkHeap;

    @Option(names = "--jvm-arg", paramLabel = "ARG", description = "A further option for the forked JVMs. Repeatable.")
    List<String> jvmArgs = List.of();

    @Option(names = "--dataset", paramLabel = "DATASET", defaultValue = BenchSettings.DATASET,
            description = "The images to benchmark on: a manifest, a dataset folder (e.g. one written by 'touchstone"
                    + " dataset import') or a synthetic spec (default: ${DEFAULT-VALUE}). Images the system makes no"
                    + " template from are left out of the timed calls and counted in the output.")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where the synthetic images are generated and cached (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    /** picocli instantiates the command. */
    public BenchCommand() {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        BenchSettings settings = settings();
        try {
            stdout.printf("Benchmarking '%s' into %s (JMH: %d fork(s), %d x %s s warm-up, %d x %s s measured)%n",
                    settings.system(), settings.out(), settings.forks(), settings.warmupIterations(),
                    readable(warmupSeconds), settings.iterations(), readable(iterationSeconds));
            stdout.flush();
            List<BenchRunner.Entry> entries = BenchRunner.run(settings, stdout);
            Path page = BenchCard.write(settings.out());
            stdout.println();
            BenchCard.text(settings.out()).forEach(stdout::println);
            stdout.println();
            stdout.println("Results: " + settings.out().resolve(BenchRunner.JSON) + ", " + page);
            return entries.stream().anyMatch(e -> e.failed() != null) ? ExitCodes.RUN_FAILED : ExitCodes.OK;
        } finally {
            stdout.flush();
        }
    }

    private BenchSettings settings() {
        List<BenchOperation> ops;
        try {
            ops = operations.stream().map(BenchOperation::of).distinct().toList();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--operations: " + e.getMessage());
        }
        require(threads.stream().allMatch(t -> t >= 1), "--threads must be at least 1");
        require(gallerySizes.stream().allMatch(n -> n >= 1), "--gallery-sizes must be at least 1");
        require(forks >= 0, "--forks must be 0 or more");
        require(warmupIterations >= 0 && iterations >= 1, "--iterations must be at least 1, --warmup-iterations 0 or more");
        require(warmupSeconds > 0 && iterationSeconds > 0, "--warmup-time and --iteration-time must be positive");
        Path folder = out != null ? out : Path.of("bench", ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")) + "-"
                + system.system.replaceAll("[^A-Za-z0-9._-]+", "_"));
        return new BenchSettings(system.system, system.config(), folder, dataset, dataDir, ops, threads.stream().distinct().toList(),
                gallerySizes.stream().distinct().sorted().toList(), forks, warmupIterations,
                Duration.ofMillis(Math.round(warmupSeconds * 1000)), iterations,
                Duration.ofMillis(Math.round(iterationSeconds * 1000)),
                forkHeap == null ? BenchSettings.defaultForkHeap() : bytes(forkHeap), jvmArgs);
    }

    private long bytes(String size) {
        String s = size.trim().toLowerCase(Locale.ROOT);
        long unit = s.endsWith("g") ? 1L << 30 : s.endsWith("m") ? 1L << 20 : s.endsWith("k") ? 1L << 10 : 1;
        try {
            long n = Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1));
            require(n * unit >= 64L << 20, "--fork-heap must be at least 64m");
            return n * unit;
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--fork-heap takes a size such as 4g or 512m, not '"
                    + size + "'");
        }
    }

    private void require(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    private static String readable(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
