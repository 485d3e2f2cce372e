/**
 * Reading a run directory ({@code docs/run-directory.md}): {@code run.json} (the header every report needs,
 * and each capability's settings), the raw CSV files of each capability ({@code templates.csv},
 * {@code comparisons.csv}, {@code galleries.csv}, {@code searches.csv}, {@code candidates.csv},
 * {@code analyses.csv}, {@code estimates.csv}, {@code timing.csv}) and score files of other tools, validated
 * row by row, with errors ({@link org.touchstone.reports.input.RunDirectoryException}) that name the file,
 * line and column.
 *
 * <p>May import the metric packages (for their value types and the score sinks it fills), Jackson and
 * Commons CSV; never the rendering or report packages.
 */
package org.touchstone.reports.input;
