package org.touchstone.runner.cli;

import org.touchstone.api.ApiVersion;
import org.touchstone.runner.systems.HarnessVersion;
import picocli.CommandLine.Command;

/** The root command: {@code touchstone <command>}. */
@Command(name = "touchstone",
        mixinStandardHelpOptions = true,
        versionProvider = TouchstoneCommand.Version.class,
        description = "A vendor-neutral, reproducible test harness for face recognition and face analysis systems.",
        subcommands = {DemoCommand.class, RunCommand.class, AnalyzeCommand.class, SystemsCommand.class,
                ProtocolsCommand.class, DatasetCommand.class, ReportCommand.class, VerifyCommand.class, CheckCommand.class, CompareCommand.class,
                PublishCommand.class, ExportCommand.class, KeygenCommand.class, SignCommand.class, SubmissionCommand.class,
                ValidateCommand.class, BenchCommand.class, ServeCommand.class, WorkerCommand.class, picocli.CommandLine.HelpCommand.class})
public final class TouchstoneCommand {
    /** Prints the harness and SPI versions. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"touchstone " + HarnessVersion.get() + " (SPI " + ApiVersion.VERSION + ")"};
        }
    }
}
