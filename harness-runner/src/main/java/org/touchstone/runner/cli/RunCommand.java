package org.touchstone.runner.cli;

import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code touchstone run}: any protocol, any system, any dataset. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a protocol with a system on a dataset and write a run directory.")
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--protocol", required = true, paramLabel = "REF",
            description = "Protocol: id@version (e.g. verification@1.0.0), a bare id for its latest version,"
                    + " or a path to a protocol YAML file.")
    String protocol;

    @Mixin
    SystemOptions system;

    @Option(names = "--dataset", required = true, paramLabel = "DATASET",
            description = "A manifest CSV, a folder holding manifest.csv, or a synthetic spec such as"
                    + " synthetic:subjects=100,images=4,seed=7.")
    String dataset;

    @Mixin
    ExecutionOptions execution;

    @Mixin
    TimeLimitOptions timeLimits;

    @Mixin
    BackendOptions backend;

    @Mixin
    SizeLimitOptions sizeLimits;

    private final RunService service;

    /** @param service shared run logic */
    @Inject
    public RunCommand(RunService service) {
        this.service = service;
    }

    @Override
    public Integer call() throws Exception {
        service.run(new RunService.Options(protocol, system.system, dataset, execution.out(), system.config(),
                execution.threads(), execution.dataDir, "run", execution.runId(), timeLimits.limits(),
                backend.backend, backend.options(), backend.galleryShardSize(), sizeLimits.limits()), spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
