package org.touchstone.runner.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.touchstone.runformat.columns.ComparisonsCsv;
import org.touchstone.runformat.store.ComparisonStore;
import org.touchstone.runformat.store.ComparisonStoreReader;
import org.touchstone.runformat.store.ComparisonStoreWriter;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Sets what measures time, the machine or the file system of a run directory's raw files to fixed values, so
 * that two runs of the same protocol, dataset and system on any machine have equal raw files, and so equal
 * computed files once {@code report} regenerates them. Everything else is left as it is, byte for byte.
 */
final class RunNormaliser {
    /** timing.csv's columns that hold times; {@code count} and {@code failures} are the run's own. */
    private static final Set<String> TIMING_MEASURES = Set.of("p50", "p90", "p99", "max", "mean", "seconds",
            "per_second");
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private RunNormaliser() {
    }

    /**
     * @param runDir a complete run directory, normalised in place
     * @throws IOException if a file cannot be read or written
     */
    static void normalise(Path runDir) throws IOException {
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path csv : files.filter(f -> f.getFileName().toString().endsWith(".csv")).toList()) {
                boolean timing = csv.getFileName().toString().equals("timing.csv");
                rewriteCsv(csv, column -> timing ? TIMING_MEASURES.contains(column) : column.equals("latency_ns"));
            }
        }
        Path store = runDir.resolve(ComparisonStore.FILE);
        if (Files.isRegularFile(store)) {
            rewriteStore(store);
        }
        normaliseRunJson(runDir.resolve("run.json"));
    }

    /**
     * Sets every latency of the score store to 0, and writes it in full batches: where the runner cut its
     * batches follows the backend's timing (one batch per result handed back), not the data.
     */
    private static void rewriteStore(Path store) throws IOException {
        Path normalised = store.resolveSibling(store.getFileName() + ".normalised");
        try (ComparisonStoreReader in = ComparisonStoreReader.open(store);
             java.io.OutputStream bytes = new java.io.BufferedOutputStream(Files.newOutputStream(normalised));
             ComparisonStoreWriter out = ComparisonStoreWriter.start(bytes)) {
            while (in.nextBatch()) {
                for (int i = 0; i < in.rows(); i++) {
                    if (in.status(i) == ComparisonsCsv.Status.OK) {
                        out.addScored(in.enrolment(i), in.probe(i), in.score(i), 0);
                    } else {
                        out.addFailed(in.enrolment(i), in.probe(i), in.status(i), in.failureCode(i),
                                in.failureMessage(i), in.latencyNs(i) < 0 ? -1 : 0);
                    }
                }
            }
            out.finish();
        }
        Files.move(normalised, store, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Replaces every non-empty cell of the chosen columns by 0. */
    private static void rewriteCsv(Path csv, java.util.function.Predicate<String> measured) throws IOException {
        List<String> header;
        List<CSVRecord> records;
        try (Reader in = Files.newBufferedReader(csv)) {
            var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
            header = parser.getHeaderNames();
            records = parser.getRecords();
        }
        StringWriter text = new StringWriter();
        try (CSVPrinter out = new CSVPrinter(text, CSV)) {
            out.printRecord(header);
            for (CSVRecord r : records) {
                List<String> cells = new ArrayList<>(header.size());
                for (int i = 0; i < header.size(); i++) {
                    String cell = r.get(i);
                    cells.add(measured.test(header.get(i)) && !cell.isEmpty() ? "0" : cell);
                }
                out.printRecord(cells);
            }
        }
        Files.writeString(csv, text.toString(), StandardCharsets.UTF_8);
    }

    private static void normaliseRunJson(Path runJson) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(runJson.toFile());
        root.put("run_id", "golden");
        root.put("started", "2026-01-01T00:00:00Z");
        root.put("finished", "2026-01-01T00:00:01Z");
        root.remove("resumed");
        root.remove("files");
        zero(root.get("environment"));
        zero(root.get("resources"));
        ((ObjectNode) root.get("dataset")).put("manifest", "manifest.csv");
        JsonNode artifact = root.path("system").path("artifact");
        if (artifact instanceof ObjectNode a) {
            // The code's location and hash: they change with any change of code, not of results.
            a.put("location", "artifact");
            a.put("sha256", "0".repeat(64));
        }
        for (Iterator<Map.Entry<String, JsonNode>> stages = root.path("stages").fields(); stages.hasNext(); ) {
            JsonNode stage = stages.next().getValue();
            for (Iterator<Map.Entry<String, JsonNode>> f = stage.fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> field = f.next();
                if (field.getKey().equals("seconds") || field.getKey().endsWith("_per_second")) {
                    ((ObjectNode) stage).put(field.getKey(), 0);
                }
            }
        }
        json.writerWithDefaultPrettyPrinter().writeValue(runJson.toFile(), root);
    }

    /** Sets every number and text inside a block to 0 and "x", keeping its shape. */
    private static void zero(JsonNode block) {
        if (!(block instanceof ObjectNode object)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> f = object.fields(); f.hasNext(); ) {
            Map.Entry<String, JsonNode> field = f.next();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                zero(value);
            } else if (value.isNumber()) {
                object.put(field.getKey(), 0);
            } else if (value.isTextual()) {
                object.put(field.getKey(), "x");
            }
        }
    }

    /** Copies a run directory, for a person to diff. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
