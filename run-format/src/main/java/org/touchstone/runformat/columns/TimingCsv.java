package org.touchstone.runformat.columns;

import java.util.Map;

/**
 * The columns of {@value #FILE}: what the runner measured of every SPI call it made (any capability),
 * one row per operation, for template sizes, and per stage.
 */
public enum TimingCsv implements Column {
    /** A {@link RecordKind}. */
    RECORD("record"),
    /** The operation, {@code template}, or the stage. */
    NAME("name"),
    /** {@code ns} for latencies, {@code bytes} for sizes; for a stage, what its items are. */
    UNIT("unit"),
    /** Calls (latency), templates made (size), items the stage's calls handled (stage). */
    COUNT("count"),
    /** Latency rows: calls, or items, that failed; empty otherwise. */
    FAILURES("failures"),
    /** Median; empty for stages. */
    P50("p50"),
    /** 90th percentile; empty for stages. */
    P90("p90"),
    /** 99th percentile; empty for stages. */
    P99("p99"),
    /** Exact maximum; empty for stages. */
    MAX("max"),
    /** Exact mean (sum / count); empty for stages. */
    MEAN("mean"),
    /** Stage rows: the stage's wall time; empty otherwise. */
    SECONDS("seconds"),
    /** Stage rows: count / seconds; empty otherwise. */
    PER_SECOND("per_second");

    /** The file's name in the run directory. */
    public static final String FILE = "timing.csv";
    /** The unit of latency rows. */
    public static final String NANOSECONDS = "ns";
    /** The unit of template-size rows. */
    public static final String BYTES = "bytes";
    /** The {@code name} of the template-size row. */
    public static final String TEMPLATE_SIZE = "template";

    private final String header;

    TimingCsv(String header) {
        this.header = header;
    }

    @Override
    public String header() {
        return header;
    }

    /**
     * The header row.
     *
     * @return the column names
     */
    public static String[] headerRow() {
        return Column.headerRow(values(), Map.of());
    }

    /** The values of {@link #RECORD}. */
    public enum RecordKind implements CellValue {
        /** The latencies of one SPI operation. */
        LATENCY("latency"),
        /** Template sizes. */
        SIZE("size"),
        /** A stage's throughput. */
        STAGE("stage");

        private final String text;

        RecordKind(String text) {
            this.text = text;
        }

        @Override
        public String text() {
            return text;
        }
    }
}
