package org.touchstone.runner.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.touchstone.protocols.ProtocolDefinition;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.ProtocolRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code touchstone protocols}: the built-in protocols, or one protocol's exact text. */
@Command(name = "protocols", mixinStandardHelpOptions = true,
        description = "List the built-in protocols, or print one with --show.")
public final class ProtocolsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--show", paramLabel = "REF", description = "Print the protocol's YAML (id@version, id, or a file).")
    String show;

    /** Loaded when the command runs, not when the command line is built. */
    private final Provider<ProtocolRepository> repository;

    /** @param repository built-in protocols */
    @Inject
    public ProtocolsCommand(Provider<ProtocolRepository> repository) {
        this.repository = repository;
    }

    @Override
    public Integer call() throws ProtocolException {
        PrintWriter out = spec.commandLine().getOut();
        if (show != null) {
            ProtocolDefinition p = repository.get().resolve(show);
            out.printf("# %s  sha256 %s%n", p.ref(), p.sha256());
            out.print(p.yaml());
            // print() does not flush, and the YAML need not end with a line end: without this only the
            // header line reached the terminal.
            out.flush();
            return ExitCodes.OK;
        }
        for (ProtocolDefinition p : repository.get().list()) {
            out.printf("%-24s %-14s %s%n", p.ref(), p.capability().name().toLowerCase(Locale.ROOT), p.title());
            out.printf("%-24s sha256 %s%n", "", p.sha256());
        }
        return ExitCodes.OK;
    }
}
