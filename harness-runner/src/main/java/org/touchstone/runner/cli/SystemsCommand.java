package org.touchstone.runner.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.OperatingThreshold;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.runner.systems.SystemArtifact;
import org.touchstone.runner.systems.SystemRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code touchstone systems}: the systems found, with what they declare. */
@Command(name = "systems", mixinStandardHelpOptions = true, description = "List the systems Touchstone can test.")
public final class SystemsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final SystemRegistry registry;

    /** @param registry systems on the class path */
    @Inject
    public SystemsCommand(SystemRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (registry.providers().isEmpty()) {
            out.println("No systems found on the class path.");
        }
        for (FaceSystemProvider provider : registry.providers()) {
            SystemDescriptor d = provider.descriptor();
            out.printf("%s%n  %s %s %s (SPI %s)%n", d.id(), d.vendor(), d.name(), d.version(), d.apiVersion());
            out.printf("  capabilities: %s%n", d.capabilities().stream()
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
            d.scoreRange().ifPresent(r -> out.printf("  scores: similarity in [%s, %s], higher means more similar%n",
                    r.min(), r.max()));
            for (OperatingThreshold t : d.thresholds()) {
                out.printf("  threshold %s = %s (%s)%s%n", t.name(), t.value(),
                        t.capability().name().toLowerCase(Locale.ROOT),
                        t.description().isEmpty() ? "" : ": " + t.description());
            }
            out.printf("  from: %s%n", SystemArtifact.of(provider.getClass()).location());
        }
        for (String problem : registry.problems()) {
            spec.commandLine().getErr().println("warning: not offered: " + problem);
        }
        return ExitCodes.OK;
    }
}
