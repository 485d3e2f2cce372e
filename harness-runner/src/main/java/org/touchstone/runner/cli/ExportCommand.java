package org.touchstone.runner.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.touchstone.runformat.RunFiles;
import org.touchstone.runformat.io.AtomicFiles;
import org.touchstone.runformat.store.ComparisonStore;
import org.touchstone.runner.engine.rundir.ComparisonsCsvExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code touchstone export RUN --csv}: a run's comparisons as text, for tools that do not read Arrow. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a verification run's comparisons (" + ComparisonStore.FILE + ", run format 2) as the",
                "comparisons.csv of run format 1, byte for byte: to standard output, or to --out FILE."})
public final class ExportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A verification run directory of run format 2.")
    Path runDir;

    @Option(names = "--csv", required = true, description = "Export as CSV (the one format offered).")
    boolean csv;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file (replaced whole) instead of"
            + " standard output.")
    Path out;

    @Override
    public Integer call() throws IOException, BadInputException {
        if (!Files.isRegularFile(runDir.resolve(RunFiles.RUN_JSON))) {
            throw new BadInputException(runDir + ": not a run directory (no " + RunFiles.RUN_JSON + ")");
        }
        if (!Files.isRegularFile(runDir.resolve(ComparisonStore.FILE))) {
            throw new BadInputException(runDir + ": no " + ComparisonStore.FILE + " (a verification run of run"
                    + " format 2 holds one; a format-1 run already has comparisons.csv)");
        }
        if (out != null) {
            AtomicFiles.write(out, stream -> ComparisonsCsvExport.export(runDir, stream));
        } else {
            // System.out directly, so that the bytes are the file's (no charset or line-end translation).
            PrintStream stdout = System.out;
            OutputStream buffered = new BufferedOutputStream(stdout, 1 << 16);
            ComparisonsCsvExport.export(runDir, buffered);
            buffered.flush();
        }
        return ExitCodes.OK;
    }
}
