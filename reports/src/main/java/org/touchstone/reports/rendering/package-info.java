/**
 * What every capability's report shares: the {@link org.touchstone.reports.rendering.CapabilityReport}
 * interface and the {@link org.touchstone.reports.rendering.RenderedReport} it returns; the opening,
 * closing and serialisation of metrics.json ({@link org.touchstone.reports.rendering.MetricsJson}); the CSV
 * format and the cells of a rate ({@link org.touchstone.reports.rendering.CsvTables}); the charts' house
 * style ({@link org.touchstone.reports.rendering.Charts}); the failures and failure-to-enrol parts every
 * report gives; and how numbers are written ({@link org.touchstone.reports.rendering.Numbers}). Everything
 * renders to bytes in memory: nothing here writes a file.
 *
 * <p>May import {@code input} and the metric packages, Jackson, Commons CSV and XChart.
 */
package org.touchstone.reports.rendering;
