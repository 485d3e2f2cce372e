/**
 * The binary score store of run format 2: the comparisons of a verification run as an Apache Arrow IPC
 * stream ({@code comparisons.arrows}), which pyarrow, pandas, Polars, R's arrow and DuckDB read without
 * Touchstone. {@code docs/run-directory.md} specifies its columns and says why Arrow IPC and not Parquet.
 *
 * <p>Imports the JDK, {@code harness-api}, Apache Arrow and the {@code columns} package (for the status
 * vocabulary shared with {@code comparisons.csv}).
 */
package org.touchstone.runformat.store;
