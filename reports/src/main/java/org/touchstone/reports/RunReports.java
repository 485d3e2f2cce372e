package org.touchstone.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.touchstone.reports.analysis.report.AnalysisReport;
import org.touchstone.reports.card.ReportCard;
import org.touchstone.reports.identification.report.IdentificationReport;
import org.touchstone.reports.input.RunDirectoryException;
import org.touchstone.reports.input.RunHeader;
import org.touchstone.reports.input.TimingData;
import org.touchstone.reports.rendering.CapabilityReport;
import org.touchstone.reports.rendering.MetricsJson;
import org.touchstone.reports.rendering.RenderedReport;
import org.touchstone.reports.timing.TimingReport;
import org.touchstone.reports.verification.report.VerificationReport;

/**
 * Turns a run directory into its report: {@code metrics.json}, {@code tables/*.csv},
 * {@code figures/*.svg|png} and the report card, all computed from the raw files alone, as
 * {@code docs/run-directory.md} specifies. The capability in {@code run.json} picks the
 * {@link CapabilityReport}: verification ({@code templates.csv}, {@code comparisons.csv}), identification
 * ({@code templates.csv}, {@code galleries.csv}, {@code searches.csv}, {@code candidates.csv}) or analysis
 * ({@code analyses.csv}, {@code estimates.csv}). Whatever the capability, a run's {@code timing.csv} adds
 * the timing tables and metrics.json's {@code timing} block ({@link TimingReport}).
 *
 * <p>The output is byte-for-byte deterministic given the same inputs (and the same JDK and fonts): no
 * timestamps, a stable order everywhere, exact number formatting. How the files are written, so that a
 * {@code metrics.json} is never partial, is {@link ReportWriter}'s.
 */
public final class RunReports {
    /** One report per capability, as the runner has one {@code CapabilityRunner} per capability. */
    private static final List<CapabilityReport> REPORTS = List.of(new VerificationReport(),
            new IdentificationReport(), new AnalysisReport());

    private RunReports() {
    }

    /**
     * Reads a run directory and writes its report into it.
     *
     * @param runDir the run directory
     * @return the headline and the files written
     * @throws RunDirectoryException when an input file breaks the contract (the message names file, line,
     *                               column and what was expected); nothing is written then
     * @throws IOException           when a file cannot be read or written
     */
    public static ReportSummary generate(Path runDir) throws IOException, RunDirectoryException {
        RunHeader header = RunHeader.read(runDir.resolve("run.json"));
        RenderedReport report = reportOf(header.capability()).render(runDir);
        Optional<TimingData> timing = TimingData.read(runDir);
        if (timing.isPresent()) {
            report = TimingReport.addTo(report, timing.get());
        }
        return ReportWriter.write(report, runDir, true);
    }

    /**
     * @param relativePath a file of a run directory, relative, '/' separated
     * @return true when the reports write it (so it can be regenerated from the other, raw, files)
     */
    public static boolean isReportOutput(String relativePath) {
        return relativePath.equals(MetricsJson.FILE) || relativePath.equals(ReportCard.FILE)
                || relativePath.startsWith("tables/") || relativePath.startsWith("figures/");
    }

    private static CapabilityReport reportOf(String capability) {
        return REPORTS.stream().filter(report -> report.capability().equals(capability)).findFirst()
                // RunHeader accepts only the capabilities above.
                .orElseThrow(() -> new IllegalStateException("no report for capability " + capability));
    }
}
