/**
 * Reading a run directory ({@code docs/run-directory.md}): {@code run.json}, {@code templates.csv} and
 * {@code comparisons.csv}, validated row by row, with errors that name the file, line and column.
 */
package org.touchstone.reports.input;
