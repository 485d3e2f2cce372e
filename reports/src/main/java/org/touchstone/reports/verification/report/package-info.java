/**
 * The verification (1:1) report: {@link org.touchstone.reports.verification.report.VerificationReport}
 * reads a verification run (or a score file), computes every number with the metrics of
 * {@code org.touchstone.reports.verification}, {@code differentials} and {@code stats}, and renders
 * metrics.json, the tables, the figures and the headline.
 *
 * <p>May import {@code rendering}, {@code input} and the metric packages; never another capability's
 * report, nor {@code card}, {@code timing} or the entry points.
 */
package org.touchstone.reports.verification.report;
