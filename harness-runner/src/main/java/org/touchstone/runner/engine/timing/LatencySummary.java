package org.touchstone.runner.engine.timing;

/**
 * A distribution of recorded values (latencies in ns, or template sizes in bytes): percentiles to three
 * significant digits (HdrHistogram), the exact maximum and mean.
 *
 * @param count    values recorded
 * @param failures of them, calls that failed (0 for sizes)
 * @param p50      median
 * @param p90      90th percentile
 * @param p99      99th percentile
 * @param max      largest value, exact
 * @param mean     arithmetic mean, exact up to double rounding
 */
public record LatencySummary(long count, long failures, long p50, long p90, long p99, long max, double mean) {
}
