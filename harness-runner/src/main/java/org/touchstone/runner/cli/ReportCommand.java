package org.touchstone.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.touchstone.reports.ReportSummary;
import org.touchstone.reports.RunReports;
import org.touchstone.reports.verify.RunVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code touchstone report RUN_DIR}: regenerate every number, table, figure and the report card. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Regenerate metrics.json, tables, figures and report.html of a run directory from its raw",
                "files alone, then check them against the hashes run.json recorded."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory.")
    Path runDir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ReportSummary summary = RunReports.generate(runDir);
        summary.headline().forEach(line -> out.println("  " + line));
        out.printf("Regenerated %d files in %s%n", summary.written().size(), runDir);
        // The report was just computed from the raw files: the hashes say whether it, and they, are as recorded.
        RunVerifier.Verdict verdict = RunVerifier.checkHashes(runDir);
        if (verdict.ok()) {
            out.println("Byte-identical to the files run.json recorded.");
            return ExitCodes.OK;
        }
        verdict.problems().forEach(p -> spec.commandLine().getErr().println("differs: " + p));
        return ExitCodes.RUN_FAILED;
    }
}
