/**
 * {@code touchstone verify}: checks a run directory's files against the SHA-256s run.json records and
 * recomputes its report in a scratch copy to compare with the one it holds.
 *
 * <p>May import the entry points ({@code RunReports}) and {@code input}.
 */
package org.touchstone.reports.verify;
