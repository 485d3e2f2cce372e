package org.touchstone.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.touchstone.reports.site.SitePublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code touchstone publish RUN... --out SITE}: a static site of results, no server needed. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish completed runs as a static site: an index, a leaderboard per protocol and dataset",
                "(ranked by the headline figure with intervals, ties marked), overlaid DET or CMC curves, paired",
                "tests, each system's demographic summary and provenance, and every run's report card. Opens from",
                "the file system or any static host; no JavaScript. The same runs give the same bytes."})
public final class PublishCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "Completed run directories.")
    List<Path> runDirs;

    @Option(names = "--out", required = true, paramLabel = "SITE", description = "Folder to write the site into.")
    Path out;

    @Override
    public Integer call() throws BadInputException {
        List<Path> written;
        try {
            written = SitePublisher.publish(runDirs, out, SitePublisher.UNSIGNED);
        } catch (SitePublisher.PublishException e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new BadInputException("cannot publish: " + e.getMessage(), e);
        }
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf("Published %d runs (%d files) to %s: open index.html%n", runDirs.size(), written.size(),
                out.toAbsolutePath().resolve("index.html"));
        printer.flush();
        return ExitCodes.OK;
    }
}
