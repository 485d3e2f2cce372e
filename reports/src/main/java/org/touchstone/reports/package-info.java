/**
 * The entry points of the reports: {@link org.touchstone.reports.RunReports} turns a run directory into its
 * report (metrics.json, tables, figures, report card), {@link org.touchstone.reports.ScoreFileReports} does
 * the same for a score file ({@code touchstone analyze}); both write through {@code ReportWriter} (atomic
 * files, stale files removed) and answer with a {@link org.touchstone.reports.ReportSummary}.
 *
 * <p>The packages, from the bottom up, each importing only those below it:
 * <ul>
 *   <li>metrics, plain math free of I/O: {@code stats}, {@code differentials}, {@code verification},
 *       {@code identification}, {@code attributes} (the analysis capability's metrics);</li>
 *   <li>{@code input}: reading a run directory's raw files and run.json, and score files;</li>
 *   <li>{@code rendering}: what every capability's report shares ({@code CapabilityReport}, metrics.json,
 *       CSV tables, charts, failures, number formats);</li>
 *   <li>one package per capability's report, {@code verification.report}, {@code identification.report} and
 *       {@code analysis.report}, beside {@code timing} (the part every run adds); none imports another;</li>
 *   <li>{@code card}: the HTML pages, rendered from the files written (report card, comparison page, bench
 *       card); it imports no other reports package;</li>
 *   <li>this package, which picks a capability's report, adds timing and writes;</li>
 *   <li>{@code comparison} (several runs side by side: {@code touchstone compare}) and {@code verify}
 *       ({@code touchstone verify}: hashes and recomputation).</li>
 * </ul>
 * New parts go beside their kind: a figure or table of one capability in its report package; a summary of
 * headline figures on every card in {@code card}; a site of many runs' cards and leaderboards in a package
 * of its own above {@code comparison} and {@code card}; signatures beside the hashes in {@code verify}; a
 * requirement gate on metrics.json in a package of its own above {@code input}. {@code ArchitectureTest}
 * checks the order and that no package cycle forms.
 *
 * <p>May import every reports package but {@code comparison} and {@code verify}.
 */
package org.touchstone.reports;
