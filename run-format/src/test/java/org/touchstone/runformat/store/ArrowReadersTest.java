package org.touchstone.runformat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.touchstone.api.FailureCode;
import org.touchstone.runformat.columns.ComparisonsCsv.Status;
import org.touchstone.runformat.io.Sha256;

/**
 * Arrow implementations other than Touchstone's own read {@value ComparisonStore#FILE} bit for bit: a store
 * written here through {@link ComparisonStoreWriter} (four record batches: two small flushed ones, in which
 * Arrow Java leaves the buffers ZSTD would not shrink uncompressed, a full
 * {@link ComparisonStore#BATCH_ROWS} one and the rest at {@code finish}) is read by Apache Arrow JS (ZSTD
 * through fzstd) and by Polars for Node.js, each in a Node.js process running
 * {@code clients/arrow-readers/read-store.js}, and every value each prints must be the one written: scores
 * by their float64 bits, nulls where a row is not ok, the dictionary columns by their text.
 *
 * <p>It needs Node.js 20+ with the readers' npm packages installed from their lockfile
 * ({@code scripts/install-arrow-readers.sh}). Without them it is skipped, saying so, on a developer's
 * machine, and fails where {@code TOUCHSTONE_REQUIRE_ARROW_READERS=1} (CI installs them and sets it).
 */
class ArrowReadersTest {
    /** The environment variable that makes missing readers a failure rather than a skip. */
    static final String REQUIRE = "TOUCHSTONE_REQUIRE_ARROW_READERS";
    private static final String FOLDER = "clients/arrow-readers";
    private static final String SCRIPT = "read-store.js";
    private static final String STAMP = "node_modules/.touchstone-lock-sha256";
    private static final String POLARS_OMITTED = "node_modules/.touchstone-polars-omitted";
    private static final long TIMEOUT_SECONDS = 180;

    /** Each reader's names for the column types, in file order, with the nullability it reports (null: none). */
    private static final Map<String, List<String>> TYPES = Map.of(
            "arrow-js", List.of("Int32 false", "Int32 false", "Dictionary<Int8, Utf8> false",
                    "Dictionary<Int8, Utf8> true", "Utf8 true", "Float64 true", "Int64 true"),
            "polars", List.of("Int32 null", "Int32 null", "Categorical null", "Categorical null", "String null",
                    "Float64 null", "Int64 null"));

    @TempDir
    static Path tmp;
    private static Path store;
    private static List<StoreRow> written;
    private static List<Integer> batches;

    @BeforeAll
    static void writeTheStore() throws IOException {
        Random random = new Random(20261207);
        List<StoreRow> edges = edgeRows();
        List<StoreRow> one = List.of(new StoreRow(5, 6, Status.OK, null, null, -1.0, 1));
        List<StoreRow> full = randomRows(random, ComparisonStore.BATCH_ROWS);
        List<StoreRow> rest = randomRows(random, 1_000);
        store = tmp.resolve(ComparisonStore.FILE);
        try (OutputStream out = Files.newOutputStream(store); ComparisonStoreWriter writer = ComparisonStoreWriter.start(out)) {
            StoreRow.writeAll(writer, edges);
            writer.flush();
            StoreRow.writeAll(writer, one);
            writer.flush();
            StoreRow.writeAll(writer, full); // written as a batch by the writer itself when the batch fills
            StoreRow.writeAll(writer, rest);
            writer.finish();
        }
        written = new ArrayList<>();
        for (List<StoreRow> part : List.of(edges, one, full, rest)) {
            written.addAll(part);
        }
        batches = List.of(edges.size(), one.size(), full.size(), rest.size());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arrow-js", "polars"})
    void anIndependentArrowImplementationReadsEveryValueAsWritten(String reader) throws Exception {
        Path readers = installedReaders();
        Path omitted = readers.resolve(POLARS_OMITTED);
        if (reader.equals("polars") && Files.isRegularFile(omitted)) {
            // The install script's documented choice on Node.js 18, not a missing install: said, not failed.
            assumeTrue(false, "Polars was left out of the install: "
                    + Files.readString(omitted, StandardCharsets.UTF_8).strip());
        }
        JsonNode read = run(readers, reader);
        assertThat(read.path("reader").asText()).isEqualTo(reader);
        assertThat(read.path("rows").asLong()).as("%s: rows", reader).isEqualTo(written.size());
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (JsonNode column : read.path("columns")) {
            columns.add(column.path("name").asText());
            types.add(column.path("type").asText() + " " + column.path("nullable").asText());
        }
        assertThat(columns).as("%s: columns", reader).isEqualTo(ComparisonStore.COLUMNS);
        assertThat(types).as("%s: column types as it names them", reader).isEqualTo(TYPES.get(reader));
        if (reader.equals("arrow-js")) {
            List<Integer> seen = new ArrayList<>();
            read.path("batches").forEach(n -> seen.add(n.asInt()));
            assertThat(seen).as("arrow-js: rows per record batch").isEqualTo(batches);
        }
        Map<String, List<Object>> expected = expectedValues();
        JsonNode values = read.path("values");
        for (Map.Entry<String, List<Object>> column : expected.entrySet()) {
            assertColumn(reader, column.getKey(), column.getValue(), values.path(column.getKey()));
        }
    }

    /** The values as read-store.js prints them, column by column. */
    private static Map<String, List<Object>> expectedValues() {
        Map<String, List<Object>> columns = new LinkedHashMap<>();
        ComparisonStore.COLUMNS.forEach(name -> columns.put(name, new ArrayList<>()));
        for (StoreRow row : written) {
            boolean ok = row.status() == Status.OK;
            columns.get(ComparisonStore.ENROLMENT_TEMPLATE).add(String.valueOf(row.enrolment()));
            columns.get(ComparisonStore.PROBE_TEMPLATE).add(String.valueOf(row.probe()));
            columns.get(ComparisonStore.STATUS).add(row.status().text());
            columns.get(ComparisonStore.FAILURE_CODE).add(ok ? null : row.code().name());
            columns.get(ComparisonStore.FAILURE_MESSAGE).add(
                    row.message() == null || row.message().isEmpty() ? null : row.message());
            columns.get(ComparisonStore.SCORE).add(
                    ok ? String.format("%016x", Double.doubleToRawLongBits(row.score())) : null);
            columns.get(ComparisonStore.LATENCY_NS).add(row.latencyNs() < 0 ? null : String.valueOf(row.latencyNs()));
        }
        return columns;
    }

    /** Compares one column row by row, naming the first row that differs rather than printing them all. */
    private static void assertColumn(String reader, String column, List<Object> expected, JsonNode actual) {
        assertThat(actual.isArray()).as("%s: %s is an array", reader, column).isTrue();
        assertThat(actual.size()).as("%s: values of %s", reader, column).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode value = actual.get(i);
            String got = value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
            if (!Objects.equals(got, expected.get(i))) {
                fail("%s read %s of row %d (%s) as %s, but %s was written", reader, column, i, written.get(i),
                        value, expected.get(i));
            }
        }
    }

    /** Runs read-store.js on the store; its stderr goes into the failure message. */
    private static JsonNode run(Path readers, String reader) throws IOException, InterruptedException {
        Path out = tmp.resolve(reader + ".json");
        Path err = tmp.resolve(reader + ".err");
        Process process = new ProcessBuilder("node", readers.resolve(SCRIPT).toString(), "--reader", reader,
                store.toString())
                .directory(readers.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail("%s did not finish reading the store in %d s; its stderr:%n%s", reader, TIMEOUT_SECONDS,
                    Files.readString(err, StandardCharsets.UTF_8));
        }
        if (process.exitValue() != 0) {
            fail("%s could not read the store (exit code %d); its stderr:%n%s", reader, process.exitValue(),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
        return new ObjectMapper().readTree(out.toFile());
    }

    /** Scores at the edges of float64, every failure code, messages that need escaping or are not ASCII. */
    private static List<StoreRow> edgeRows() {
        List<StoreRow> rows = new ArrayList<>();
        double[] scores = {-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
            -Double.MAX_VALUE, 1e300, -1e-300, Math.nextUp(0.5), Math.nextDown(1.0), Math.PI, -2.5e-17};
        long[] latencies = {0, 1, Long.MAX_VALUE, 1_000_000_007L, 17};
        for (int i = 0; i < scores.length; i++) {
            rows.add(new StoreRow(i, Integer.MAX_VALUE - i, Status.OK, null, null, scores[i], latencies[i % latencies.length]));
        }
        String[] messages = {"size mismatch: 128 != 64 \u00e9", "\u6f22\u5b57\u306e\u30e1\u30c3\u30bb\u30fc\u30b8",
            "emoji \ud83d\ude00 outside the BMP", "line one\nline two\t\"quoted\" \\ back", null, "",
            "x".repeat(5_000) + "\u00fc"};
        FailureCode[] codes = FailureCode.values();
        for (int i = 0; i < codes.length; i++) {
            Status status = i % 2 == 0 ? Status.COMPARISON_FAILED : Status.TEMPLATE_FAILED;
            long latency = i % 3 == 0 ? -1 : 10L * i; // -1: not compared, stored as null
            rows.add(new StoreRow(1000 + i, i, status, codes[i], messages[i % messages.length], Double.NaN, latency));
        }
        return rows;
    }

    /** Scores of any finite bit pattern and near the usual range, a failed row now and then. */
    private static List<StoreRow> randomRows(Random random, int count) {
        FailureCode[] codes = FailureCode.values();
        List<StoreRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int enrolment = random.nextInt(10_000);
            int probe = random.nextInt(10_000);
            if (i % 211 == 7) {
                rows.add(new StoreRow(enrolment, probe, Status.TEMPLATE_FAILED, codes[random.nextInt(codes.length)], null,
                        Double.NaN, -1));
            } else if (i % 97 == 3) {
                rows.add(new StoreRow(enrolment, probe, Status.COMPARISON_FAILED, codes[random.nextInt(codes.length)],
                        "failed at " + i + " \u00e9", Double.NaN, random.nextLong() & Long.MAX_VALUE));
            } else {
                double score;
                if (i % 3 == 0) {
                    do {
                        score = Double.longBitsToDouble(random.nextLong());
                    } while (!Double.isFinite(score));
                } else {
                    score = random.nextGaussian();
                }
                rows.add(new StoreRow(enrolment, probe, Status.OK, null, null, score, random.nextInt(5_000_000)));
            }
        }
        return rows;
    }

    /** The readers' folder, its packages installed from its lockfile; else skipped or failed (see the class). */
    private static Path installedReaders() throws IOException {
        Path folder = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && folder == null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(FOLDER).resolve(SCRIPT))) {
                folder = dir.resolve(FOLDER);
            }
        }
        if (folder == null) {
            missing(FOLDER + "/" + SCRIPT + " was not found above " + Path.of("").toAbsolutePath());
            return null;
        }
        Path stamp = folder.resolve(STAMP);
        if (!Files.isRegularFile(stamp) || !Files.readString(stamp, StandardCharsets.UTF_8).strip()
                .equals(Sha256.hex(folder.resolve("package-lock.json")))) {
            missing("the Arrow readers' npm packages are not installed in " + folder
                    + "/node_modules from its lockfile; run scripts/install-arrow-readers.sh (needs Node.js 18+ and npm; Polars 20+)");
        }
        return folder;
    }

    private static void missing(String message) {
        if ("1".equals(System.getenv(REQUIRE))) {
            fail(message + " (the Arrow readers are required here: " + REQUIRE + "=1)");
        }
        assumeTrue(false, message + " to check that Arrow JS and Polars read comparisons.arrows; skipped");
    }
}
