package org.touchstone.reports;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link RunReports#generate(Path)} did: a few headline lines for the CLI to print and the files it
 * wrote.
 *
 * @param headline lines such as the EER and FNMR at each FMR target, with thresholds and counts
 * @param written  every file written, absolute paths, in the order written ({@code metrics.json} last)
 */
public record ReportSummary(List<String> headline, List<Path> written) {
    /**
     * @param headline copied
     * @param written  copied
     */
    public ReportSummary {
        headline = List.copyOf(headline);
        written = List.copyOf(written);
    }
}
