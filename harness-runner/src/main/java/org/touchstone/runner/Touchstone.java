package org.touchstone.runner;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import org.touchstone.runner.cli.CommandFailures;
import org.touchstone.runner.cli.TouchstoneCommand;
import picocli.CommandLine;

/** The {@code touchstone} command line. */
public final class Touchstone {
    private Touchstone() {
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // Arrow (the score store) logs through SLF4J; without a logging backend SLF4J would print three lines
        // of warning on every command. Spark's class path brings a backend, and then this changes nothing.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        CommandLine cli = commandLine(RunnerModule.forTerminal());
        int code = cli.execute(args);
        // A command's last print() (without a line end) is still in the writer's buffer: never lose it.
        cli.getOut().flush();
        cli.getErr().flush();
        System.exit(code);
    }

    /**
     * @param module the wiring
     * @return the command line, with commands created by Guice
     */
    public static CommandLine commandLine(Module module) {
        Injector injector = Guice.createInjector(module);
        CommandLine cli = new CommandLine(TouchstoneCommand.class, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                try {
                    return injector.getInstance(type);
                } catch (com.google.inject.ConfigurationException e) {
                    return CommandLine.defaultFactory().create(type);
                }
            }
        });
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // What commands throw ends in the documented exit codes; picocli's own usage errors exit with 2
        // (CommandLine.ExitCode.USAGE), which is ExitCodes.BAD_INPUT.
        cli.setExecutionExceptionHandler(new CommandFailures());
        return cli;
    }
}
