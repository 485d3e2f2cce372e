package org.touchstone.runner.cli;

import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code touchstone demo}: the main job on the embedded synthetic data. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate the built-in synthetic face dataset and run verification@1.0.0 on it with the"
                + " LBP reference system.", "Leaves a run directory with metrics, tables and a DET figure."})
public final class DemoCommand implements Callable<Integer> {
    /** The protocol the demo runs. */
    static final String PROTOCOL = "verification@1.0.0";
    /** The system the demo tests. */
    static final String SYSTEM = "lbp";

    @Spec
    CommandSpec spec;

    @Option(names = "--subjects", defaultValue = "200", description = "Synthetic subjects (default: ${DEFAULT-VALUE}).")
    int subjects;

    @Option(names = "--images", defaultValue = "4", description = "Images per subject (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--seed", defaultValue = "7", description = "Dataset seed (default: ${DEFAULT-VALUE}).")
    long seed;

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
        String dataset = "synthetic:subjects=" + subjects + ",images=" + images + ",seed=" + seed;
        int code = service.run(new RunService.Options(PROTOCOL, SYSTEM, dataset, execution.out(), Optional.empty(),
                execution.threads(), execution.dataDir, "demo", execution.runId(), Map.of()), spec.commandLine().getOut(),
                spec.commandLine().getErr());
        if (code == ExitCodes.OK) {
            spec.commandLine().getOut().println("Open figures/det.png (the DET curve) and metrics.json in the run"
                    + " directory; docs/run-directory.md explains every file.");
        }
        return code;
    }
}
