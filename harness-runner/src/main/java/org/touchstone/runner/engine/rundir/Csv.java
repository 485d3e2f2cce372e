package org.touchstone.runner.engine.rundir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.touchstone.runformat.columns.SpreadsheetText;

/** The one CSV dialect of the run directory: RFC 4180 quoting, '\n' line ends, UTF-8. */
public final class Csv {
    /** The run directory's CSV format. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private Csv() {
    }

    /**
     * @param out    the stream (not closed by closing the printer's caller-owned stream twice)
     * @param header the column names
     * @return a printer that has written the header
     * @throws IOException on failure
     */
    public static CSVPrinter printer(OutputStream out, String... header) throws IOException {
        return new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                FORMAT.builder().setHeader(header).get());
    }

    /**
     * @param out a stream positioned after rows already written (a resumed file)
     * @return a printer that writes rows only, no header
     * @throws IOException on failure
     */
    public static CSVPrinter continuing(OutputStream out) throws IOException {
        return new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), FORMAT);
    }

    /**
     * Prints a row with every text cell written so that a spreadsheet reads it as text, never as a formula
     * ({@link SpreadsheetText}): ids, subject ids, group values and failure messages come from datasets and
     * systems, not from us.
     *
     * @param csv   the printer
     * @param cells the row's cells
     * @throws IOException on failure
     */
    public static void row(CSVPrinter csv, Object... cells) throws IOException {
        row(csv, Arrays.asList(cells));
    }

    /**
     * As {@link #row(CSVPrinter, Object...)}.
     *
     * @param csv   the printer
     * @param cells the row's cells
     * @throws IOException on failure
     */
    public static void row(CSVPrinter csv, Iterable<?> cells) throws IOException {
        List<Object> encoded = new ArrayList<>();
        for (Object cell : cells) {
            encoded.add(SpreadsheetText.encode(cell));
        }
        csv.printRecord(encoded);
    }
}
