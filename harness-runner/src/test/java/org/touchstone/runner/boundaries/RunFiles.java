package org.touchstone.runner.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
     * metrics.json without what measures time (its {@code timing} block and the timing tables it lists),
     * which differs from run to run even when every other number is the same.
     *
     * @param metrics a run's metrics.json
     * @return the rest of it, as indented JSON
     * @throws IOException if it cannot be read
     */
    public static String metricsWithoutTiming(Path metrics) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = (ObjectNode) json.readTree(metrics.toFile());
        assertThat(root.has("timing")).as(metrics + " has a timing block").isTrue();
        root.remove("timing");
        ArrayNode tables = (ArrayNode) root.get("tables");
        for (int i = tables.size() - 1; i >= 0; i--) {
            if (List.of("tables/timing.csv", "tables/resources.csv").contains(tables.get(i).asText())) {
                tables.remove(i);
            }
        }
        return json.writeValueAsString(root);
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
