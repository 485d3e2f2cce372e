package org.touchstone.reports.rendering;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.touchstone.reports.stats.ConfidenceInterval;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.runformat.columns.SpreadsheetText;

/**
 * What every capability's CSV tables share: the format (RFC 4180, {@code \n} line ends, UTF-8, a header
 * row) and the cells of a rate. Column meanings are documented in {@code docs/run-directory.md}; an
 * undefined number (a rate with no trials) is an empty cell.
 */
public final class CsvTables {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private CsvTables() {
    }

    /**
     * A CSV file with a header row.
     *
     * @param header the column names
     * @param rows   the rows, each as long as the header
     * @return UTF-8 bytes
     */
    public static byte[] csv(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                // Group values come from the dataset: written so a spreadsheet never runs one as a formula.
                printer.printRecord(row.stream().map(SpreadsheetText::encode).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The cells of a rate in every table of every capability: events, trials, rate, Clopper-Pearson lower
     * and upper, Wilson lower and upper, and the one-sided 95% upper bound.
     *
     * @param proportion the rate
     * @return eight cells
     */
    public static List<String> proportionCells(Proportion proportion) {
        ConfidenceInterval ci = proportion.ci95();
        ConfidenceInterval wilson = proportion.wilson95();
        return List.of(String.valueOf(proportion.events()), String.valueOf(proportion.trials()),
                Numbers.exact(proportion.rate()), Numbers.exact(ci.lower()), Numbers.exact(ci.upper()),
                Numbers.exact(wilson.lower()), Numbers.exact(wilson.upper()), Numbers.exact(proportion.upper95()));
    }
}
