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
        try (Reader in = Files.newBufferedReader(readable(file))) {
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
        try (Reader in = Files.newBufferedReader(readable(file))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    /**
     * A run's comparisons as run format 1's {@code comparisons.csv}: run format 2 keeps them in
     * {@code comparisons.arrows}, exported here (as {@code touchstone export RUN --csv} does) to a temporary
     * file outside the run directory, which must not gain files.
     *
     * @param runDir a verification run directory
     * @return the CSV
     * @throws IOException if it cannot be exported
     */
    public static Path comparisonsCsv(Path runDir) throws IOException {
        Path csv = Files.createTempFile("comparisons-", ".csv");
        csv.toFile().deleteOnExit();
        try (java.io.OutputStream out = Files.newOutputStream(csv)) {
            org.touchstone.runner.engine.rundir.ComparisonsCsvExport.export(runDir, out);
        }
        return csv;
    }

    /** The file, or for a run's comparisons.csv that format 2 no longer writes, the export of its store. */
    private static Path readable(Path file) throws IOException {
        if (file.getFileName().toString().equals("comparisons.csv") && !Files.exists(file)
                && Files.exists(file.resolveSibling("comparisons.arrows"))) {
            return comparisonsCsv(file.getParent());
        }
        return file;
    }

    /**
     * Edits a run's score store as a forger would: the first comparison scored {@code from} gets {@code to}.
     *
     * @param runDir a verification run directory of run format 2
     * @param from   the score to find
     * @param to     the score it gets
     * @return the row edited (0 = first), or -1 when no comparison has that score
     * @throws IOException if the store cannot be read or written
     */
    public static long editFirstScore(Path runDir, double from, double to) throws IOException {
        Path store = runDir.resolve("comparisons.arrows");
        Path edited = runDir.resolve("comparisons.arrows.edited");
        long editedRow = -1;
        try (var in = org.touchstone.runformat.store.ComparisonStoreReader.open(store);
             java.io.OutputStream bytes = Files.newOutputStream(edited);
             var out = org.touchstone.runformat.store.ComparisonStoreWriter.start(bytes)) {
            while (in.nextBatch()) {
                for (int i = 0; i < in.rows(); i++) {
                    if (in.status(i) == org.touchstone.runformat.columns.ComparisonsCsv.Status.OK) {
                        double score = in.score(i);
                        if (editedRow < 0 && score == from) {
                            editedRow = in.rowsBefore() + i;
                            score = to;
                        }
                        out.addScored(in.enrolment(i), in.probe(i), score, in.latencyNs(i));
                    } else {
                        out.addFailed(in.enrolment(i), in.probe(i), in.status(i), in.failureCode(i),
                                in.failureMessage(i), in.latencyNs(i));
                    }
                }
            }
            out.finish();
        }
        Files.move(edited, store, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return editedRow;
    }
}
