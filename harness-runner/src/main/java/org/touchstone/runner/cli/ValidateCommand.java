package org.touchstone.runner.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.runner.engine.prepare.DatasetResolver;
import org.touchstone.runner.systems.resolve.SystemResolver;
import org.touchstone.runner.systems.UnknownSystemException;
import org.touchstone.runner.cli.validate.CheckResult;
import org.touchstone.runner.cli.validate.ValidationLimits;
import org.touchstone.runner.cli.validate.ValidationReport;
import org.touchstone.runner.cli.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code touchstone validate}: the vendor's conformance check before submission. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check that a system conforms before submitting it: a complete descriptor; deterministic"
                + " templates, scores, candidate lists and analyses, also from many threads at once; failure codes,"
                + " not faults, for empty, corrupt, truncated, huge and faceless images and malformed templates;"
                + " scores in the declared range; valid candidate lists; multi-image templates; and median call"
                + " times within limits.",
                "Prints one line per check and writes them as JSON. Exit status 0 when every required check"
                        + " passes, 1 when one fails, 2 for bad input."})
public final class ValidateCommand implements Callable<Integer> {
    /** The validation faces: small, and the same for everyone. */
    static final String FACES = "synthetic:subjects=10,images=3,seed=20261126";

    @Spec
    CommandSpec spec;

    @Mixin
    SystemOptions system;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Where to write the JSON report (default: validation-<system id>.json).")
    Path report;

    // The machine's cores by default: more threads than cores on a small machine only queue calls, and
    // the timing checks then measure the queue (2 cores and 8 threads failed the comparison median).
    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the concurrency and timing checks (default: the machine's cores, at least 2).")
    Integer threads;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where the validation faces are generated and cached (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Mixin
    ValidationLimitOptions validationLimits;

    @Mixin
    TimeLimitOptions timeLimits;

    /** Loaded when the command runs (service loading of every system), not when the command line is built. */
    private final Provider<SystemResolver> resolver;

    /** @param resolver resolves {@code --system} */
    @Inject
    public ValidateCommand(Provider<SystemResolver> resolver) {
        this.resolver = resolver;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ValidationLimits limits = validationLimits.limits();
        int threadCount = threads != null ? threads : defaultThreads();
        if (threadCount < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, was " + threadCount);
        }
        try {
            FaceSystemProvider provider;
            try {
                provider = resolver.get().resolve(system.system, timeLimits.limits());
            } catch (FaceSystemException e) {
                // A subprocess or service whose handshake or descriptor is broken fails the first check.
                ValidationReport broken = new ValidationReport(system.system, null, null, limits, List.of(new CheckResult(
                        "descriptor.complete", "the system starts and describes itself", true,
                        CheckResult.Verdict.FAIL, e.code() + ": " + e.getMessage(), Map.of())));
                return finish(broken, reportFile("unknown"), out);
            }
            DatasetManifest faces = DatasetResolver.resolve(FACES, dataDir, line -> {
                out.println(line);
                out.flush();
            });
            out.printf("Validating system '%s' (%s %s %s) on %d synthetic faces, %d threads%n",
                    provider.descriptor().id(), provider.descriptor().vendor(), provider.descriptor().name(),
                    provider.descriptor().version(), faces.samples().size(), threadCount);
            out.flush();
            ValidationReport result = new Validator(limits, threadCount).validate(system.system, provider,
                    system.config(), faces);
            return finish(result, reportFile(provider.descriptor().id()), out);
        } catch (UnknownSystemException e) {
            // Say why a provider of that name on the class path is not offered, if one is.
            StringBuilder message = new StringBuilder(e.getMessage());
            resolver.get().registry().problems().stream().filter(p -> p.contains(system.system))
                    .forEach(p -> message.append("\n  not offered: ").append(p));
            throw new UnknownSystemException(message.toString());
        }
    }

    /**
     * The threads of validate's concurrency and timing checks when none are asked for: the machine's cores, at
     * least 2 so that the concurrency checks still call from two threads at once. More threads than cores only
     * queue calls, and the timing checks then measure the queue.
     *
     * @return the default thread count
     */
    static int defaultThreads() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    private Path reportFile(String id) {
        return report != null ? report : Path.of("validation-" + id + ".json");
    }

    private static int finish(ValidationReport result, Path file, PrintWriter out) throws IOException {
        result.print(out);
        result.write(file);
        out.println("Report: " + file);
        out.flush();
        return result.passed() ? ExitCodes.OK : ExitCodes.VALIDATION_FAILED;
    }
}
