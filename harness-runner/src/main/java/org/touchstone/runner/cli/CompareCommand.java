package org.touchstone.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.touchstone.reports.comparison.RunComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code touchstone compare RUN_DIR RUN_DIR... --out DIR}: several systems on one protocol and dataset. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare systems run on the same protocol version and dataset: a leaderboard with intervals,",
                "overlaid DET or CMC curves, and McNemar tests between every two systems on the same trials.",
                "Runs of different protocols, versions or datasets are refused."})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "RUN_DIR", description = "Two or more completed run directories.")
    List<Path> runs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the comparison into.")
    Path out;

    @Override
    public Integer call() throws IOException, RunComparison.IncompatibleRunsException {
        PrintWriter stdout = spec.commandLine().getOut();
        RunComparison.Result result = RunComparison.compare(runs, out);
        result.headline().forEach(stdout::println);
        stdout.println("Comparison written to " + out + " (comparison.html, tables/, figures/)");
        return ExitCodes.OK;
    }
}
