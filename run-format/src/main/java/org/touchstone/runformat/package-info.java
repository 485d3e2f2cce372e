/**
 * The run directory's format ({@code docs/run-directory.md}): its versions
 * ({@link org.touchstone.runformat.RunFormatVersion}), the names of its files, its raw tables and the exception
 * every reader throws for a file that breaks the format. The sub-packages hold the columns of each raw table
 * ({@code columns}), run.json as records ({@code runjson}), the system descriptor's JSON shared with the wire
 * protocols ({@code descriptor}), JSON reading ({@code json}) and atomic writes and SHA-256 ({@code io}).
 *
 * <p>The module depends on {@code harness-api} and Jackson only, so that {@code protocols}, {@code reports} and
 * {@code harness-runner} can all use it. This package imports {@code columns} and {@code io} only; the
 * sub-packages import each other one way: {@code io} and {@code columns} nothing, {@code json} this package,
 * {@code runjson} this package, {@code json} and {@code io}, {@code descriptor} {@code json} and
 * {@code runjson}.
 */
package org.touchstone.runformat;
