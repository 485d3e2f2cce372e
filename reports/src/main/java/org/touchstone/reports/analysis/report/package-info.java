/**
 * The analysis (attribute estimation) report: {@link org.touchstone.reports.analysis.report.AnalysisReport}
 * reads an analysis run, computes every number with the metrics of {@code org.touchstone.reports.attributes}
 * (the analysis capability's metric package, named for what it measures) and {@code stats}, and renders
 * metrics.json, the tables, the figures and the headline.
 *
 * <p>May import {@code rendering}, {@code input} and the metric packages; never another capability's
 * report, nor {@code card}, {@code timing} or the entry points.
 */
package org.touchstone.reports.analysis.report;
