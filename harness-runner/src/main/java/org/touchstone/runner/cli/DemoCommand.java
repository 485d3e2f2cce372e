package org.touchstone.runner.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code touchstone demo}: the main job on the embedded synthetic data, all three capabilities. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate the built-in synthetic face dataset and run the three built-in protocols on it:",
                "verification@1.0.0 and identification@1.0.0 with the LBP reference system, attributes@1.0.0 with",
                "the synthetic-attributes reference analyzer. Leaves one run directory per protocol under --out."})
public final class DemoCommand implements Callable<Integer> {
    /** What the demo runs: protocol, system and the run directory's name. */
    record Step(String protocol, String system, String folder) {
    }

    /** The demo's runs, in order. */
    static final List<Step> STEPS = List.of(
            new Step("verification@1.0.0", "lbp", "verification"),
            new Step("identification@1.0.0", "lbp", "identification"),
            new Step("attributes@1.0.0", "synthetic-attributes", "attributes"));

    @Spec
    CommandSpec spec;

    @Option(names = "--subjects", defaultValue = "200", description = "Synthetic subjects (default: ${DEFAULT-VALUE}).")
    int subjects;

    @Option(names = "--images", defaultValue = "4", description = "Images per subject (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--seed", defaultValue = "7", description = "Dataset seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--only", paramLabel = "PROTOCOL", split = ",",
            description = "Run only these of verification, identification, attributes.")
    List<String> only;

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
        PrintWriter out = spec.commandLine().getOut();
        List<String> known = STEPS.stream().map(Step::folder).toList();
        if (only != null && !known.containsAll(only)) {
            spec.commandLine().getErr().println("error: --only takes " + String.join(", ", known) + "; got " + only);
            return ExitCodes.BAD_INPUT;
        }
        String dataset = "synthetic:subjects=" + subjects + ",images=" + images + ",seed=" + seed;
        Path parent = execution.out().orElse(Path.of("runs", ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")) + "-demo"));
        for (Step step : STEPS) {
            if (only != null && !only.contains(step.folder())) {
                continue;
            }
            int code = service.run(new RunService.Options(step.protocol(), step.system(), dataset,
                    Optional.of(parent.resolve(step.folder())), Optional.empty(), execution.threads(),
                    execution.dataDir, "demo-" + step.folder()), out, spec.commandLine().getErr());
            if (code != ExitCodes.OK) {
                return code;
            }
            out.println();
        }
        out.println("Demo runs are in " + parent + ": open each folder's figures/ (DET curve, CMC and FNIR vs FPIR,"
                + " accuracy against confidence) and metrics.json; docs/run-directory.md explains every file.");
        return ExitCodes.OK;
    }
}
