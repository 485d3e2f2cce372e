/**
 * Reading a run directory ({@code docs/run-directory.md}) into what the reports compute from: each
 * capability's settings from {@code run.json} (which {@code run-format} reads and checks), the raw CSV files
 * of each capability ({@code templates.csv}, {@code comparisons.csv}, {@code galleries.csv},
 * {@code searches.csv}, {@code candidates.csv}, {@code analyses.csv}, {@code estimates.csv},
 * {@code timing.csv}, their columns named by {@code run-format}'s enums) and score files of other tools,
 * validated row by row, with errors ({@link org.touchstone.runformat.RunDirectoryException}) that name the
 * file, line and column.
 *
 * <p>May import the metric packages (for their value types and the score sinks it fills), {@code run-format},
 * Jackson and Commons CSV; never the rendering or report packages.
 */
package org.touchstone.reports.input;
