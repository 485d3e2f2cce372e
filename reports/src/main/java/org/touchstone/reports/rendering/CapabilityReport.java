package org.touchstone.reports.rendering;

import java.io.IOException;
import java.nio.file.Path;
import org.touchstone.reports.input.RunDirectoryException;

/**
 * The report of one capability (verification, identification or analysis), as the runner's
 * {@code CapabilityRunner} is its run: it reads the raw files the capability's runner wrote, computes every
 * number from them and renders metrics.json, the tables, the figures and the headline, in memory.
 * {@code RunReports} picks the report by run.json's {@code evaluation.capability}, adds what every run has
 * (timing) and writes the files.
 */
public interface CapabilityReport {
    /**
     * The capability it reports.
     *
     * @return the capability as run.json's {@code evaluation.capability} names it, e.g. {@code "verification"}
     */
    String capability();

    /**
     * Reads the run directory and renders the report.
     *
     * @param runDir the run directory
     * @return the files, in the order to write them ({@code metrics.json} last), and the headline
     * @throws RunDirectoryException when an input file breaks the contract, naming file, line and column
     * @throws IOException           when a file cannot be read
     */
    RenderedReport render(Path runDir) throws IOException;
}
