package org.touchstone.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.touchstone.reports.ReportSummary;
import org.touchstone.reports.ScoreFileReports;
import org.touchstone.reports.input.ScoreFile;
import org.touchstone.reports.verification.NamedThreshold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code touchstone analyze}: the verification report of a score file made by any tool. Parsing and every
 * number live in {@code reports} ({@link ScoreFileReports}); this command only maps options and errors.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Compute the verification report (metrics.json, tables, DET figure) of a score file made by"
                + " any tool, exactly as for a run.",
            "Formats: touchstone (CSV with enrolment_subject, probe_subject, score; an empty score is a failed"
                + " comparison), bob4 (claimed_id real_id test_label score), bob5 (claimed_id model_label real_id"
                + " test_label score). A comparison is genuine when its two subject ids are equal."})
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scores", required = true, paramLabel = "FILE", description = "The score file.")
    Path scores;

    @Option(names = "--format", defaultValue = "touchstone", paramLabel = "FORMAT",
            description = "touchstone, bob4 or bob5 (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--groups", paramLabel = "SUBJECTS.csv",
            description = "CSV mapping subject_id to group columns (one column per group column).")
    Path groups;

    @Option(names = "--threshold", paramLabel = "NAME=VALUE",
            description = "A threshold to report FMR and FNMR at; repeatable.")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--equivalence-margin", paramLabel = "MARGIN",
            description = "Parity margin in (0, 1) for equivalence tests (TOST) between groups; none by default.")
    Double equivalenceMargin;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the report into.")
    Path out;

    @Override
    public Integer call() throws IOException {
        ScoreFileReports.Request request = new ScoreFileReports.Request(scores, ScoreFile.Format.of(format), groups,
                ScoreFileReports.DEFAULT_FMR_TARGETS, parseThresholds(),
                equivalenceMargin == null ? Double.NaN : equivalenceMargin);
        if (equivalenceMargin != null && !(equivalenceMargin > 0 && equivalenceMargin < 1)) {
            throw new IllegalArgumentException("--equivalence-margin must be in (0, 1), was " + equivalenceMargin);
        }
        ReportSummary summary = ScoreFileReports.generate(request, out);
        PrintWriter printer = spec.commandLine().getOut();
        summary.headline().forEach(line -> printer.println("  " + line));
        printer.println("Report written to " + out.toAbsolutePath());
        return ExitCodes.OK;
    }

    private List<NamedThreshold> parseThresholds() {
        List<NamedThreshold> parsed = new ArrayList<>();
        for (String threshold : thresholds) {
            int equals = threshold.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--threshold needs NAME=VALUE, was \"" + threshold + "\"");
            }
            double value;
            try {
                value = Double.parseDouble(threshold.substring(equals + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--threshold " + threshold + ": not a number");
            }
            String name = threshold.substring(0, equals);
            if (parsed.stream().anyMatch(t -> t.name().equals(name))) {
                throw new IllegalArgumentException("--threshold " + name + " given twice");
            }
            parsed.add(new NamedThreshold(name, value, "user", "given on the command line"));
        }
        return parsed;
    }
}
