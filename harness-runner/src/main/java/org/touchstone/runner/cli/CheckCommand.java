package org.touchstone.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.touchstone.reports.summary.Requirement;
import org.touchstone.reports.summary.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code touchstone check RUN --require 'fnmr@fmr=1e-3 <= 0.05'}: a regression gate for a vendor's CI. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a run's headline figures (as its report card shows them) against requirements, e.g.",
                "--require 'fnmr@fmr=1e-3 <= 0.05' --require 'fte <= 0.01'. Prints PASS or FAIL per requirement with",
                "the measured value, interval and counts; a requirement on an operating point the data cannot support",
                "fails as unsupported. Exit 0 when all hold, 1 when one fails, 2 on a malformed or unknown requirement."})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory (or an analyze output folder).")
    Path runDir;

    @Option(names = "--require", required = true, paramLabel = "REQUIREMENT",
            description = "METRIC[@NAME=VALUE...] OP BOUND, OP one of <= < >= >; repeatable. Figures: fnmr@fmr=T,"
                    + " fnmr@threshold=NAME, fmr@threshold=NAME, eer, fte, rank1, fnir@fpir=T, fnir@threshold=NAME,"
                    + " fpir@threshold=NAME, accuracy@attribute=A, coverage@attribute=A, fta.")
    List<String> requirements;

    @Override
    public Integer call() throws BadInputException {
        List<Requirement> parsed = new ArrayList<>();
        for (String text : requirements) {
            try {
                parsed.add(Requirement.parse(text));
            } catch (Requirement.BadRequirementException e) {
                throw new BadInputException("--require: " + e.getMessage(), e);
            }
        }
        Path metrics = runDir.resolve("metrics.json");
        if (!Files.isRegularFile(metrics)) {
            throw new BadInputException(metrics + ": not found; check needs a run directory whose report was written");
        }
        RunSummary summary;
        try {
            summary = RunSummary.of(new ObjectMapper().readTree(metrics.toFile()));
        } catch (IOException e) {
            throw new BadInputException("cannot read " + metrics + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (Requirement requirement : parsed) {
            Requirement.Outcome outcome;
            try {
                outcome = requirement.check(summary);
            } catch (Requirement.BadRequirementException e) {
                throw new BadInputException(metrics + ": " + e.getMessage(), e);
            }
            out.println(outcome.message());
            if (!outcome.met()) {
                failed++;
            }
        }
        out.printf("%s: %d of %d requirements met%n", runDir, parsed.size() - failed, parsed.size());
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    }
}
