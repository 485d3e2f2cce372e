/**
 * The identification (1:N) report: {@link org.touchstone.reports.identification.report.IdentificationReport}
 * reads an identification run, computes every number with the metrics of
 * {@code org.touchstone.reports.identification} and {@code stats}, and renders metrics.json, the tables, the
 * figures and the headline.
 *
 * <p>May import {@code rendering}, {@code input} and the metric packages; never another capability's
 * report, nor {@code card}, {@code timing} or the entry points.
 */
package org.touchstone.reports.identification.report;
