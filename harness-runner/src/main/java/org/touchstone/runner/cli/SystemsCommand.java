package org.touchstone.runner.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.OperatingThreshold;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.runner.systems.SystemArtifact;
import org.touchstone.runner.systems.resolve.SystemResolver;
import org.touchstone.runner.systems.UnknownSystemException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code touchstone systems}: the systems found, with what they declare. */
@Command(name = "systems", mixinStandardHelpOptions = true,
        description = {"List the systems on the class path, with what they declare; or describe the systems named.",
                "Any --system argument can be named: an id, jar:PATH[!ID], process:CONFIG, or an http(s) URL."})
public final class SystemsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SYSTEM", arity = "0..*",
            description = "Systems to describe (a process: system is started for its handshake, a service asked).")
    List<String> named = List.of();

    /** Loaded when the command runs (service loading of every system), not when the command line is built. */
    private final Provider<SystemResolver> resolver;

    /** @param resolver resolves system names; its registry holds the systems on the class path */
    @Inject
    public SystemsCommand(Provider<SystemResolver> resolver) {
        this.resolver = resolver;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!named.isEmpty()) {
            int code = ExitCodes.OK;
            for (String name : named) {
                try {
                    describe(out, resolver.get().resolve(name, Map.of()), name);
                } catch (UnknownSystemException e) {
                    err.println("error: " + e.getMessage());
                    code = ExitCodes.BAD_INPUT;
                } catch (FaceSystemException | IOException e) {
                    err.println("error: " + name + ": " + e.getMessage());
                    code = ExitCodes.RUN_FAILED;
                }
            }
            return code;
        }
        List<FaceSystemProvider> providers = resolver.get().registry().providers();
        if (providers.isEmpty()) {
            out.println("No systems found on the class path.");
        }
        for (FaceSystemProvider provider : providers) {
            describe(out, provider, provider.descriptor().id());
        }
        out.println();
        out.println("Other systems are named where they are (see README, 'Naming systems'):");
        out.println("  jar:PATH[!ID]       a vendor jar, or a folder of jars, loaded in a class loader of its own");
        out.println("  process:CONFIG      worker processes in any language, speaking docs/worker-protocol.md");
        out.println("  http(s)://HOST:PORT a service speaking docs/http-api.yaml (e.g. touchstone serve)");
        out.println("'touchstone systems NAME...' describes them.");
        for (String problem : resolver.get().registry().problems()) {
            err.println("warning: not offered: " + problem);
        }
        return ExitCodes.OK;
    }

    private static void describe(PrintWriter out, FaceSystemProvider provider, String name) {
        SystemDescriptor d = provider.descriptor();
        out.printf("%s%n  %s %s %s (SPI %s)%n", name.equals(d.id()) ? d.id() : name + "  (id " + d.id() + ")",
                d.vendor(), d.name(), d.version(), d.apiVersion());
        out.printf("  capabilities: %s%n", d.capabilities().stream()
                .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        d.scoreRange().ifPresent(r -> out.printf("  scores: similarity in [%s, %s], higher means more similar%n",
                r.min(), r.max()));
        for (OperatingThreshold t : d.thresholds()) {
            out.printf("  threshold %s = %s (%s)%s%n", t.name(), t.value(),
                    t.capability().name().toLowerCase(Locale.ROOT),
                    t.description().isEmpty() ? "" : ": " + t.description());
        }
        if (!d.attributes().isEmpty()) {
            out.printf("  attributes: %s%n", d.attributes().stream().map(Object::toString)
                    .collect(Collectors.joining(", ")));
        }
        out.printf("  from: %s%n", SystemArtifact.of(provider).location());
    }
}
