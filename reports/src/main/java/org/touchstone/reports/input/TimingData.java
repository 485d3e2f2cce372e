package org.touchstone.reports.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run's measured speed and size: {@code timing.csv} (the latency of every SPI call by operation, the
 * template sizes and each stage's wall time) and the {@code resources} block of {@code run.json}, as the
 * runner wrote them (docs/run-directory.md). Absent from runs made before the runner measured them.
 *
 * @param latencies     one distribution per SPI operation, in file order, in nanoseconds
 * @param templateSizes the template sizes in bytes, or empty when no template was made
 * @param stages        each stage's items and wall time, in file order
 * @param resources     the {@code resources} block of run.json, or null when it has none
 */
public record TimingData(List<Distribution> latencies, Optional<Distribution> templateSizes, List<Stage> stages,
                         JsonNode resources) {
    /** The raw file. */
    public static final String FILE = "timing.csv";

    private static final List<String> COLUMNS = List.of("record", "name", "unit", "count", "failures", "p50", "p90",
            "p99", "max", "mean", "seconds", "per_second");

    /** Copies the lists. */
    public TimingData {
        latencies = List.copyOf(latencies);
        stages = List.copyOf(stages);
    }

    /**
     * A distribution of values: latencies of one operation or template sizes.
     *
     * @param name     the operation (e.g. {@code comparison}) or {@code template}
     * @param unit     {@code ns} or {@code bytes}
     * @param count    values
     * @param failures failed calls among them; -1 for sizes
     * @param p50      median
     * @param p90      90th percentile
     * @param p99      99th percentile
     * @param max      largest
     * @param mean     mean
     */
    public record Distribution(String name, String unit, long count, long failures, long p50, long p90, long p99,
                               long max, double mean) {
    }

    /**
     * A stage's throughput.
     *
     * @param name    e.g. {@code comparisons}
     * @param unit    what an item is, e.g. {@code comparisons}
     * @param items   items its calls handled
     * @param seconds its wall time
     */
    public record Stage(String name, String unit, long items, double seconds) {
        /** @return items per second, or NaN when the stage took no measurable time */
        public double perSecond() {
            return seconds > 0 ? items / seconds : Double.NaN;
        }
    }

    /**
     * @param runDir a run directory
     * @return its timing, or empty when it has no {@value #FILE}
     * @throws RunDirectoryException when the file breaks the contract (the message names line and column)
     * @throws IOException           when a file cannot be read
     */
    public static Optional<TimingData> read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<Distribution> latencies = new ArrayList<>();
        Distribution sizes = null;
        List<Stage> stages = new ArrayList<>();
        try (CsvTable table = CsvTable.open(file, COLUMNS)) {
            int record = table.column("record");
            int name = table.column("name");
            int seconds = table.column("seconds");
            while (table.next()) {
                switch (table.get(record)) {
                    case "latency" -> latencies.add(distribution(table, "ns", true));
                    case "size" -> {
                        if (sizes != null) {
                            throw table.error(record, "a second size row: there is one, of templates");
                        }
                        sizes = distribution(table, "bytes", false);
                    }
                    case "stage" -> {
                        double s = table.finiteDecimal(seconds);
                        if (s < 0) {
                            throw table.error(seconds, "expected seconds >= 0, found " + table.get(seconds));
                        }
                        stages.add(new Stage(table.nonEmpty(name), table.nonEmpty(table.column("unit")),
                                table.longCount(table.column("count")), s));
                    }
                    default -> throw table.error(record, "expected \"latency\", \"size\" or \"stage\", found \""
                            + table.get(record) + "\"");
                }
            }
        }
        JsonDocument.Value resources = JsonDocument.read(runDir.resolve("run.json")).root().optional("resources");
        return Optional.of(new TimingData(latencies, Optional.ofNullable(sizes), stages,
                resources == null ? null : resources.asObject().node()));
    }

    private static Distribution distribution(CsvTable table, String unit, boolean withFailures)
            throws RunDirectoryException {
        int unitColumn = table.column("unit");
        if (!table.get(unitColumn).equals(unit)) {
            throw table.error(unitColumn, "expected \"" + unit + "\", found \"" + table.get(unitColumn) + "\"");
        }
        long count = table.longCount(table.column("count"));
        if (count == 0) {
            throw table.error(table.column("count"), "expected at least one value: rows without values are left out");
        }
        long failures = withFailures ? table.longCount(table.column("failures")) : -1;
        if (failures > count) {
            throw table.error(table.column("failures"), "expected at most count (" + count + ") failures, found "
                    + failures);
        }
        long[] percentiles = new long[4];
        List<String> names = List.of("p50", "p90", "p99", "max");
        for (int i = 0; i < percentiles.length; i++) {
            int column = table.column(names.get(i));
            percentiles[i] = table.longCount(column);
            if (i > 0 && percentiles[i] < percentiles[i - 1]) {
                throw table.error(column, "expected " + names.get(i) + " >= " + names.get(i - 1) + " ("
                        + percentiles[i - 1] + "), found " + percentiles[i]);
            }
        }
        int meanColumn = table.column("mean");
        double mean = table.finiteDecimal(meanColumn);
        if (mean < 0 || mean > percentiles[3]) {
            throw table.error(meanColumn, "expected a mean between 0 and max (" + percentiles[3] + "), found "
                    + table.get(meanColumn));
        }
        return new Distribution(table.nonEmpty(table.column("name")), unit, count, failures, percentiles[0],
                percentiles[1], percentiles[2], percentiles[3], mean);
    }
}
