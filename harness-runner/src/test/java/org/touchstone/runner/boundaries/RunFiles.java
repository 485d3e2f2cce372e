package org.touchstone.runner.boundaries;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads the raw files of run directories for comparison in tests. */
public final class RunFiles {
    private RunFiles() {
    }

    /**
     * @param file a CSV of the run directory
     * @return its rows, each as its cells joined by commas, without the columns measuring time
     * @throws IOException if it cannot be read
     */
    public static List<String> withoutTiming(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
            List<String> columns = parser.getHeaderNames().stream().filter(c -> !c.equals("latency_ns")).toList();
            List<String> rows = new ArrayList<>();
            rows.add(String.join(",", columns));
            for (CSVRecord r : parser) {
                List<String> cells = new ArrayList<>();
                for (String c : columns) {
                    cells.add(r.get(c));
                }
                rows.add(String.join(",", cells));
            }
            return rows;
        }
    }

    /**
     * @param file a CSV of the run directory
     * @return its records
     * @throws IOException if it cannot be read
     */
    public static List<CSVRecord> records(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
