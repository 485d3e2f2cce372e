package org.touchstone.runformat.columns;

/**
 * The columns of {@value #FILE}: what the runner measured of every SPI call it made (any capability),
 * one row per operation, for template sizes, and per stage.
 */
public enum TimingCsv implements Column {
    /** A {@link RecordKind}. */
    RECORD,
    /** The operation, {@code template}, or the stage. */
    NAME,
    /** {@code ns} for latencies, {@code bytes} for sizes; for a stage, what its items are. */
    UNIT,
    /** Calls (latency), templates made (size), items the stage's calls handled (stage). */
    COUNT,
    /** Latency rows: calls, or items, that failed; empty otherwise. */
    FAILURES,
    /** Median; empty for stages. */
    P50,
    /** 90th percentile; empty for stages. */
    P90,
    /** 99th percentile; empty for stages. */
    P99,
    /** Exact maximum; empty for stages. */
    MAX,
    /** Exact mean (sum / count); empty for stages. */
    MEAN,
    /** Stage rows: the stage's wall time; empty otherwise. */
    SECONDS,
    /** Stage rows: count / seconds; empty otherwise. */
    PER_SECOND;

    /** The file's name in the run directory. */
    public static final String FILE = "timing.csv";
    /** The unit of latency rows. */
    public static final String NANOSECONDS = "ns";
    /** The unit of template-size rows. */
    public static final String BYTES = "bytes";
    /** The {@code name} of the template-size row. */
    public static final String TEMPLATE_SIZE = "template";

    /** The values of {@link #RECORD}. */
    public enum RecordKind implements CellValue {
        /** The latencies of one SPI operation. */
        LATENCY,
        /** Template sizes. */
        SIZE,
        /** A stage's throughput. */
        STAGE
    }
}
