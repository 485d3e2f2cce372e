/**
 * The summary a reader sees first, read from a run's (or a score file's) metrics.json: the headline figures
 * with intervals and counts and a plain sentence each ({@link Headline}), the operating points the data cannot
 * support, and the demographic verdict ({@link DemographicVerdict}). Each capability contributes its figures
 * through one interface, {@link SummarySection}; the report card, {@code touchstone check} and
 * {@code touchstone publish} all read the same {@link RunSummary}, so the figure a gate tests is the one a
 * reader sees.
 *
 * <p>Reads files, never results in memory (as the card does), so it summarises any metrics.json, including a
 * published one. May import {@code stats} only.
 */
package org.touchstone.reports.summary;
